import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import {
  decodeFrameIndex,
  decodeFrameSamples,
  FRAME_CODE_MAX,
  frameCodePicture,
  frameCodeSamplePoints,
  makeFrameCodedVideo,
} from './frame-coded-video'
import { requireFfmpeg } from './test-videos'

/** A grey picture as RGBA, as a canvas would hand it over. */
function rgba(grey: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(grey.length * 4)
  grey.forEach((v, i) => {
    out.set([v, v, v, 255], i * 4)
  })
  return out
}

describe('frame-coded pictures', () => {
  it('decode back to the index they were drawn with, at any size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: FRAME_CODE_MAX }),
        fc.integer({ min: 16, max: 200 }),
        fc.integer({ min: 16, max: 200 }),
        (index, width, height) => {
          const data = rgba(frameCodePicture(index, width, height))
          expect(decodeFrameIndex({ width, height, data })).toBe(index)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('refuse a black picture and any single flipped block', () => {
    expect(decodeFrameSamples(new Array(16).fill(16))).toBeNull()
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FRAME_CODE_MAX }), fc.integer({ min: 0, max: 15 }), (index, flip) => {
        const grey = frameCodePicture(index, 64, 64)
        const lumas = frameCodeSamplePoints(64, 64).map(({ x, y }) => grey[y * 64 + x] ?? 0)
        lumas[flip] = 255 - (lumas[flip] ?? 0)
        expect(decodeFrameSamples(lumas)).not.toBe(index)
      }),
    )
  })
})

describe.runIf(requireFfmpeg('frame-coded video clips'))('frame-coded clips', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frame-coded-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('are all-intra H.264 at the exact rate, and every decoded frame reads its own index', () => {
    const path = makeFrameCodedVideo(dir, 'ntsc.mp4', { rate: '30000/1001', frames: 40 })
    const probe = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=codec_name,r_frame_rate,nb_frames,has_b_frames',
        '-of',
        'json',
        path,
      ],
      { encoding: 'utf8' },
    )
    expect(JSON.parse(probe).streams[0]).toMatchObject({
      codec_name: 'h264',
      r_frame_rate: '30000/1001',
      nb_frames: '40',
      has_b_frames: 0,
    })
    const keyframes = execFileSync(
      'ffprobe',
      ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=key_frame', '-of', 'json', path],
      { encoding: 'utf8' },
    )
    const frames: Array<{ key_frame: number }> = JSON.parse(keyframes).frames
    expect(frames.map((f) => f.key_frame)).toEqual(new Array(40).fill(1))
    const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'], {
      maxBuffer: 64 * 1024 * 1024,
    })
    const size = 320 * 240 * 4
    const read = Array.from({ length: raw.length / size }, (_, i) =>
      decodeFrameIndex({ width: 320, height: 240, data: raw.subarray(i * size, (i + 1) * size) }),
    )
    expect(read).toEqual(Array.from({ length: 40 }, (_, i) => i))
  })
})
