// `aipipeline serve` as a child process for the benchmarks that measure it over HTTP: a fresh
// data folder and database, a first admin, and a resolve once /api/health answers.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'

/** The first admin every benchmark studio is started with. */
export const BENCH_ADMIN = { email: 'bench@bench.local', password: 'bench-password' }

export interface ServeOptions {
  databaseUrl: string
  dataDir: string
  port: number
  /** Node flags for the server process (e.g. a CPU profile). */
  nodeArgs?: string[]
}

/** Starts the server and resolves once it answers /api/health (60 s at most). */
export async function spawnServe(o: ServeOptions): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), 'apps/server/bin/aipipeline.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      DATA_DIR: o.dataDir,
      DATABASE_URL: o.databaseUrl,
      LOG_LEVEL: 'warn',
      AIPIPELINE_SECRET_KEY: randomBytes(32).toString('hex'),
      AIPIPELINE_ADMIN_EMAIL: BENCH_ADMIN.email,
      AIPIPELINE_ADMIN_PASSWORD: BENCH_ADMIN.password,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${o.port}/api/health`)).ok) return child
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill()
  throw new Error('server did not start')
}
