// Runs ffmpeg or ffprobe once: spawned without a shell, in its own process group (so a timeout
// or a canceled job also kills what a wrapper script started), with stdout streamed to the
// caller and the tail of stderr kept for a readable error.
import { spawn } from 'node:child_process'
import { basename, dirname, join } from 'node:path'

/** A media tool failed; the message is for people (no stack, no server paths). */
export class MediaToolError extends Error {
  override name = 'MediaToolError'
}

export interface MediaToolRun {
  timeoutMs: number
  signal?: AbortSignal
  /** Each stdout chunk as text; without it stdout is collected and returned (up to 4 MB). */
  onStdout?: (chunk: string) => void
  /** File paths to show by their name only in error messages. */
  hidePaths?: readonly string[]
}

const MAX_STDOUT = 4 * 1024 * 1024
const KILL_GRACE_MS = 10_000

/** ffprobe next to the configured ffmpeg (or on PATH, like ffmpeg). */
export function ffprobeBeside(ffmpegPath: string): string {
  return ffmpegPath.includes('/')
    ? join(dirname(ffmpegPath), basename(ffmpegPath).replace(/ffmpeg/, 'ffprobe'))
    : 'ffprobe'
}

function readable(text: string, hidePaths: readonly string[]): string {
  let out = text
  for (const p of hidePaths) out = out.split(p).join(basename(p))
  return out
}

/** Runs `tool` with `args`; resolves to stdout (when not streamed) on exit code 0, rejects with MediaToolError. */
export function runMediaTool(tool: string, args: readonly string[], run: MediaToolRun): Promise<string> {
  const name = basename(tool)
  const hide = run.hidePaths ?? []
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new MediaToolError(`${name} was stopped before it started`))
      return
    }
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let stdout = ''
    let stderr = ''
    let settled = false
    let stopped: MediaToolError | null = null
    let grace: NodeJS.Timeout | undefined
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearTimeout(grace)
      run.signal?.removeEventListener('abort', onAbort)
      fn()
    }
    const stop = (why: MediaToolError): void => {
      if (stopped) return
      stopped = why
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
      // Settled on 'close' once every holder of the pipes is gone; this only bounds the wait.
      grace = setTimeout(() => settle(() => reject(why)), KILL_GRACE_MS)
    }
    const onAbort = (): void =>
      stop(new MediaToolError(`${name} was stopped: the job was canceled or the worker is stopping`))
    run.signal?.addEventListener('abort', onAbort, { once: true })
    const timer = setTimeout(
      () => stop(new MediaToolError(`${name} took longer than ${Math.round(run.timeoutMs / 1000)} s and was stopped`)),
      run.timeoutMs,
    )
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      if (run.onStdout) run.onStdout(chunk)
      else if (stdout.length + chunk.length > MAX_STDOUT) stop(new MediaToolError(`${name} wrote too much output`))
      else stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      // Only the tail matters for the message; ffmpeg can be chatty on broken input.
      stderr = (stderr + chunk.toString('utf8')).slice(-4000)
    })
    child.once('error', (err: NodeJS.ErrnoException) => {
      const missing = err.code === 'ENOENT' || err.code === 'EACCES'
      settle(() =>
        reject(
          new MediaToolError(
            missing
              ? `${name} is not installed (set FFMPEG_PATH or install ffmpeg)`
              : `${name} could not start: ${err.message}`,
          ),
        ),
      )
    })
    child.once('close', (code, signal) => {
      if (stopped) {
        const why = stopped
        settle(() => reject(why))
      } else if (code === 0) settle(() => resolve(stdout))
      else {
        const tail = readable(stderr, hide).trim().split('\n').slice(-3).join(' | ')
        settle(() => reject(new MediaToolError(`${name} failed (exit ${code ?? signal})${tail ? `: ${tail}` : ''}`)))
      }
    })
  })
}
