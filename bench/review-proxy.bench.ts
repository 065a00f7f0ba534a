// Review proxy speed: `npx tsx bench/review-proxy.bench.ts` prints one JSON object.
// A 1080p 24 fps clip (REVIEW_PROXY_BENCH_SECONDS, default 10 s, of testsrc2 with temporal
// noise so it is not trivially compressible, H.264 at a typical delivery bitrate) is left as a
// succeeded farm job's output; a studio process starts, its start-up reconcile ingests it as a
// video version, and ingest queues the `review.proxy` job, which the studio's worker runs: probe,
// all-intra 720p encode with progress, counting probe, rename, checksum. The time is the job's
// own (started → finished, from the job row). Target: ≥ 4× real time on 2 cores. Reports,
// never asserts, the time.
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { textToImagePrompt } from '@aipipeline/comfyui'
import { createRenderJobRepository, isoNow, openDatabase } from '@aipipeline/db'
import { projectWithShots, round, startStudio } from './versions/versions-bench.kit'

const SECONDS = Number(process.env.REVIEW_PROXY_BENCH_SECONDS ?? 10)
const TARGET_RATIO = 4

function makeSource(path: string): void {
  execFileSync(
    'ffmpeg',
    [
      ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
      ...['-i', `testsrc2=size=1920x1080:rate=24:duration=${SECONDS},noise=alls=6:allf=t+u`],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', path],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'review-proxy-bench-'))
  try {
    // 1. A studio makes the schema and a project with one shot, then stops.
    const secretKey = randomBytes(32).toString('hex')
    let studio = await startStudio(dataDir, { secretKey })
    const [shot] = (await projectWithShots(studio, 1)).shots
    await studio.stop()
    if (!shot) throw new Error('no shot')

    // 2. The clip, as a succeeded render job's downloaded output.
    const database = openDatabase(`sqlite:${join(dataDir, 'aipipeline.db')}`)
    const jobs = createRenderJobRepository(database.db)
    const [job] = await jobs.insertMany([
      {
        name: 'bench clip',
        priority: 50,
        promptJson: JSON.stringify(textToImagePrompt({ seed: 7 })),
        parameters: { seed: 7 },
        requirements: { nodeClasses: [], models: [], tags: [], minVramGb: 0 },
        primaryModel: 'wan.safetensors',
        cost: 1,
        templateId: null,
        groupId: null,
        shotId: shot.shotId,
        taskId: shot.taskId,
        submittedBy: null,
        maxAttempts: 1,
      },
    ])
    if (!job) throw new Error('no render job')
    const folder = join(dataDir, 'storage', 'farm', job.id)
    mkdirSync(folder, { recursive: true })
    const source = join(folder, '9-clip.mp4')
    makeSource(source)
    const bytes = readFileSync(source)
    await jobs.insertOutput({
      jobId: job.id,
      nodeId: '9',
      kind: 'gifs',
      filename: 'clip.mp4',
      path: `farm/${job.id}/9-clip.mp4`,
      thumbnailPath: null,
      mime: 'video/mp4',
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    })
    const now = isoNow()
    await database.db
      .updateTable('farmRenderJobs')
      .set({ state: 'succeeded', progress: 1, startedAt: now, finishedAt: now })
      .execute()

    // 3. The studio starts again: ingest makes the version and queues its proxy; its worker runs it.
    const load = loadavg()[0] ?? null
    studio = await startStudio(dataDir, { secretKey })
    const proxyOf = () => database.db.selectFrom('reviewProxies').selectAll().executeTakeFirst()
    let proxy = await proxyOf()
    for (let i = 0; i < 6000 && proxy?.status !== 'ready' && proxy?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100))
      proxy = await proxyOf()
    }
    const row = await database.db
      .selectFrom('jobs')
      .select(['startedAt', 'finishedAt', 'attemptsMade'])
      .where('name', '=', 'review.proxy')
      .executeTakeFirst()
    await studio.stop()
    await database.close()
    if (proxy?.status !== 'ready' || !row?.startedAt || !row.finishedAt)
      throw new Error(`the proxy was not made: ${proxy?.status ?? 'no row'} ${proxy?.error ?? ''}`)
    const wallSeconds = (Date.parse(row.finishedAt) - Date.parse(row.startedAt)) / 1000
    const clipSeconds = SECONDS
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'review/proxy',
          clipSeconds,
          source: { width: 1920, height: 1080, fps: 24, bytes: statSync(source).size },
          wallSeconds: round(wallSeconds, 2),
          realtimeRatio: round(clipSeconds / wallSeconds, 2),
          definition: 'clip length over the review.proxy job run (started → finished in the job row)',
          width: proxy.width,
          height: proxy.height,
          rate: { num: proxy.rateNum, den: proxy.rateDen },
          frameCount: proxy.frameCount,
          proxyBytes: proxy.sizeBytes,
          attempts: row.attemptsMade,
          cores: availableParallelism(),
          loadAverage1mBefore: round(load, 2),
          target: `>= ${TARGET_RATIO}x real time`,
          meetsTarget: clipSeconds / wallSeconds >= TARGET_RATIO,
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
