// The only reader of process.env. Everything configurable is parsed here once, with
// defaults that make `aipipeline serve` work on a laptop with no setup.

import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { MAX_SCRIPT_CHARS } from '@aipipeline/contracts'
import { z } from 'zod'

// The names proxy-addr (Fastify's trustProxy) understands besides addresses and ranges.
const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isProxyEntry(entry: string): boolean {
  if (PROXY_KEYWORDS.has(entry)) return true
  const [address = '', bits, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (bits === undefined) return true
  if (!/^\d{1,3}$/.test(bits)) return false
  return Number(bits) <= (family === 4 ? 32 : 128)
}

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8420),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only')
    .default('aipipeline'),
  AIPIPELINE_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  AIPIPELINE_ADMIN_EMAIL: z.email().optional(),
  AIPIPELINE_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ACCOUNT_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    )
    .pipe(z.array(z.string().refine(isProxyEntry, 'each entry must be an IP address, a CIDR range, or loopback'))),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SWEEP_MAX_COMBINATIONS: z.coerce.number().int().min(1).max(100_000).default(1000),
  WEB_DIST_DIR: z.string().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  FFMPEG_PATH: z.string().min(1).optional(),
  REPORT_FONT_PATH: z.string().min(1).default('/usr/share/fonts/truetype/nanum/NanumGothic.ttf'),
  FARM_LEASE_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  OFFLOAD_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  SCRIPT_MAX_CHARS: z.coerce.number().int().min(1000).max(MAX_SCRIPT_CHARS).default(MAX_SCRIPT_CHARS),
  WORKFLOW_MAX_NODES: z.coerce.number().int().min(10).max(1_000_000).default(20_000),
  SPREADSHEET_MAX_ROWS: z.coerce.number().int().min(10).max(1_000_000).default(50_000),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl: string
  redisUrl: string | undefined
  /** Key prefix for BullMQ queues, so several studios can share one Redis. */
  redisPrefix: string
  /** 32-byte master key: signs tokens and encrypts stored credentials (via derived keys). */
  secretKey: Buffer
  secretKeySource: 'env' | 'file'
  bootstrapAdmin: { email: string; password: string } | undefined
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
  accessTokenTtlSeconds: number
  refreshTokenTtlDays: number
  /** How long an invitation or password-reset link works unless spent. */
  accountLinkTtlDays: number
  /** Sign-in attempts a minute on one account: from unknown addresses together, and from each known one. */
  loginRateLimitPerMinute: number
  /** Sign-in attempts a minute from one client address, whatever the accounts. */
  loginRateLimitPerAddressPerMinute: number
  /**
   * Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, `loopback`…); empty
   * trusts none, so a client cannot choose the address the sign-in limits count against.
   */
  trustedProxies: string[]
  bodyLimitBytes: number
  /** Most render jobs one parameter sweep may expand to; larger sweeps are refused (422). */
  sweepMaxCombinations: number
  webDistDir: string
  otelEndpoint: string | undefined
  /** ffmpeg for video poster frames; unset looks it up on PATH, and it is optional either way. */
  ffmpegPath: string | undefined
  /** A TrueType font with Hangul for report PDFs; without it PDFs use Helvetica and say Korean may not show. */
  reportFontPath: string
  /**
   * Render dispatcher leader lease interval, ms: the lease lasts two, the leader renews it and
   * a standby tries to take it every half interval, so a frozen leader is replaced within 3.
   */
  farmLeaseIntervalMs: number
  /** Worker threads for heavy parsing; default leaves one core to the event loop (1 on 2 cores). */
  offloadThreads: number
  /** Longest screenplay text accepted, in characters (413 beyond). */
  scriptMaxChars: number
  /** Most nodes a workflow may have once converted (413 beyond). */
  workflowMaxNodes: number
  /** Most rows a spreadsheet import may have (413 beyond). */
  spreadsheetMaxRows: number
  version: string
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  if ((e.AIPIPELINE_ADMIN_EMAIL === undefined) !== (e.AIPIPELINE_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('AIPIPELINE_ADMIN_EMAIL and AIPIPELINE_ADMIN_PASSWORD must be set together')
  }
  const dataDir = resolve(e.DATA_DIR)
  const secret = e.AIPIPELINE_SECRET_KEY
    ? { key: Buffer.from(e.AIPIPELINE_SECRET_KEY, 'hex'), source: 'env' as const }
    : { key: loadOrCreateKeyFile(dataDir), source: 'file' as const }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${join(dataDir, 'aipipeline.db')}`,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    secretKey: secret.key,
    secretKeySource: secret.source,
    bootstrapAdmin:
      e.AIPIPELINE_ADMIN_EMAIL && e.AIPIPELINE_ADMIN_PASSWORD
        ? { email: e.AIPIPELINE_ADMIN_EMAIL, password: e.AIPIPELINE_ADMIN_PASSWORD }
        : undefined,
    logLevel: e.LOG_LEVEL,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    accountLinkTtlDays: e.ACCOUNT_LINK_TTL_DAYS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerAddressPerMinute: e.LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    trustedProxies: e.TRUSTED_PROXIES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    sweepMaxCombinations: e.SWEEP_MAX_COMBINATIONS,
    webDistDir: resolve(e.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    otelEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    ffmpegPath: e.FFMPEG_PATH,
    reportFontPath: e.REPORT_FONT_PATH,
    farmLeaseIntervalMs: e.FARM_LEASE_INTERVAL_MS,
    offloadThreads: e.OFFLOAD_THREADS ?? defaultOffloadThreads(),
    scriptMaxChars: e.SCRIPT_MAX_CHARS,
    workflowMaxNodes: e.WORKFLOW_MAX_NODES,
    spreadsheetMaxRows: e.SPREADSHEET_MAX_ROWS,
    version: readVersion(),
  }
}

/**
 * Parsing threads for a machine: one core stays with the event loop, so 1 on 2 cores, 3 on 4,
 * at most 4 (large files arrive now and then; more threads only hold memory).
 */
export function defaultOffloadThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1))
}

/** The generated key lives beside the data, readable by the owner only (mode 0600). */
function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key')
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim()
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new ConfigError(`${file} is corrupt: expected 64 hex characters`)
    return Buffer.from(hex, 'hex')
  }
  // Owner-only: the folder also holds the database and stored files.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const key = randomBytes(32)
  // `wx` fails if another process created the file meanwhile; then read theirs.
  try {
    writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
  } catch {
    return loadOrCreateKeyFile(dataDir)
  }
  chmodSync(file, 0o600)
  return key
}

function readVersion(): string {
  const pkg = z
    .object({ version: z.string() })
    .parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')))
  return pkg.version
}
