// Event-loop responsiveness under heavy parsing: `npx tsx bench/server/event-loop.bench.ts`
// prints one JSON object. It starts a real studio (`bin/aipipeline.js serve`, as `npm start`
// and the demo run it) on a free loopback port, samples GET /api/health latency while idle,
// then while a ~2 MB screenplay preview and a 10,000-node workflow submission are processed
// together, twice: first with the parsing pool cold (its worker thread starts and loads the
// sources), then warm. Everything stays on 127.0.0.1; the studio is stopped at the end.
// EVENT_LOOP_BENCH_IDLE_MS sets the idle window (default 3000).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { wideTextToImagePrompt } from '@aipipeline/comfyui'
import { freePort } from '@aipipeline/testing'
import { z } from 'zod'

const IDLE_MS = Number(process.env.EVENT_LOOP_BENCH_IDLE_MS ?? 3000)
const EMAIL = 'bench@example.com'
const PASSWORD = 'bench-password-123'

/** ~2 MB of dialogue in one long scene: the slow case for chunking. */
const screenplay = `INT. RADIO STUDIO - NIGHT\n\n${'MARA\nWe are still on the air, keep talking.\n\n'.repeat(48_000)}`

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const round = (v: number) => Math.round(v * 10) / 10
  return { samples: sorted.length, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1) ?? 0) }
}

const port = await freePort()
const base = `http://127.0.0.1:${port}`
const dataDir = mkdtempSync(join(tmpdir(), 'aipipeline-event-loop-bench-'))
const bin = fileURLToPath(new URL('../../apps/server/bin/aipipeline.js', import.meta.url))
// Embedded mode whatever the caller's shell says: SQLite in the temporary folder, no Redis.
const { DATABASE_URL: _db, REDIS_URL: _redis, ...env } = process.env
const studio = spawn(process.execPath, [bin, 'serve'], {
  env: {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    AIPIPELINE_ADMIN_EMAIL: EMAIL,
    AIPIPELINE_ADMIN_PASSWORD: PASSWORD,
    // A 10,000-node workflow is ~1.2 MB of JSON, beyond the 1 MB default.
    BODY_LIMIT_BYTES: String(8 * 1024 * 1024),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})

async function healthOk(): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`)).ok
  } catch {
    return false
  }
}

try {
  const until = Date.now() + 120_000
  while (!(await healthOk())) {
    if (Date.now() > until || studio.exitCode !== null) throw new Error('the studio did not start')
    await new Promise((r) => setTimeout(r, 200))
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  })
  const { accessToken } = z.object({ accessToken: z.string() }).parse(await login.json())
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }
  /** `body` is sent as given when it is already JSON text (serialised before sampling starts). */
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })

  /**
   * The studio's own event-loop delay over a window, from /metrics: prom-client resets its
   * delay histogram at every scrape, so a scrape before and one after bound the window. This is
   * the server's figure; the sampled health latency adds the client's and the OS's scheduling.
   */
  async function serverLoopDelay(): Promise<{ maxMs: number; p99Ms: number }> {
    const text = await (await fetch(`${base}/metrics`, { headers })).text()
    const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? Number.NaN)
    const ms = (s: number) => Math.round(s * 10_000) / 10
    return {
      maxMs: ms(value('aipipeline_nodejs_eventloop_lag_max_seconds')),
      p99Ms: ms(value('aipipeline_nodejs_eventloop_lag_p99_seconds')),
    }
  }
  const project = z
    .object({ id: z.string() })
    .parse(await (await post('/api/projects', { code: 'BENCH', name: 'Event loop bench' })).json())

  /** Samples /api/health back to back (10 ms apart) until `work` settles. */
  async function sampleWhile(work: Promise<unknown>): Promise<number[]> {
    let done = false
    void work.finally(() => {
      done = true
    })
    const latencies: number[] = []
    while (!done) {
      const start = performance.now()
      await fetch(`${base}/api/health`)
      latencies.push(performance.now() - start)
      await new Promise((r) => setTimeout(r, 10))
    }
    return latencies
  }

  const workflow = wideTextToImagePrompt(1430)
  // Serialised up front: building 3 MB of JSON in this process would stall its own sampling.
  const previewBody = JSON.stringify({ projectId: project.id, text: screenplay })
  const submissionBody = JSON.stringify({ source: { kind: 'api', prompt: workflow } })
  await serverLoopDelay()
  const idle = await sampleWhile(new Promise((r) => setTimeout(r, IDLE_MS)))
  const idleServer = await serverLoopDelay()
  const rounds: Record<string, unknown> = {}
  for (const round of ['coldPool', 'warmPool']) {
    const timed = async (what: () => Promise<Response>) => {
      const start = performance.now()
      const res = await what()
      await res.arrayBuffer()
      return { status: res.status, ms: Math.round(performance.now() - start) }
    }
    await serverLoopDelay()
    const work = Promise.all([
      timed(() => post('/api/agents/script-analyses/preview', previewBody)),
      timed(() => post('/api/farm/jobs', submissionBody)),
    ])
    const health = await sampleWhile(work)
    const [preview, submission] = await work
    rounds[round] = {
      health: stats(health),
      serverEventLoopDelay: await serverLoopDelay(),
      screenplayPreview: preview,
      workflowSubmission: submission,
    }
  }
  console.log(
    JSON.stringify(
      {
        bench: 'event-loop',
        node: process.version,
        cores: availableParallelism(),
        screenplayChars: screenplay.length,
        workflowNodes: Object.keys(workflow).length,
        idle: { health: stats(idle), serverEventLoopDelay: idleServer },
        ...rounds,
      },
      null,
      2,
    ),
  )
} finally {
  studio.kill('SIGTERM')
  await new Promise((r) => studio.once('exit', r))
  rmSync(dataDir, { recursive: true, force: true })
}
