// Builds a studio for tests on a given engine (and optionally Redis), with a captured log
// so tests can assert what was and was not logged. Only imported by tests.
import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import type { HttpMethod, Session } from '@aipipeline/contracts'
import type { Engine } from '@aipipeline/db'
import type { Role } from '@aipipeline/domain'
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from '@aipipeline/testing'
import { buildApp, type Studio } from '../src/app'
import { type Config, loadConfig } from '../src/config'
import { createJobQueue } from '../src/jobs'
import type { ReviewSeams } from '../src/modules/review'
import { createLogger } from '../src/observability/logger'

export interface LogLine {
  level: number
  msg?: string
  [key: string]: unknown
}

export interface TestStudio extends Studio {
  testDb: TestDatabase
  logs: LogLine[]
  config: Config
  /** Creates a user with the role and signs in; returns the session. */
  signIn(role: Role, email?: string): Promise<Session>
  close(): Promise<void>
}

/** A config for tests: random secret, no data dir side effects beyond a temp dir. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ AIPIPELINE_SECRET_KEY: randomBytes(32).toString('hex'), DATA_DIR: '/tmp/aipipeline-test-data' }),
    logLevel: 'info',
    loginRateLimitPerMinute: 1000,
    loginRateLimitPerAddressPerMinute: 1000,
    webDistDir: '/nonexistent',
    ...overrides,
  }
}

/** Calls the studio's API as the holder of `token` (anonymous without one), sending `payload` as JSON. */
export function callApi(studio: Studio, method: HttpMethod, url: string, token?: string, payload?: unknown) {
  return studio.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    headers: {
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  })
}

export async function createTestStudio(
  engine: Engine,
  /** `database`: share another studio's database (scale-out instances); its owner cleans it up. */
  opts: { redis?: boolean; config?: Partial<Config>; database?: TestDatabase; review?: ReviewSeams } = {},
): Promise<TestStudio> {
  const testDb = opts.database ?? (await createTestDatabase(engine))
  const logs: LogLine[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine)
      done()
    },
  })
  const config = testConfig({ ...(opts.redis ? { redisUrl: TEST_REDIS_URL } : {}), ...opts.config })
  const queue = createJobQueue({
    db: testDb.handle.db,
    redisUrl: config.redisUrl,
    // A private prefix keeps parallel test files' BullMQ queues apart.
    redisPrefix: `test-${randomBytes(4).toString('hex')}`,
    pollIntervalMs: 50,
  })
  const studio = await buildApp({
    config,
    database: testDb.handle,
    queue,
    logger: createLogger('info', sink),
    queueKind: opts.redis ? 'bullmq' : 'local',
    ...(opts.review ? { review: opts.review } : {}),
  })
  let counter = 0
  return {
    ...studio,
    testDb,
    logs,
    config,
    async signIn(role, email) {
      counter += 1
      const address = email ?? `${role}-${counter}-${randomBytes(3).toString('hex')}@test.local`
      await studio.auth.createUser({ email: address, displayName: role, role, locale: 'en', password: 'correct horse' })
      return studio.auth.login({ email: address, password: 'correct horse', clientAddress: '127.0.0.1' })
    },
    async close() {
      await queue.close()
      await studio.app.close()
      if (!opts.database) await testDb.cleanup()
    },
  }
}
