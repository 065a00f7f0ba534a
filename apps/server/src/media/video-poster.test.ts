import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  captureWarnings,
  isRunning,
  makeTestVideo,
  requireFfmpeg,
  writeHangingFfmpeg,
  writeLingeringFfmpeg,
} from '@aipipeline/testing/videos'
import sharp from 'sharp'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { createVideoPoster, extractFrame, isVideo, VideoPosterError } from './video-poster'

const dir = mkdtempSync(join(tmpdir(), 'aipipeline-poster-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => {
  vi.unstubAllEnvs()
})

function pidsOf(file: string): number[] {
  return readFileSync(file, 'utf8').trim().split(/\s+/).map(Number)
}

/**
 * The processes end. The call settles once their pipes have closed, and a process closes its
 * files just before it becomes a zombie, so on a busy machine one may still be on its way out:
 * wait for that (the test's own timeout bounds the wait), never for a fixed time.
 */
async function expectGone(pids: readonly number[]): Promise<void> {
  expect(pids.length).toBeGreaterThan(0)
  while (pids.some(isRunning)) await new Promise((r) => setTimeout(r, 20))
}

describe('video detection', () => {
  it('knows video outputs by content type, and by extension when /view guessed none', () => {
    expect(isVideo('video/mp4', 'a.bin')).toBe(true)
    expect(isVideo('video/webm', 'a.webm')).toBe(true)
    expect(isVideo('video/quicktime', 'a.mov')).toBe(true)
    expect(isVideo('video/x-matroska', 'a.mkv')).toBe(true)
    expect(isVideo('application/octet-stream', 'clip.MKV')).toBe(true)
    expect(isVideo(null, 'clip.mov')).toBe(true)
    expect(isVideo('image/webp', 'anim.webp')).toBe(false)
    expect(isVideo('image/png', 'still.mp4')).toBe(false)
    expect(isVideo(null, 'notes.txt')).toBe(false)
  })
})

describe('without ffmpeg', () => {
  it('gives no poster and warns once however many videos arrive', async () => {
    const { lines, logger } = captureWarnings()
    const poster = createVideoPoster({ ffmpegPath: join(dir, 'no-such-ffmpeg'), logger })
    const frames = await Promise.all([poster.posterFrame(join(dir, 'a.mp4')), poster.posterFrame(join(dir, 'b.webm'))])
    expect(frames).toEqual([null, null])
    expect(await poster.posterFrame(join(dir, 'c.mp4'))).toBeNull()
    expect(lines).toHaveLength(1)
    expect(lines[0]?.msg).toMatch(/ffmpeg not found/)
  })

  it('names a missing ffmpeg as such', async () => {
    const err = await extractFrame(join(dir, 'no-such-ffmpeg'), join(dir, 'a.mp4'), {
      timeoutMs: 5000,
      atSeconds: 0,
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(VideoPosterError)
    expect(err).toMatchObject({ reason: 'missing' })
  })
})

describe('a hanging ffmpeg', () => {
  it('is killed with everything it started once the timeout passes', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'))
    const pidFile = join(bin, 'pids')
    writeHangingFfmpeg(bin, pidFile)
    // Found on PATH by name, as on a host where FFMPEG_PATH is unset.
    vi.stubEnv('PATH', `${bin}:${process.env.PATH ?? ''}`)
    const err = await extractFrame('ffmpeg', join(dir, 'a.mp4'), { timeoutMs: 1000, atSeconds: 0.5 }).catch(
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(VideoPosterError)
    expect(err).toMatchObject({ reason: 'timeout' })
    const pids = pidsOf(pidFile)
    expect(pids).toHaveLength(2)
    await expectGone(pids)
  })

  it('returns only once everything that holds its output has ended', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'))
    const done = join(bin, 'helper-done')
    const ffmpeg = writeLingeringFfmpeg(bin, done, 4)
    const err = await extractFrame(ffmpeg, join(dir, 'a.mp4'), { timeoutMs: 2000, atSeconds: 0.5 }).catch(
      (e: unknown) => e,
    )
    expect(err).toMatchObject({ reason: 'timeout' })
    // ffmpeg died at the timeout; the call waited for its helper too, not just for ffmpeg's exit.
    expect(existsSync(done)).toBe(true)
  })

  it('leaves the video without a poster and says why', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'))
    const { lines, logger } = captureWarnings()
    const poster = createVideoPoster({
      ffmpegPath: writeHangingFfmpeg(bin, join(bin, 'pids')),
      timeoutMs: 1000,
      logger,
    })
    expect(await poster.posterFrame(join(dir, 'a.mp4'))).toBeNull()
    expect(lines).toHaveLength(1)
    expect(lines[0]?.obj).toMatchObject({ reason: 'timeout' })
    await expectGone(pidsOf(join(bin, 'pids')))
  })
})

describe.skipIf(!requireFfmpeg('video poster frames with a real ffmpeg'))('with ffmpeg', () => {
  it('takes the poster past a fade from black, not the black first frame', async () => {
    const video = makeTestVideo(dir, 'fade.mp4', {
      container: 'mp4',
      width: 320,
      height: 240,
      seconds: 2,
      fadeInSeconds: 0.3,
    })
    const first = await extractFrame('ffmpeg', video, { timeoutMs: 20_000, atSeconds: 0 })
    expect((await sharp(first).stats()).channels[0]?.max).toBeLessThan(16)
    const frame = await createVideoPoster().posterFrame(video)
    if (frame === null) throw new Error('no poster')
    const meta = await sharp(frame).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 320, 240])
    expect((await sharp(frame).stats()).channels[0]?.stdev).toBeGreaterThan(20)
  })

  it('falls back to the first frame of a clip shorter than the seek point', async () => {
    const video = makeTestVideo(dir, 'short.webm', { container: 'webm', width: 160, height: 120, seconds: 0.2 })
    expect(await extractFrame('ffmpeg', video, { timeoutMs: 20_000, atSeconds: 0.5 })).toHaveLength(0)
    const frame = await createVideoPoster().posterFrame(video)
    if (frame === null) throw new Error('no poster')
    expect((await sharp(frame).metadata()).width).toBe(160)
  })

  it('scales a large frame down before encoding it', async () => {
    const video = makeTestVideo(dir, 'wide.mp4', { container: 'mp4', width: 1280, height: 720, seconds: 1 })
    const frame = await createVideoPoster().posterFrame(video)
    if (frame === null) throw new Error('no poster')
    const meta = await sharp(frame).metadata()
    expect([meta.width, meta.height]).toEqual([512, 288])
  })

  it('reports an unreadable file as a failure, with what ffmpeg said', async () => {
    const broken = join(dir, 'broken.mp4')
    writeFileSync(broken, Buffer.alloc(4096, 7))
    const err = await extractFrame('ffmpeg', broken, { timeoutMs: 20_000, atSeconds: 0.5 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(VideoPosterError)
    expect(err).toMatchObject({ reason: 'failed' })
    const { lines, logger } = captureWarnings()
    expect(await createVideoPoster({ logger }).posterFrame(broken)).toBeNull()
    expect(lines.map((l) => l.obj)).toEqual([expect.objectContaining({ reason: 'failed' })])
  })
})
