// Chaos: a studio process dispatching to 4 simulators; one simulator crashes mid-run and comes
// back, then the studio itself is SIGKILLed and restarted on the same data. Every job must end
// succeeded exactly once with its output file once, and a crashed backend's jobs must fail over:
// each runs elsewhere, once. How fast that happens is a benchmark figure
// (bench/farm/backend-failover.bench.ts), not an assertion: this must pass on a loaded machine.
// FARM_CHAOS_JOBS=200 runs the full-size version (CI runs it); the always-on run uses 48 jobs to
// stay quick on two cores.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type SimulatorFarm, startSimulatorFarm, textToImagePrompt } from '@aipipeline/comfyui'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type StudioProcess, startStudioProcess } from '../../../test-kits/farm/farm-studio-process'

const JOBS = Number(process.env.FARM_CHAOS_JOBS ?? 48)
const HEALTH_INTERVAL_MS = 500

const Job = z.object({
  id: z.string(),
  state: z.string(),
  attempts: z.array(z.object({ backendId: z.string(), outcome: z.string(), startedAt: z.string().nullable() })),
  outputs: z.array(z.object({ path: z.string() })),
})
const Jobs = z.object({ items: z.array(z.object({ id: z.string(), state: z.string() })) })
const Backend = z.object({ id: z.string(), currentJobIds: z.array(z.string()) })

async function until<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await check()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('farm chaos: backend crash and studio SIGKILL', () => {
  let dataDir: string
  let sims: SimulatorFarm
  let studio: StudioProcess | undefined
  const secretKey = randomBytes(32).toString('hex')
  const start = () =>
    startStudioProcess({
      dataDir,
      secretKey,
      // A generous probe timeout: registering probes the backend, and a loaded machine is slow to answer.
      farm: { healthIntervalMs: HEALTH_INTERVAL_MS, probeTimeoutMs: 2000, tickIntervalMs: 200, thumbnails: false },
    })

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'farm-chaos-'))
    sims = await startSimulatorFarm([1, 1, 1, 1].map((speed) => ({ speed, timeScale: 1, previews: false })))
  })
  afterAll(async () => {
    if (studio && studio.child.exitCode === null) await studio.stop()
    await sims.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const succeededCount = async (s: StudioProcess) =>
    Jobs.parse((await s.call('GET', '/api/farm/jobs?state=succeeded&limit=500')).json).items.length

  it('ends every job succeeded exactly once, with each output once, and moves a crashed backend’s jobs elsewhere once', {
    timeout: 240_000,
  }, async () => {
    let s = await start()
    studio = s
    const backendIds: string[] = []
    for (const [i, url] of sims.urls.entries()) {
      const res = await s.call('POST', '/api/farm/backends', { name: `sim-${i + 1}`, url })
      backendIds.push(Backend.parse(res.json).id)
    }
    const jobIds: string[] = []
    for (let i = 0; i < JOBS; i++) {
      const prompt = textToImagePrompt({ seed: i + 1, steps: 8, width: 384, height: 384 })
      const res = await s.call('POST', '/api/farm/jobs', { source: { kind: 'api', prompt } })
      jobIds.push(z.object({ id: z.string() }).parse(res.json).id)
    }

    // 1. Crash one simulator mid-run; its jobs must start elsewhere.
    await until(async () => ((await succeededCount(s)) >= JOBS / 4 ? true : undefined), 120_000)
    const victim = sims.simulators[1]
    const victimId = backendIds[1]
    if (!victim || !victimId) throw new Error('no victim')
    const onVictim = Backend.parse((await s.call('GET', `/api/farm/backends/${victimId}`)).json).currentJobIds
    await victim.inject({ kind: 'crash' })
    const seen = await Promise.all(
      onVictim.map((id) =>
        until(async () => {
          const job = Job.parse((await s.call('GET', `/api/farm/jobs/${id}`)).json)
          const movedOn = job.attempts.some((a) => a.backendId !== victimId && a.startedAt !== null)
          // A job that finished on the victim just before the crash has nothing to move.
          const doneBefore = job.attempts.some((a) => a.backendId === victimId && a.outcome === 'succeeded')
          return movedOn || doneBefore ? job : undefined
        }, 120_000),
      ),
    )
    const moved = seen.filter((job) => !job.attempts.some((a) => a.outcome === 'succeeded' && a.backendId === victimId))
    expect(moved.length).toBeGreaterThan(0)
    for (const job of moved) {
      // Failed over once: its attempts on the crashed backend are lost, and one attempt runs elsewhere.
      const onVictimOutcomes = job.attempts.filter((a) => a.backendId === victimId).map((a) => a.outcome)
      expect(onVictimOutcomes, JSON.stringify(job.attempts)).toEqual(onVictimOutcomes.map(() => 'lost'))
      expect(job.attempts.filter((a) => a.backendId !== victimId && a.startedAt !== null)).toHaveLength(1)
    }
    await victim.restart()

    // 2. SIGKILL the studio mid-run and start it again on the same database and storage.
    await until(async () => ((await succeededCount(s)) >= JOBS / 2 ? true : undefined), 120_000)
    await s.kill()
    s = await start()
    studio = s

    const jobs = await until(async () => {
      const all = await Promise.all(
        jobIds.map(async (id) => Job.parse((await s.call('GET', `/api/farm/jobs/${id}`)).json)),
      )
      return all.every((j) => j.state === 'succeeded' || j.state === 'failed') ? all : undefined
    }, 180_000)
    expect(jobs.filter((j) => j.state !== 'succeeded').map((j) => j.id)).toEqual([])
    for (const job of jobs) {
      expect(job.attempts.filter((a) => a.outcome === 'succeeded')).toHaveLength(1)
      expect(job.outputs).toHaveLength(1)
      const files = readdirSync(join(dataDir, 'storage', 'farm', job.id)).filter((f) => !f.endsWith('.part'))
      expect(files).toHaveLength(1)
    }
  })
})
