// Runs a studio entry script (the server's test-kits/farm/farm-studio.fixture.ts) as a child
// process and talks to it over HTTP, the way the farm benchmark and the chaos test drive the real
// dispatcher, client and simulators. The entry comes in as a path so this package imports nothing
// from apps/.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { z } from 'zod'

export interface StudioProcess {
  url: string
  child: ChildProcess
  token: string
  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>
  /** SIGKILL: no cleanup at all, like a crashed host. */
  kill(): Promise<void>
  /** SIGSTOP, returning once the process is stopped: frozen like a VM paused or a host swapping, its connections open. */
  freeze(): Promise<void>
  /** SIGCONT: the frozen process runs on from where it stopped. */
  thaw(): void
}

export interface StudioProcessOptions {
  /** Absolute path of the script that starts the studio and prints {"url": …} once listening. */
  entry: string
  dataDir: string
  databaseUrl?: string
  port?: number
  secretKey?: string
  farm: Record<string, unknown>
  /** Extra node flags for the studio process (the benchmark's `--cpu-prof`). */
  nodeArgs?: string[]
}

export const ADMIN = { email: 'bench-admin@farm.local', password: 'farm-bench-password' }

/** Starts the studio process and signs in as the bootstrap admin. */
export async function startStudioProcess(o: StudioProcessOptions): Promise<StudioProcess> {
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), '--import', 'tsx', o.entry, JSON.stringify(o.farm)], {
    env: {
      ...process.env,
      DATA_DIR: o.dataDir,
      PORT: String(o.port ?? 0),
      HOST: '127.0.0.1',
      AIPIPELINE_SECRET_KEY: o.secretKey ?? randomBytes(32).toString('hex'),
      AIPIPELINE_ADMIN_EMAIL: ADMIN.email,
      AIPIPELINE_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin })
    lines.on('line', (line) => {
      const parsed = z.object({ url: z.string() }).safeParse(safeJson(line))
      if (parsed.success) resolve(parsed.data.url)
    })
    child.once('exit', (code) => reject(new Error(`studio exited with ${code} before it was ready`)))
  })
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, json: text === '' ? null : safeJson(text) }
  }
  const login = await call('POST', '/api/auth/login', ADMIN)
  const token = z.object({ accessToken: z.string() }).parse(login.json).accessToken
  return {
    url,
    child,
    token,
    call: (method, path, body) => call(method, path, body, token),
    async stop() {
      child.kill('SIGCONT')
      child.kill('SIGTERM')
      await exited
    },
    async kill() {
      child.kill('SIGCONT')
      child.kill('SIGKILL')
      await exited
    },
    async freeze() {
      child.kill('SIGSTOP')
      // The signal is asynchronous: wait until the kernel reports the process stopped.
      for (let state = processState(child.pid); state !== 'T' && state !== null; state = processState(child.pid))
        await new Promise((r) => setTimeout(r, 5))
    },
    thaw() {
      child.kill('SIGCONT')
    },
  }
}

/** The state letter of a process in /proc (R, S, T for stopped…), or null when it is gone. */
function processState(pid: number | undefined): string | null {
  if (pid === undefined) return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.charAt(stat.lastIndexOf(')') + 2)
  } catch {
    return null
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
