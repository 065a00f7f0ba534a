// Version ingest throughput: `npx tsx bench/versions/ingest.bench.ts` prints one JSON object.
// N succeeded render jobs for tasks (one ~1 MB PNG output each, with its farm thumbnail) are
// written to a studio's database and storage the way the farm leaves them; the studio process is
// then started and its start-up reconcile ingests them all through the durable job queue: each
// becomes a version (naming-template path by hard link, thumbnail, sidecar with checksums, rows,
// activity, `version:new`). Baseline in the same run: a plain copy of the same files.
// INGEST_BENCH_VERSIONS overrides N (default 400); INGEST_BENCH_PROFILE_DIR=DIR writes a CPU
// profile of the ingesting studio. Target: ≥ 50 versions/s on 2 cores.
import { createHash, randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { textToImagePrompt } from '@aipipeline/comfyui'
import { createRenderJobRepository, isoNow, openDatabase } from '@aipipeline/db'
import { sql } from 'kysely'
import sharp from 'sharp'
import { projectWithShots, round, startStudio } from './versions-bench.kit'

const N = Number(process.env.INGEST_BENCH_VERSIONS ?? 400)
const TARGET_PER_S = 50
/** A directory: the ingesting studio process writes a V8 CPU profile there. */
const PROFILE_DIR = process.env.INGEST_BENCH_PROFILE_DIR

/** A render-sized PNG (768×432 of noise: ~1 MB, incompressible like grain) and its thumbnail. */
async function renderFile(): Promise<{ png: Buffer; thumb: Buffer }> {
  const raw = randomBytes(768 * 432 * 3)
  const png = await sharp(raw, { raw: { width: 768, height: 432, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer()
  const thumb = await sharp(png).resize(256, 256, { fit: 'inside' }).webp({ quality: 70 }).toBuffer()
  return { png, thumb }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ingest-bench-'))
  const storage = join(dataDir, 'storage')
  try {
    // 1. A studio makes the schema, the project and its shots, then stops.
    const secretKey = randomBytes(32).toString('hex')
    let studio = await startStudio(dataDir, { secretKey })
    const { shots } = await projectWithShots(studio, Math.ceil(N / 4))
    await studio.stop()

    // 2. N succeeded jobs with their downloaded outputs, as the farm leaves them.
    const { png, thumb } = await renderFile()
    const sha256 = createHash('sha256').update(png).digest('hex')
    const database = openDatabase(`sqlite:${join(dataDir, 'aipipeline.db')}`)
    const jobsRepo = createRenderJobRepository(database.db)
    const prompt = JSON.stringify(textToImagePrompt({ seed: 7 }))
    const jobs = await jobsRepo.insertMany(
      Array.from({ length: N }, (_, i) => {
        const shot = shots[i % shots.length]
        return {
          name: `bench ${i}`,
          priority: 50,
          promptJson: prompt,
          parameters: { seed: i },
          requirements: { nodeClasses: [], models: [], tags: [], minVramGb: 0 },
          primaryModel: 'v1-5-pruned-emaonly.safetensors',
          cost: 1,
          templateId: null,
          groupId: null,
          shotId: shot?.shotId ?? null,
          taskId: shot?.taskId ?? null,
          submittedBy: null,
          maxAttempts: 1,
        }
      }),
    )
    const files: string[] = []
    for (const job of jobs) {
      const dir = join(storage, 'farm', job.id)
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, '9-render.png'), png)
      writeFileSync(join(dir, '9-render.png.thumb.webp'), thumb)
      files.push(join(dir, '9-render.png'))
      await jobsRepo.insertOutput({
        jobId: job.id,
        nodeId: '9',
        kind: 'images',
        filename: 'render.png',
        path: `farm/${job.id}/9-render.png`,
        thumbnailPath: `farm/${job.id}/9-render.png.thumb.webp`,
        mime: 'image/png',
        bytes: png.byteLength,
        sha256,
      })
    }
    const now = isoNow()
    await database.db
      .updateTable('farmRenderJobs')
      .set({ state: 'succeeded', progress: 1, startedAt: now, finishedAt: now })
      .execute()

    // 3. Baseline: a plain copy of the same files.
    const copyDir = join(dataDir, 'copies')
    mkdirSync(copyDir)
    const c0 = performance.now()
    for (const [i, f] of files.entries()) copyFileSync(f, join(copyDir, `${i}.png`))
    const copyMs = performance.now() - c0

    // 4. The studio starts again; its reconcile enqueues every ingest and the worker runs them.
    const s0 = Date.now()
    studio = await startStudio(dataDir, { secretKey, profileDir: PROFILE_DIR })
    const count = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*) as n from versions where render_job_id is not null`.execute(
            database.db,
          )
        ).rows[0]?.n ?? 0,
      )
    while ((await count()) < N) await new Promise((r) => setTimeout(r, 50))
    const wallMs = Date.now() - s0
    const span = await sql<{ first: string; last: string }>`
      select min(created_at) as first, max(created_at) as last from versions where render_job_id is not null`.execute(
      database.db,
    )
    await studio.stop()
    await database.close()
    const first = Date.parse(span.rows[0]?.first ?? '')
    const last = Date.parse(span.rows[0]?.last ?? '')
    const perSecond = (N - 1) / ((last - first) / 1000)
    const copiesPerSecond = N / (copyMs / 1000)
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'versions/ingest',
          versions: N,
          fileBytes: png.byteLength,
          cores: availableParallelism(),
          loadAverage1m: round(loadavg()[0] ?? null, 2),
          versionsPerSecond: round(perSecond),
          definition:
            'steady state: versions between the first and the last version row written, over that span; each with output (hard link), thumbnail, sidecar, rows, activity and version:new',
          endToEndVersionsPerSecond: round(N / (wallMs / 1000)),
          endToEndDefinition:
            'N over the time from spawning the studio process to the last version (includes its start-up)',
          baseline: { name: 'plain copy of the same files (copyFileSync)', perSecond: round(copiesPerSecond) },
          ratioToBaseline: round(perSecond / copiesPerSecond, 3),
          target: { versionsPerSecond: TARGET_PER_S, met: perSecond >= TARGET_PER_S },
        },
        null,
        2,
      )}\n`,
    )
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
