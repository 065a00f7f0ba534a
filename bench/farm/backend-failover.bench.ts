// Render farm failover when a GPU backend crashes: an embedded `aipipeline serve` (production
// farm defaults, health probes every 5 s) dispatches to four simulators; each round crashes the
// busiest simulator mid-run and measures, per job it was running, the time from the crash until
// the job started on another backend. Prints one JSON object (ms and health intervals); never
// asserts on time (farm-chaos.test.ts asserts the behaviour). Run:
// npx tsx bench/farm/backend-failover.bench.ts (about 1-2 min). BENCH_ROUNDS (default 3) overrides.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulatorFarm, textToImagePrompt } from '@aipipeline/comfyui'
import { z } from 'zod'
import { startStudio, until } from './studio-serve'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const JOBS_PER_ROUND = 16
// DEFAULT_FARM_OPTIONS.healthIntervalMs: the unit the failover time is reported in.
const HEALTH_INTERVAL_MS = 5000

const Backend = z.object({ id: z.string(), currentJobIds: z.array(z.string()) })
const Job = z.object({
  state: z.string(),
  attempts: z.array(z.object({ backendId: z.string(), outcome: z.string(), startedAt: z.string().nullable() })),
})
const round1 = (x: number) => Math.round(x * 10) / 10

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'aipipeline-failover-bench-'))
  const sims = await startSimulatorFarm([1, 1, 1, 1].map((speed) => ({ speed, timeScale: 1, previews: false })))
  const studio = await startStudio({ DATA_DIR: dataDir, AIPIPELINE_SECRET_KEY: randomBytes(32).toString('hex') })
  try {
    const backendIds: string[] = []
    for (const [i, url] of sims.urls.entries())
      backendIds.push(Backend.parse(await studio.api('POST', '/api/farm/backends', { name: `sim-${i + 1}`, url })).id)
    const job = async (id: string) => Job.parse(await studio.api('GET', `/api/farm/jobs/${id}`))
    const rounds = []
    let seed = 0
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < JOBS_PER_ROUND; i++) {
        const prompt = textToImagePrompt({ seed: ++seed, steps: 8, width: 384, height: 384 })
        await studio.api('POST', '/api/farm/jobs', { source: { kind: 'api', prompt } })
      }
      const victim = r % sims.simulators.length
      const victimId = backendIds[victim] ?? ''
      const onVictim = await until('jobs on the victim', async () => {
        const b = Backend.parse(await studio.api('GET', `/api/farm/backends/${victimId}`))
        return b.currentJobIds.length > 0 ? b.currentJobIds : undefined
      })
      const crashedAt = Date.now()
      await sims.simulators[victim]?.inject({ kind: 'crash' })
      const moved = await Promise.all(
        onVictim.map((id) =>
          until('the job to start elsewhere', async () => {
            const j = await job(id)
            if (j.attempts.some((a) => a.backendId === victimId && a.outcome === 'succeeded')) return null
            const elsewhere = j.attempts.find((a) => a.backendId !== victimId && a.startedAt !== null)
            return elsewhere?.startedAt ? Date.parse(elsewhere.startedAt) - crashedAt : undefined
          }),
        ),
      )
      const times = moved.filter((t): t is number => t !== null)
      const worst = Math.max(0, ...times)
      rounds.push({ jobsMoved: times.length, worstMs: worst, worstHealthIntervals: round1(worst / HEALTH_INTERVAL_MS) })
      await sims.simulators[victim]?.restart()
    }
    console.log(
      JSON.stringify(
        {
          benchmark: 'farm failover (backend crash)',
          healthIntervalMs: HEALTH_INTERVAL_MS,
          measure: 'crash of a simulator until each job it ran started on another backend',
          rounds,
          loadavg: loadavg().map(round1),
        },
        null,
        2,
      ),
    )
  } finally {
    studio.child.kill('SIGKILL')
    await sims.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
