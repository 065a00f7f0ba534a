// Video outputs (VHS_VideoCombine `gifs`, SaveVideo `images` + `animated`) get a poster-frame
// thumbnail like images do, and a video ffmpeg cannot read is still stored exactly once.
import { createHash } from 'node:crypto'
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ComfyOutputFile } from '@aipipeline/comfyui'
import { createRenderJobRepository, type RenderJobRepository } from '@aipipeline/db'
import { createTestDatabase, newRenderJob, type TestDatabase } from '@aipipeline/testing'
import {
  captureWarnings,
  isRunning,
  makeTestVideo,
  requireFfmpeg,
  writeHangingFfmpeg,
} from '@aipipeline/testing/videos'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVideoPoster, type VideoPoster } from '../../media/video-poster'
import { type IngestDeps, ingestOutputs } from './output-ingestion'

const dir = mkdtempSync(join(tmpdir(), 'aipipeline-ingest-'))
let db: TestDatabase
let repo: RenderJobRepository

beforeAll(async () => {
  db = await createTestDatabase('sqlite')
  repo = createRenderJobRepository(db.handle.db)
})
afterAll(async () => {
  await db.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

/** /view for files in a folder, with the content type ComfyUI would guess. */
function viewOf(folder: string, mimes: Record<string, string | null>) {
  return {
    async download(file: Pick<ComfyOutputFile, 'filename'>, writable: Writable) {
      const path = join(folder, file.filename)
      await pipeline(createReadStream(path), writable)
      return { bytes: readFileSync(path).length, mime: mimes[file.filename] ?? null }
    },
  }
}

async function newJob(): Promise<string> {
  const [job] = await repo.insertMany([
    newRenderJob({
      name: 'shot 010 video',
      requirements: { nodeClasses: ['VHS_VideoCombine'], models: [], tags: [], minVramGb: 0 },
    }),
  ])
  if (!job) throw new Error('not inserted')
  return job.id
}

function deps(storageDir: string, videoPoster: VideoPoster): IngestDeps {
  return { repo, storageDir, thumbnails: true, videoPoster }
}

const gifs = (filename: string, format: string): ComfyOutputFile => ({
  nodeId: '12',
  kind: 'gifs',
  filename,
  subfolder: '',
  type: 'output',
  format,
})

/** Files left in a job folder other than the stored outputs and thumbnails. */
function leftovers(storageDir: string, jobId: string): string[] {
  return readdirSync(join(storageDir, 'farm', jobId)).filter((f) => f.startsWith('.') || f.endsWith('.part'))
}

describe.skipIf(!requireFfmpeg('poster frames of video outputs'))('video outputs with ffmpeg', () => {
  const source = join(dir, 'renders')
  const storage = join(dir, 'storage')

  beforeAll(() => {
    mkdirSync(source, { recursive: true })
    makeTestVideo(source, 'AnimateDiff_00001.mp4', { container: 'mp4', width: 320, height: 240, seconds: 2 })
    makeTestVideo(source, 'ComfyUI_00001_.webm', { container: 'webm', width: 320, height: 240, seconds: 2 })
  })

  it.each([
    ['AnimateDiff_00001.mp4', 'video/mp4', 'video/h264-mp4'],
    ['ComfyUI_00001_.webm', 'video/webm', 'video/webm'],
  ])('gives %s a poster thumbnail of the image size', async (filename, mime, format) => {
    const jobId = await newJob()
    const view = viewOf(source, { [filename]: mime })
    expect(await ingestOutputs(deps(storage, createVideoPoster()), view, jobId, [gifs(filename, format)])).toBe(1)
    const [row] = await repo.outputs(jobId)
    if (!row?.thumbnailPath) throw new Error('no thumbnail')
    expect(row).toMatchObject({ mime, kind: 'gifs', filename })
    const thumb = sharp(join(storage, row.thumbnailPath))
    const meta = await thumb.metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 192])
    // testsrc is colour bars and a gradient: a decoded frame has a wide spread of values.
    const stats = await thumb.stats()
    expect(Math.max(...stats.channels.map((c) => c.stdev))).toBeGreaterThan(20)
    expect(leftovers(storage, jobId)).toEqual([])
  })

  it('stores a video ffmpeg cannot read once, without a thumbnail', async () => {
    const broken = join(source, 'broken_00001.mp4')
    writeFileSync(broken, Buffer.alloc(8192, 3))
    const jobId = await newJob()
    const view = viewOf(source, { 'broken_00001.mp4': 'video/mp4' })
    const { lines, logger } = captureWarnings()
    const ingest = () =>
      ingestOutputs(deps(storage, createVideoPoster({ logger })), view, jobId, [
        gifs('broken_00001.mp4', 'video/h264-mp4'),
      ])
    expect(await ingest()).toBe(1)
    // Completion observed again (reconnect, restart): same file, no second row.
    expect(await ingest()).toBe(0)
    const rows = await repo.outputs(jobId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      thumbnailPath: null,
      bytes: 8192,
      sha256: createHash('sha256').update(readFileSync(broken)).digest('hex'),
    })
    expect(readFileSync(join(storage, rows[0]?.path ?? '')).equals(readFileSync(broken))).toBe(true)
    expect(lines.map((l) => l.obj)).toEqual([
      expect.objectContaining({ reason: 'failed' }),
      expect.objectContaining({ reason: 'failed' }),
    ])
    expect(leftovers(storage, jobId)).toEqual([])
  })
})

describe('video outputs when ffmpeg cannot help', () => {
  const source = join(dir, 'no-ffmpeg-renders')
  const storage = join(dir, 'no-ffmpeg-storage')
  // Never decoded: ffmpeg is missing or hangs before reading them.
  beforeAll(() => {
    mkdirSync(source, { recursive: true })
    writeFileSync(join(source, 'a_00001.mp4'), Buffer.alloc(2048, 1))
    writeFileSync(join(source, 'b_00001_.webm'), Buffer.alloc(2048, 2))
  })
  const files = [gifs('a_00001.mp4', 'video/h264-mp4'), { ...gifs('b_00001_.webm', 'video/webm'), nodeId: '13' }]
  const view = viewOf(source, { 'a_00001.mp4': 'video/mp4', 'b_00001_.webm': 'video/webm' })

  it('stores them without thumbnails and warns once when ffmpeg is not installed', async () => {
    const { lines, logger } = captureWarnings()
    const poster = createVideoPoster({ ffmpegPath: join(dir, 'no-such-ffmpeg'), logger })
    const jobs = [await newJob(), await newJob()]
    for (const jobId of jobs) expect(await ingestOutputs(deps(storage, poster), view, jobId, files)).toBe(2)
    for (const jobId of jobs) {
      const rows = await repo.outputs(jobId)
      expect(rows.map((r) => [r.filename, r.thumbnailPath])).toEqual([
        ['a_00001.mp4', null],
        ['b_00001_.webm', null],
      ])
    }
    expect(lines).toHaveLength(1)
    expect(lines[0]?.msg).toMatch(/ffmpeg not found/)
  })

  it('stores them once when ffmpeg hangs, after killing it at the timeout', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'))
    const { lines, logger } = captureWarnings()
    const poster = createVideoPoster({ ffmpegPath: writeHangingFfmpeg(bin, join(bin, 'pids')), timeoutMs: 500, logger })
    const jobId = await newJob()
    expect(await ingestOutputs(deps(storage, poster), view, jobId, files.slice(0, 1))).toBe(1)
    const rows = await repo.outputs(jobId)
    expect(rows.map((r) => [r.filename, r.thumbnailPath])).toEqual([['a_00001.mp4', null]])
    expect(lines.map((l) => l.obj)).toEqual([expect.objectContaining({ reason: 'timeout' })])
    // Settled once the processes' pipes closed; a process may still be finishing its exit.
    const pids = readFileSync(join(bin, 'pids'), 'utf8').trim().split(/\s+/).map(Number)
    expect(pids).toHaveLength(2)
    while (pids.some(isRunning)) await new Promise((r) => setTimeout(r, 20))
    expect(leftovers(storage, jobId)).toEqual([])
  })
})
