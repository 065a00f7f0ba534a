// Poster frames for video outputs (mp4/webm/mov/mkv from VHS_VideoCombine or SaveVideo).
// sharp cannot decode video, so one frame is extracted with ffmpeg, spawned without a shell
// and killed when it overruns. ffmpeg is optional: without it videos are stored with no
// thumbnail and the studio says so once.
import { spawn } from 'node:child_process'

export type VideoPosterFailure = 'missing' | 'timeout' | 'failed'

/** Why no poster frame came out of ffmpeg: not installed, overran its time, or could not read the file. */
export class VideoPosterError extends Error {
  constructor(
    readonly reason: VideoPosterFailure,
    message: string,
  ) {
    super(message)
    this.name = 'VideoPosterError'
  }
}

const VIDEO_MIME = /^video\/(mp4|webm|quicktime|x-matroska|matroska)$/
const VIDEO_EXT = /\.(mp4|webm|mov|mkv)$/i

/** True for the video containers we make posters for, by content type or, when /view guessed none, by extension. */
export function isVideo(mime: string | null, filename: string): boolean {
  if (mime !== null && VIDEO_MIME.test(mime)) return true
  return (mime === null || mime === 'application/octet-stream') && VIDEO_EXT.test(filename)
}

export interface PosterFrameOptions {
  /** Kill ffmpeg after this many ms. */
  timeoutMs: number
  /** Seconds into the clip; past the first frame, which is often black or a fade-in. */
  atSeconds: number
}

// A PNG of a frame scaled to ≤ 512 px is well under this; more means something is wrong.
const MAX_FRAME_BYTES = 32 * 1024 * 1024
// Twice the thumbnail side: enough for sharp to downscale well, cheap to encode for 4K input.
const FRAME_SIDE = 512
// After SIGKILL, how long to wait for the processes to go before giving up on them (one stuck
// in uninterruptible I/O never goes). Generous: on a loaded host, dying takes a while too.
const KILL_GRACE_MS = 10_000

/**
 * Runs ffmpeg once and returns the PNG of the first frame at or after `atSeconds`; an empty
 * buffer when the clip is shorter than that. Throws VideoPosterError.
 */
export function extractFrame(ffmpeg: string, source: string, opts: PosterFrameOptions): Promise<Buffer> {
  const args = [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    // Input seeking: jumps to the nearest keyframe instead of decoding from the start.
    '-ss',
    String(opts.atSeconds),
    '-i',
    source,
    '-map',
    '0:v:0',
    '-frames:v',
    '1',
    '-vf',
    `scale=w='min(iw,${FRAME_SIDE})':h='min(ih,${FRAME_SIDE})':force_original_aspect_ratio=decrease`,
    '-c:v',
    'png',
    '-f',
    'image2pipe',
    'pipe:1',
  ]
  return new Promise((resolve, reject) => {
    // detached: ffmpeg leads its own process group, so a timeout also kills whatever a
    // wrapper script (distribution shims, FFMPEG_PATH pointing at a script) started.
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    const chunks: Buffer[] = []
    let bytes = 0
    let stderr = ''
    let settled = false
    let timedOut: VideoPosterError | null = null
    let grace: NodeJS.Timeout | undefined
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearTimeout(grace)
      fn()
    }
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }
    const timer = setTimeout(() => {
      const error = new VideoPosterError('timeout', `ffmpeg took longer than ${opts.timeoutMs} ms on ${source}`)
      timedOut = error
      killGroup()
      // Settled on 'close' below, once every process holding ffmpeg's pipes (it, and whatever
      // it started) is gone, so a caller never leaves a live ffmpeg behind.
      grace = setTimeout(() => settle(() => reject(error)), KILL_GRACE_MS)
    }, opts.timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > MAX_FRAME_BYTES) {
        killGroup()
        settle(() => reject(new VideoPosterError('failed', `ffmpeg wrote more than ${MAX_FRAME_BYTES} bytes`)))
        return
      }
      chunks.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      // Only the tail matters for the message; ffmpeg can be chatty on broken input.
      stderr = (stderr + chunk.toString('utf8')).slice(-2000)
    })
    child.once('error', (err: NodeJS.ErrnoException) => {
      const missing = err.code === 'ENOENT' || err.code === 'EACCES'
      settle(() =>
        reject(
          new VideoPosterError(
            missing ? 'missing' : 'failed',
            missing ? `ffmpeg not found at ${ffmpeg}` : `ffmpeg could not start: ${err.message}`,
          ),
        ),
      )
    })
    // 'close' rather than 'exit': stdout is complete only when its pipe has closed, and every
    // process that inherited the pipes (a wrapper's children) has ended.
    child.once('close', (code, signal) => {
      if (timedOut !== null) {
        const error = timedOut
        settle(() => reject(error))
      } else if (code === 0) settle(() => resolve(Buffer.concat(chunks)))
      else
        settle(() =>
          reject(
            new VideoPosterError(
              'failed',
              `ffmpeg exited with ${code ?? signal} on ${source}: ${stderr.trim().split('\n').slice(-2).join(' | ')}`,
            ),
          ),
        )
    })
  })
}

/** The one logger method used; pino's Logger fits it. */
export interface PosterLogger {
  warn(obj: object, msg: string): void
}

export interface VideoPosterOptions {
  /** The ffmpeg executable: a path, or a bare name the OS looks up on PATH. */
  ffmpegPath?: string
  timeoutMs?: number
  logger?: PosterLogger
}

export interface VideoPoster {
  /** PNG of a poster frame of the video file, or null when ffmpeg is not installed or cannot read it. */
  posterFrame(source: string): Promise<Buffer | null>
}

const DEFAULT_TIMEOUT_MS = 20_000
const POSTER_AT_SECONDS = 0.5

/** A poster maker that finds ffmpeg on first use and, when it is missing, warns once and stops trying. */
export function createVideoPoster(options: VideoPosterOptions = {}): VideoPoster {
  const ffmpeg = options.ffmpegPath ?? 'ffmpeg'
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let missing = false
  const run = async (source: string): Promise<Buffer> => {
    const frame = await extractFrame(ffmpeg, source, { timeoutMs, atSeconds: POSTER_AT_SECONDS })
    if (frame.length > 0) return frame
    // Clips shorter than the seek point produce nothing: take their first frame.
    const first = await extractFrame(ffmpeg, source, { timeoutMs, atSeconds: 0 })
    if (first.length === 0) throw new VideoPosterError('failed', `ffmpeg found no video frame in ${source}`)
    return first
  }
  return {
    async posterFrame(source) {
      if (missing) return null
      try {
        return await run(source)
      } catch (err) {
        if (!(err instanceof VideoPosterError)) throw err
        if (err.reason === 'missing') {
          // Concurrent ingestions may all hit ENOENT; the flag keeps it to one warning.
          if (!missing)
            options.logger?.warn(
              { ffmpeg },
              'ffmpeg not found: video outputs are stored without a poster frame (set FFMPEG_PATH or install ffmpeg)',
            )
          missing = true
          return null
        }
        options.logger?.warn({ source, reason: err.reason, detail: err.message }, 'no poster frame for a video output')
        return null
      }
    },
  }
}

// ffmpeg is a property of the host, not of one studio, so the composition root sets it once
// for the process; ingestion uses this unless its deps bring their own poster maker.
let shared: VideoPoster = createVideoPoster()

/** Sets the process-wide poster maker (app.ts, from FFMPEG_PATH). */
export function configureVideoPoster(options: VideoPosterOptions): void {
  shared = createVideoPoster(options)
}

/** The process-wide poster maker. */
export function sharedVideoPoster(): VideoPoster {
  return shared
}
