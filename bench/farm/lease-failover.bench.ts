// Render dispatcher failover when the leader freezes: two `aipipeline serve` processes on one
// Postgres dispatch to simulators; each round SIGSTOPs the leader and measures the time from
// the freeze until the standby holds the lease and until its first dispatch (an attempt claimed
// under the new lease epoch), then SIGCONTs the old leader, which stands by. Prints one JSON
// object with the times in ms and in lease intervals (the bound is 3 intervals plus the new
// leader's reconcile); never asserts on time. Run: npx tsx bench/farm/lease-failover.bench.ts
// (about 1-2 min). BENCH_LEASE_INTERVAL_MS (default 2000, the production default) and
// BENCH_ROUNDS (default 3) override.
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulatorFarm, textToImagePrompt } from '@aipipeline/comfyui'
import { dropPostgresSchema, ensurePostgresSchema, openDatabase } from '@aipipeline/db'
import { TEST_DATABASE_URL } from '@aipipeline/testing'
import { sql } from 'kysely'
import { type Studio, sleep, startStudio, until } from './studio-serve'

const LEASE_INTERVAL_MS = Number(process.env.BENCH_LEASE_INTERVAL_MS ?? 2000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const JOBS_PER_ROUND = 12

/** SIGSTOP, returning once the kernel reports the process stopped. */
async function freeze(child: ChildProcess): Promise<void> {
  child.kill('SIGSTOP')
  const stat = () => readFileSync(`/proc/${child.pid}/stat`, 'utf8')
  while (stat().charAt(stat().lastIndexOf(')') + 2) !== 'T') await sleep(2)
}

const round1 = (x: number) => Math.round(x * 10) / 10

async function main() {
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('schema', `bench_lease_${process.pid}`)
  const databaseUrl = url.toString()
  await ensurePostgresSchema(databaseUrl)
  const dataDir = mkdtempSync(join(tmpdir(), 'aipipeline-lease-bench-'))
  const sims = await startSimulatorFarm([1, 1, 1].map((speed) => ({ speed, timeScale: 0.5, previews: false })))
  const db = openDatabase(databaseUrl, { poolSize: 2 })
  const secretKey = randomBytes(32).toString('hex')
  const studios: Studio[] = []
  try {
    const env = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AIPIPELINE_SECRET_KEY: secretKey,
      FARM_LEASE_INTERVAL_MS: String(LEASE_INTERVAL_MS),
    }
    studios.push(await startStudio(env))
    const first = studios[0]
    if (!first) throw new Error('no studio')
    await until('the first studio to lead', async () => ((await first.isLeader()) ? true : undefined))
    studios.push(await startStudio(env))
    for (const [i, simUrl] of sims.urls.entries())
      await first.api('POST', '/api/farm/backends', { name: `sim-${i + 1}`, url: simUrl })

    const epoch = async () =>
      Number((await sql<{ epoch: number }>`select epoch from farm_leader_leases`.execute(db.db)).rows[0]?.epoch ?? 0)
    const firstClaimUnder = async (e: number) => {
      const row = await sql<{ at: string | null }>`
        select min(submitted_at) as at from farm_job_attempts where leader_epoch = ${e}`.execute(db.db)
      const at = row.rows[0]?.at
      return at ? Date.parse(at) : undefined
    }
    let submitted = 0
    const rounds = []
    for (let r = 0; r < ROUNDS; r++) {
      const leader = (await Promise.all(studios.map(async (s) => ((await s.isLeader()) ? s : null)))).find((s) => s)
      if (!leader) throw new Error('no leader')
      for (let i = 0; i < JOBS_PER_ROUND; i++) {
        const prompt = textToImagePrompt({ seed: ++submitted, steps: 8, width: 384, height: 384 })
        await leader.api('POST', '/api/farm/jobs', { source: { kind: 'api', prompt } })
      }
      const before = await epoch()
      await until('the leader to dispatch', async () => ((await firstClaimUnder(before)) ? true : undefined))
      await freeze(leader.child)
      const frozenAt = Date.now()
      await until('the standby to take the lease', async () => ((await epoch()) > before ? true : undefined))
      const leaseTakenAt = Date.now()
      const after = await epoch()
      const dispatchedAt = await until('the new leader to dispatch', () => firstClaimUnder(after))
      leader.child.kill('SIGCONT')
      await until('the woken leader to stand by', async () => ((await leader.isLeader()) ? undefined : true))
      rounds.push({
        leaseTakenMs: leaseTakenAt - frozenAt,
        leaseTakenIntervals: round1((leaseTakenAt - frozenAt) / LEASE_INTERVAL_MS),
        firstDispatchMs: dispatchedAt - frozenAt,
        firstDispatchIntervals: round1((dispatchedAt - frozenAt) / LEASE_INTERVAL_MS),
      })
    }
    const states = await until('every job to end', async () => {
      const rows = await sql<{ state: string; n: number }>`
        select state, count(*)::int as n from farm_render_jobs group by state`.execute(db.db)
      const open = rows.rows.some((row) => !['succeeded', 'failed', 'canceled'].includes(row.state))
      return open ? undefined : Object.fromEntries(rows.rows.map((row) => [row.state, row.n]))
    })
    const intervals = rounds.map((r) => r.firstDispatchIntervals).sort((a, b) => a - b)
    console.log(
      JSON.stringify(
        {
          benchmark: 'farm lease failover (frozen leader)',
          leaseIntervalMs: LEASE_INTERVAL_MS,
          bound: 'lease taken within 3 intervals of the freeze; first dispatch after the new leader reconciles',
          rounds,
          medianFirstDispatchIntervals: intervals[Math.floor(intervals.length / 2)] ?? null,
          maxFirstDispatchIntervals: intervals.at(-1) ?? null,
          jobs: { submitted, ...states },
          promptsRunOnGpus: sims.simulators.reduce((n, s) => n + s.state.completed, 0),
          loadavg: loadavg().map(round1),
        },
        null,
        2,
      ),
    )
  } finally {
    for (const s of studios) {
      s.child.kill('SIGCONT')
      s.child.kill('SIGKILL')
    }
    await db.close()
    await sims.close()
    await dropPostgresSchema(databaseUrl)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
