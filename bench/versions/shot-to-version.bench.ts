// Shot to version, live: `npx tsx bench/versions/shot-to-version.bench.ts` prints one JSON object.
// A studio process with simulated ComfyUI backends (real sockets); 40 shots × 4 variations (seeds)
// are submitted back to back as render jobs on each shot's Keyframe task, and a socket.io client
// in the project room waits for all 160 `version:new` events. Latency of a version = when its
// event reached the client − when its job was settled as succeeded (the job's finishedAt, written
// in the settling transaction; same machine clock). Target: p95 < 500 ms.
// SHOT_BENCH_SHOTS, SHOT_BENCH_VARIATIONS and SHOT_BENCH_BACKENDS override 40, 4 and 4.
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulatorFarm, textToImagePrompt } from '@aipipeline/comfyui'
import { io } from 'socket.io-client'
import { z } from 'zod'
import { projectWithShots, quantile, round, startStudio } from './versions-bench.kit'

const SHOTS = Number(process.env.SHOT_BENCH_SHOTS ?? 40)
const VARIATIONS = Number(process.env.SHOT_BENCH_VARIATIONS ?? 4)
const BACKENDS = Number(process.env.SHOT_BENCH_BACKENDS ?? 4)
const TARGET_P95_MS = 500
const TIMEOUT_MS = 10 * 60_000

const VersionNew = z.object({ versionId: z.string(), renderJobId: z.string().nullable() })
const VersionRow = z.object({ createdAt: z.string() })
const JobList = z.object({ items: z.array(z.object({ id: z.string(), finishedAt: z.string().nullable() })) })

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'shot-version-bench-'))
  const farm = await startSimulatorFarm(
    Array.from({ length: BACKENDS }, (_, i) => ({
      name: `gpu-${i + 1}`,
      timeScale: 0.05,
      vramGb: 24,
      previews: false,
    })),
  )
  const studio = await startStudio(dataDir)
  try {
    const { projectId, shots } = await projectWithShots(studio, SHOTS)
    for (const [i, url] of farm.urls.entries()) {
      const res = await studio.call('POST', '/api/farm/backends', { name: `gpu-${i + 1}`, url })
      if (res.status !== 201) throw new Error(`register ${url}: ${res.status} ${JSON.stringify(res.json)}`)
    }
    const socket = io(studio.url, { path: '/socket.io', auth: { token: studio.token }, transports: ['websocket'] })
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', reject)
    })
    const joined: unknown = await socket.emitWithAck('room:join', { room: `project:${projectId}` })
    if (!z.object({ ok: z.literal(true) }).safeParse(joined).success) throw new Error('could not join the project room')
    const received = new Map<string, number>()
    const versionOf = new Map<string, string>()
    const total = SHOTS * VARIATIONS
    const allLanded = new Promise<void>((resolve) => {
      socket.on('version:new', (payload: unknown) => {
        const e = VersionNew.parse(payload)
        if (e.renderJobId !== null) {
          received.set(e.renderJobId, Date.now())
          versionOf.set(e.renderJobId, e.versionId)
        }
        if (received.size >= total) resolve()
      })
    })

    const t0 = Date.now()
    const bodies = shots.flatMap((shot, s) =>
      Array.from({ length: VARIATIONS }, (_, v) => ({
        shotId: shot.shotId,
        taskId: shot.taskId,
        name: `shot ${s + 1} variation ${v + 1}`,
        source: { kind: 'api', prompt: textToImagePrompt({ seed: 1000 + s * VARIATIONS + v }) },
      })),
    )
    for (let i = 0; i < bodies.length; i += 20) {
      await Promise.all(
        bodies.slice(i, i + 20).map(async (body) => {
          const res = await studio.call('POST', '/api/farm/jobs', body)
          if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.json)}`)
        }),
      )
    }
    const submittedMs = Date.now() - t0
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      allLanded,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`only ${received.size} of ${total} versions landed`)), TIMEOUT_MS)
      }),
    ])
    clearTimeout(timer)
    const allMs = Date.now() - t0
    socket.disconnect()
    const jobs = JobList.parse((await studio.call('GET', '/api/farm/jobs?limit=500')).json).items
    const latencies: number[] = []
    const toRow: number[] = []
    for (const j of jobs) {
      const at = received.get(j.id)
      const versionId = versionOf.get(j.id)
      if (at === undefined || j.finishedAt === null || versionId === undefined) continue
      latencies.push(at - Date.parse(j.finishedAt))
      const row = VersionRow.parse((await studio.call('GET', `/api/versions/${versionId}`)).json)
      toRow.push(Date.parse(row.createdAt) - Date.parse(j.finishedAt))
    }
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'versions/shot-to-version',
          shots: SHOTS,
          variations: VARIATIONS,
          backends: BACKENDS,
          versionsLanded: received.size,
          jobsMatched: latencies.length,
          cores: availableParallelism(),
          loadAverage1m: round(loadavg()[0] ?? null, 2),
          latencyMs: {
            definition: 'version:new received by a socket.io client in the project room − the job settled as succeeded',
            p50: round(quantile(latencies, 0.5)),
            p95: round(quantile(latencies, 0.95)),
            max: round(Math.max(...latencies)),
          },
          settleToVersionRowMs: {
            definition: 'the version row written (in the ingest transaction) − the job settled: queue hop plus ingest',
            p50: round(quantile(toRow, 0.5)),
            p95: round(quantile(toRow, 0.95)),
          },
          submitMs: submittedMs,
          allVersionsMs: allMs,
          target: {
            p95Ms: TARGET_P95_MS,
            met: (quantile(latencies, 0.95) ?? Number.POSITIVE_INFINITY) < TARGET_P95_MS,
          },
        },
        null,
        2,
      )}\n`,
    )
  } finally {
    await studio.stop()
    await farm.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
