import { spawn } from 'node:child_process'

// Video outputs (SaveVideo, SaveWEBM, VideoHelperSuite) are encoded with ffmpeg when it is
// installed, so a file named .mp4 holds an MP4 a player and our poster extraction can read.
// Without ffmpeg the caller falls back to an animated WEBP: the name is still ComfyUI's.

export interface RawFrames {
  width: number
  height: number
  frames: number
  fps: number
  /** Target container by file extension: mp4, webm, mkv, mov. */
  container: string
}

// Encoders every ffmpeg build has (mpeg4) or that Debian's has for WebM (libvpx).
const CONTAINERS: Record<string, { format: string; codec: string; extra: string[] }> = {
  mp4: { format: 'mp4', codec: 'mpeg4', extra: ['-movflags', 'frag_keyframe+empty_moov'] },
  mov: { format: 'mov', codec: 'mpeg4', extra: ['-movflags', 'frag_keyframe+empty_moov'] },
  mkv: { format: 'matroska', codec: 'mpeg4', extra: [] },
  webm: { format: 'webm', codec: 'libvpx', extra: ['-deadline', 'realtime'] },
}
const ENCODE_TIMEOUT_MS = 20_000

let ffmpegMissing = false

/** Encodes raw RGB24 frames into the container, or null when ffmpeg is missing or fails. */
export function encodeVideo(rgb: Buffer, video: RawFrames): Promise<Buffer | null> {
  const target = CONTAINERS[video.container] ?? CONTAINERS.mp4
  if (ffmpegMissing || target === undefined) return Promise.resolve(null)
  const args = [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24'],
    ...['-s', `${video.width}x${video.height}`, '-r', String(video.fps), '-i', 'pipe:0'],
    ...['-c:v', target.codec, '-pix_fmt', 'yuv420p', ...target.extra, '-f', target.format, 'pipe:1'],
  ]
  return new Promise((resolve) => {
    const child = spawn('ffmpeg', args, { stdio: ['pipe', 'pipe', 'ignore'] })
    const chunks: Buffer[] = []
    const timer = setTimeout(() => child.kill('SIGKILL'), ENCODE_TIMEOUT_MS)
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') ffmpegMissing = true
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve(code === 0 && chunks.length > 0 ? Buffer.concat(chunks) : null)
    })
    // A closed stdin (ffmpeg gone) is reported through 'close' above.
    child.stdin.on('error', () => {})
    child.stdin.end(rgb)
  })
}
