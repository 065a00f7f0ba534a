// A real `aipipeline serve` process for the farm benchmarks, driven over its HTTP API.
import { type ChildProcess, spawn } from 'node:child_process'
import { Session } from '@aipipeline/contracts'
import { z } from 'zod'

const ADMIN = { email: 'bench@bench.local', password: 'bench-password' }

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls `check` every 20 ms until it returns a value; throws naming `what` after `timeoutMs`. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await check()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error(`${what}: not in time`)
    await sleep(20)
  }
}

export interface Studio {
  child: ChildProcess
  api(method: string, path: string, body?: unknown): Promise<unknown>
  isLeader(): Promise<boolean>
}

/** Starts `aipipeline serve` on a random port with `env` and signs in as its first admin. */
export async function startStudio(env: Record<string, string>): Promise<Studio> {
  const port = 18_400 + Math.floor(Math.random() * 1000)
  const child = spawn(process.execPath, ['apps/server/bin/aipipeline.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      AIPIPELINE_ADMIN_EMAIL: ADMIN.email,
      AIPIPELINE_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  await until('the studio to listen', async () =>
    (await fetch(`${base}/api/health`).catch(() => null))?.ok ? true : undefined,
  )
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  const { accessToken } = Session.parse(await login.json())
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return res.json()
  }
  const isLeader = async () => z.object({ leader: z.boolean() }).parse(await api('GET', '/api/farm/summary')).leader
  return { child, api, isLeader }
}
