import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { encodeVideo } from './simulator-video'

// Output files are described at execution time and rendered only when /view asks for them,
// so zero-duration throughput runs never pay for image encoding.

export interface MediaDescriptor {
  /** Still PNG, animated WEBP or GIF (sharp), or a video container (ffmpeg, see simulator-video.ts). */
  kind: 'png' | 'webp' | 'gif' | 'video'
  /** File extension, which names the container of a video: mp4, webm, mkv, mov. */
  container?: string
  /** Any string; the same seed always renders the same bytes. */
  seed: string
  width: number
  height: number
  /** Frames of an animation or video; 1 for still images. */
  frames: number
}

// Renders are bounded so a 4K or 121-frame request cannot stall the simulator's event loop.
const MAX_STILL_SIDE = 2048
const MAX_VIDEO_SIDE = 320
const MAX_VIDEO_FRAMES = 24

function seedBytes(seed: string): Buffer {
  return createHash('sha256').update(seed).digest()
}

function fit(width: number, height: number, maxSide: number): [number, number] {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1))
  return [Math.max(8, Math.round(width * scale)), Math.max(8, Math.round(height * scale))]
}

/** Fills an RGB frame with a seeded diagonal gradient and a soft seeded stripe pattern. */
function paintFrame(out: Buffer, offset: number, w: number, h: number, key: Buffer, phase: number): void {
  const [r0, g0, b0, r1, g1, b1, freq = 7] = key
  const f = 2 + (freq % 13)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = (x + y) / (w + h)
      const wave = Math.sin(((x * f) / w + (y * (f + 3)) / h + phase) * Math.PI) * 24
      const i = offset + (y * w + x) * 3
      out[i] = clamp((r0 ?? 0) * (1 - t) + (r1 ?? 255) * t + wave)
      out[i + 1] = clamp((g0 ?? 0) * (1 - t) + (g1 ?? 255) * t - wave)
      out[i + 2] = clamp((b0 ?? 0) * (1 - t) + (b1 ?? 255) * t + wave / 2)
    }
  }
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v)
}

/** Renders the file a descriptor stands for: a PNG, an animated WEBP or GIF, or a short video. */
export async function renderMedia(d: MediaDescriptor): Promise<Buffer> {
  const key = seedBytes(d.seed)
  if (d.kind === 'png') {
    const [w, h] = fit(d.width, d.height, MAX_STILL_SIDE)
    const raw = Buffer.alloc(w * h * 3)
    paintFrame(raw, 0, w, h, key, 0)
    return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
      .png({ compressionLevel: 3 })
      .toBuffer()
  }
  // Even sides: the video encoders subsample chroma by two.
  const [fw, fh] = fit(d.width, d.height, MAX_VIDEO_SIDE)
  const [w, h] = [fw - (fw % 2), fh - (fh % 2)]
  const frames = Math.max(1, Math.min(MAX_VIDEO_FRAMES, d.frames))
  const raw = Buffer.alloc(w * h * 3 * frames)
  for (let f = 0; f < frames; f++) paintFrame(raw, f * w * h * 3, w, h, key, f / 4)
  const strip = () => sharp(raw, { raw: { width: w, height: h * frames, channels: 3, pageHeight: h } })
  const delay = Array.from({ length: frames }, () => 125)
  if (d.kind === 'gif') return strip().gif({ loop: 0, delay }).toBuffer()
  if (d.kind === 'video') {
    const video = await encodeVideo(raw, { width: w, height: h, frames, fps: 8, container: d.container ?? 'mp4' })
    if (video !== null) return video
  }
  return strip().webp({ quality: 60, loop: 0, delay }).toBuffer()
}

/** A handful of small JPEG preview frames, made once per simulator and cycled per step. */
export async function renderPreviewFrames(count: number, size = 64): Promise<Buffer[]> {
  const frames: Buffer[] = []
  for (let i = 0; i < count; i++) {
    const raw = Buffer.alloc(size * size * 3)
    paintFrame(raw, 0, size, size, seedBytes(`preview-${i}`), i / count)
    frames.push(
      await sharp(raw, { raw: { width: size, height: size, channels: 3 } })
        .jpeg({ quality: 70 })
        .toBuffer(),
    )
  }
  return frames
}

/** MIME type ComfyUI's /view would guess from a file name. */
export function mimeForFilename(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase()
  const map: Record<string, string> = {
    png: 'image/png',
    webp: 'image/webp',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webm: 'video/webm',
    mp4: 'video/mp4',
    mkv: 'video/x-matroska',
    mov: 'video/quicktime',
  }
  return map[ext] ?? 'application/octet-stream'
}
