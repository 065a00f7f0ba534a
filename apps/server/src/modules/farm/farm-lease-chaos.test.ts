// Chaos, scale-out: two studio processes on one Postgres dispatch to simulators; the leader is
// frozen (SIGSTOP: its database connections stay open, as when a VM pauses or a host swaps)
// for well over its lease. The standby must take over and the farm keep going; woken with
// SIGCONT, the old leader must stand down without dispatching anything; every job must succeed
// exactly once and run on a GPU once. How long the takeover takes is measured by
// bench/farm/lease-failover.bench.ts, not asserted here.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type SimulatorFarm, startSimulatorFarm, textToImagePrompt } from '@aipipeline/comfyui'
import { type DatabaseHandle, dropPostgresSchema, ensurePostgresSchema, openDatabase } from '@aipipeline/db'
import { postgres, requireService, uniquePostgresUrl } from '@aipipeline/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type StudioProcess, startStudioProcess } from '../../../test-kits/farm/farm-studio-process'

const JOBS = 24
const LEASE_INTERVAL_MS = 1000
// The leader stays frozen at least this many lease intervals (its lease lasts 2), and until
// the farm has visibly moved on without it.
const FROZEN_INTERVALS = 6

const Job = z.object({
  id: z.string(),
  state: z.string(),
  attempts: z.array(z.object({ outcome: z.string(), startedAt: z.string().nullable() })),
  outputs: z.array(z.object({ path: z.string() })),
})
const Summary = z.object({ leader: z.boolean(), jobs: z.record(z.string(), z.number()) })

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await check()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error(`${what}: not in time`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const summary = async (s: StudioProcess) => Summary.parse((await s.call('GET', '/api/farm/summary')).json)

describe.runIf(requireService(postgres, 'farm lease chaos on PostgreSQL'))('farm chaos: frozen leader', () => {
  const url = uniquePostgresUrl()
  let dataDir: string
  let sims: SimulatorFarm
  let db: DatabaseHandle
  const studios: StudioProcess[] = []
  const secretKey = randomBytes(32).toString('hex')
  const start = async () => {
    const s = await startStudioProcess({
      dataDir,
      secretKey,
      databaseUrl: url,
      farm: {
        healthIntervalMs: 500,
        probeTimeoutMs: 1000,
        tickIntervalMs: 200,
        leaseIntervalMs: LEASE_INTERVAL_MS,
        thumbnails: false,
      },
    })
    studios.push(s)
    return s
  }
  const lease = async () => {
    const row = await sql<{ epoch: number; holder: string | null }>`
      select epoch, holder from farm_leader_leases`.execute(db.db)
    return { epoch: Number(row.rows[0]?.epoch ?? 0), holder: row.rows[0]?.holder ?? '' }
  }
  const attemptsOfEpoch = async (epoch: number) => {
    const row = await sql<{ n: number }>`
      select count(*)::int as n from farm_job_attempts where leader_epoch = ${epoch}`.execute(db.db)
    return row.rows[0]?.n ?? 0
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'farm-lease-chaos-'))
    await ensurePostgresSchema(url)
    db = openDatabase(url, { poolSize: 2 })
    sims = await startSimulatorFarm([1, 1, 1].map((speed) => ({ speed, timeScale: 1, previews: false })))
  })
  afterAll(async () => {
    for (const s of studios) if (s.child.exitCode === null && s.child.signalCode === null) await s.kill()
    await sims?.close()
    await db?.close()
    await dropPostgresSchema(url)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('hands dispatch to the standby while the leader is frozen; the woken leader stands down; every job runs once', {
    timeout: 300_000,
  }, async () => {
    // Started one after the other: the first migrates and creates the admin.
    const first = await start()
    const second = await start()
    for (const [i, simUrl] of sims.urls.entries()) {
      const res = await first.call('POST', '/api/farm/backends', { name: `sim-${i + 1}`, url: simUrl })
      expect(res.status).toBe(201)
    }
    const jobIds: string[] = []
    for (let i = 0; i < JOBS; i++) {
      const prompt = textToImagePrompt({ seed: i + 1, steps: 8, width: 384, height: 384 })
      const res = await second.call('POST', '/api/farm/jobs', { source: { kind: 'api', prompt } })
      jobIds.push(z.object({ id: z.string() }).parse(res.json).id)
    }

    // Freeze the leader mid-run, with jobs in flight on the simulators. The lease names its
    // holder's pid; if it changed hands while we froze it, thaw and try again.
    await until('three jobs to succeed', async () =>
      ((await summary(second)).jobs.succeeded ?? 0) >= 3 ? true : undefined,
    )
    const { leader, standby, oldEpoch } = await until('the leader to be frozen', async () => {
      const before = await lease()
      const holder = studios.find((s) => before.holder.split(':')[1] === String(s.child.pid))
      if (!holder) return undefined
      await holder.freeze()
      if ((await lease()).epoch === before.epoch) {
        return { leader: holder, standby: holder === first ? second : first, oldEpoch: before.epoch }
      }
      holder.thaw()
      return undefined
    })
    const frozenAt = Date.now()
    const succeededAtFreeze = (await summary(standby)).jobs.succeeded ?? 0

    // The standby takes the lease and the farm keeps going without the frozen leader.
    await until('the standby to lead', async () => ((await summary(standby)).leader ? true : undefined))
    const newEpoch = (await lease()).epoch
    expect(newEpoch).toBeGreaterThan(oldEpoch)
    // From the takeover on, every write under the old epoch is refused: this count is final.
    const claimedByOld = await attemptsOfEpoch(oldEpoch)
    await until('a dispatch by the new leader', async () => ((await attemptsOfEpoch(newEpoch)) > 0 ? true : undefined))
    await until('progress while the leader is frozen', async () =>
      ((await summary(standby)).jobs.succeeded ?? 0) > succeededAtFreeze &&
      Date.now() - frozenAt > FROZEN_INTERVALS * LEASE_INTERVAL_MS
        ? true
        : undefined,
    )

    // Woken, the old leader learns it lost the lease and stands down without claiming anything.
    leader.thaw()
    await until('the woken leader to stand down', async () => ((await summary(leader)).leader ? undefined : true))

    const jobs = await until(
      'every job to end',
      async () => {
        const all = await Promise.all(
          jobIds.map(async (id) => Job.parse((await standby.call('GET', `/api/farm/jobs/${id}`)).json)),
        )
        return all.every((j) => j.state === 'succeeded' || j.state === 'failed') ? all : undefined
      },
      240_000,
    )
    expect(jobs.filter((j) => j.state !== 'succeeded').map((j) => j.id)).toEqual([])
    for (const job of jobs) {
      expect(job.attempts.filter((a) => a.outcome === 'succeeded')).toHaveLength(1)
      expect(job.outputs).toHaveLength(1)
      const files = readdirSync(join(dataDir, 'storage', 'farm', job.id)).filter((f) => !f.startsWith('.'))
      expect(files).toHaveLength(1)
    }
    expect(await attemptsOfEpoch(oldEpoch)).toBe(claimedByOld)
    // Each job ran on a GPU once: the new leader followed the prompts the old one had sent.
    const ran = sims.simulators.reduce((n, s) => n + s.state.completed, 0)
    expect(ran).toBe(JOBS)
  })
})
