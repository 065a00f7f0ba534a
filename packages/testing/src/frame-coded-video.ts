// A test clip whose every frame carries its own index in pixels, to check that a player shows
// the frame its counter names. The index (12 bits) and a 4-bit check are drawn as a 4×4 grid of
// big black or white blocks: flat areas that H.264 keeps flat at any sane quality, so a decoded
// frame reads back exactly, and a blend of two frames fails the check instead of reading wrong.
// Encoded like a review proxy: libx264 all-intra (-g 1, no B-frames), yuv420p, +faststart, CFR
// at an exact rational rate.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

export const FRAME_CODE_GRID = 4
/** Indices up to 4095 fit; a clip never needs more for these tests. */
export const FRAME_CODE_MAX = 4095

export interface FrameCodedVideo {
  /** e.g. '24000/1001', '24', '25', '30000/1001'. */
  rate: string
  frames: number
  width?: number
  height?: number
}

/** The 4-bit check stored with `index`; never 0 for index 0, so a black frame does not decode. */
function checkBits(index: number): number {
  return ~(index ^ (index >> 4) ^ (index >> 8)) & 15
}

/** The 16 bits a frame's blocks show (bit b is the block at column b % 4, row ⌊b / 4⌋). */
export function frameCodeBits(index: number): number {
  if (!Number.isInteger(index) || index < 0 || index > FRAME_CODE_MAX) throw new RangeError(`index ${index}`)
  return index | (checkBits(index) << 12)
}

/** The centre of each block, in bit order: where a reader samples the picture. */
export function frameCodeSamplePoints(width: number, height: number): Array<{ x: number; y: number }> {
  return Array.from({ length: FRAME_CODE_GRID * FRAME_CODE_GRID }, (_, b) => ({
    x: Math.floor((((b % FRAME_CODE_GRID) + 0.5) * width) / FRAME_CODE_GRID),
    y: Math.floor(((Math.floor(b / FRAME_CODE_GRID) + 0.5) * height) / FRAME_CODE_GRID),
  }))
}

/** The index from the luma (0–255) of the 16 sample points; null if the check fails. */
export function decodeFrameSamples(lumas: readonly number[]): number | null {
  if (lumas.length !== FRAME_CODE_GRID * FRAME_CODE_GRID) return null
  let bits = 0
  lumas.forEach((luma, b) => {
    if (luma >= 128) bits |= 1 << b
  })
  const index = bits & FRAME_CODE_MAX
  return bits >> 12 === checkBits(index) ? index : null
}

/** The index shown in an RGBA picture (canvas ImageData layout); null if unreadable. */
export function decodeFrameIndex(image: { width: number; height: number; data: ArrayLike<number> }): number | null {
  const lumas = frameCodeSamplePoints(image.width, image.height).map(({ x, y }) => {
    const at = (y * image.width + x) * 4
    return ((image.data[at] ?? 0) + (image.data[at + 1] ?? 0) + (image.data[at + 2] ?? 0)) / 3
  })
  return decodeFrameSamples(lumas)
}

/** One 8-bit grey frame showing `index`. */
export function frameCodePicture(index: number, width: number, height: number): Uint8Array {
  const bits = frameCodeBits(index)
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    const row = Math.floor((y * FRAME_CODE_GRID) / height)
    for (let x = 0; x < width; x++) {
      const b = row * FRAME_CODE_GRID + Math.floor((x * FRAME_CODE_GRID) / width)
      out[y * width + x] = (bits >> b) & 1 ? 235 : 16
    }
  }
  return out
}

/** Writes the clip as `name` in `dir` with ffmpeg and returns its path. */
export function makeFrameCodedVideo(dir: string, name: string, v: FrameCodedVideo): string {
  const width = v.width ?? 320
  const height = v.height ?? 240
  if (v.frames > FRAME_CODE_MAX + 1) throw new RangeError(`at most ${FRAME_CODE_MAX + 1} frames`)
  const raw = Buffer.concat(Array.from({ length: v.frames }, (_, i) => frameCodePicture(i, width, height)))
  const path = join(dir, name)
  execFileSync(
    'ffmpeg',
    [
      ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${width}x${height}`, '-framerate', v.rate, '-i', 'pipe:0'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-g', '1', '-bf', '0', '-pix_fmt', 'yuv420p'],
      ...['-r', v.rate, '-fps_mode', 'cfr', '-movflags', '+faststart', '-f', 'mp4', path],
    ],
    { input: raw, stdio: ['pipe', 'ignore', 'pipe'], timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
  )
  return path
}
