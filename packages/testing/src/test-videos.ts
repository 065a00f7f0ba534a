// Real video files for tests, made with ffmpeg's test source. The ComfyUI simulator only writes
// PNG and animated WEBP, so mp4/webm outputs come from here. Without ffmpeg the tests that need
// it skip with a notice; under CI=true a missing ffmpeg fails the run.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { requireService, type ServiceAvailability } from './services'

function probeFfmpeg(): ServiceAvailability {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore', timeout: 30_000 })
    return { available: true, reason: '' }
  } catch {
    return { available: false, reason: 'ffmpeg is not installed (apt-get install ffmpeg)' }
  }
}

const ffmpeg = probeFfmpeg()

/** Whether tests needing a real ffmpeg run: a notice and false without it, an error under CI=true. */
export function requireFfmpeg(what: string): boolean {
  return requireService(ffmpeg, what)
}

export interface TestVideo {
  container: 'mp4' | 'webm'
  width: number
  height: number
  seconds: number
  /** Fade in from black over this many seconds, so the first frame is blank. */
  fadeInSeconds?: number
  /** Frame rate as ffmpeg takes it ("24000/1001"); 10 when absent. */
  rate?: string
}

/** Writes a small test-pattern video into `dir` and returns its path. */
export function makeTestVideo(dir: string, name: string, v: TestVideo): string {
  const path = join(dir, name)
  const fade = v.fadeInSeconds === undefined ? '' : `,fade=in:st=0:d=${v.fadeInSeconds}`
  const codec =
    v.container === 'mp4'
      ? ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast']
      : ['-c:v', 'libvpx', '-b:v', '200k', '-deadline', 'realtime']
  execFileSync(
    'ffmpeg',
    [
      '-nostdin',
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=${v.width}x${v.height}:rate=${v.rate ?? '10'}:duration=${v.seconds}${fade}`,
      ...codec,
      '-f',
      v.container,
      path,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
  )
  return path
}

/**
 * An executable named `ffmpeg` in `dir` that writes its pid and its child's pid to `pidFile`
 * and then hangs, like ffmpeg stuck on a network mount or a pathological file.
 */
export function writeHangingFfmpeg(dir: string, pidFile: string): string {
  const path = join(dir, 'ffmpeg')
  // The sleep runs as a child, not via exec, so the test also sees grandchildren killed.
  writeFileSync(path, `#!/bin/sh\nsleep 60 &\necho "$$ $!" > '${pidFile}'\nwait\n`)
  chmodSync(path, 0o755)
  return path
}

/**
 * An executable named `ffmpeg` in `dir` that hangs, having started a helper in a session of
 * its own (out of reach of a kill of ffmpeg's process group) that keeps ffmpeg's output pipes
 * open for `lingerSeconds` and writes `doneFile` just before it exits: like a process still on
 * its way out when ffmpeg itself is gone.
 */
export function writeLingeringFfmpeg(dir: string, doneFile: string, lingerSeconds: number): string {
  const path = join(dir, 'ffmpeg')
  writeFileSync(path, `#!/bin/sh\nsetsid sh -c 'sleep ${lingerSeconds}; touch "${doneFile}"' &\nsleep 60\n`)
  chmodSync(path, 0o755)
  return path
}

/** Whether a process still runs (a zombie waiting for its reaper counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The state follows the parenthesised command name.
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z'
  } catch {
    // Gone between the two checks on Linux; elsewhere there is no /proc and it did answer.
    return !existsSync('/proc/self')
  }
}

/** A logger that keeps its warnings, to count them. */
export function captureWarnings() {
  const lines: Array<{ obj: unknown; msg: string }> = []
  return { lines, logger: { warn: (obj: unknown, msg: string) => lines.push({ obj, msg }) } }
}
