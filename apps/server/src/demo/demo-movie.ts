// A short movie for the demo's video version, made with ffmpeg when it is installed. The demo
// runs without ffmpeg too: then there is simply no video version. Every frame is a key frame
// (-g 1) and shows its frame number, so stepping in the player can be checked by eye.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface DemoMovie {
  movie: Buffer
  poster: Buffer
  width: number
  height: number
  frames: number
}

/** `frames` frames at `fps` numbered from `startFrame`, or undefined without a working ffmpeg. */
export async function makeDemoMovie(fps: number, startFrame: number, frames = 72): Promise<DemoMovie | undefined> {
  const width = 640
  const height = 360
  const dir = await mkdtemp(join(tmpdir(), 'aipipeline-demo-movie-'))
  const source = `testsrc2=size=${width}x${height}:rate=${fps}`
  const label = `drawtext=text='%{eif\\:n+${startFrame}\\:d}':fontsize=64:fontcolor=white:box=1:boxcolor=black@0.6:x=(w-tw)/2:y=h-th-24`
  const encode = async (filter: string) => {
    const common = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', source]
    await run(
      'ffmpeg',
      [
        ...common,
        '-vf',
        filter,
        '-frames:v',
        String(frames),
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-g',
        '1',
        '-pix_fmt',
        'yuv420p',
        '-movflags',
        '+faststart',
        join(dir, 'movie.mp4'),
      ],
      { timeout: 60_000 },
    )
    await run('ffmpeg', [...common, '-vf', filter, '-frames:v', '1', join(dir, 'poster.jpg')], { timeout: 60_000 })
  }
  try {
    // drawtext needs a font; without one the frames go unnumbered.
    await encode(label).catch(() => encode('null'))
    return {
      movie: await readFile(join(dir, 'movie.mp4')),
      poster: await readFile(join(dir, 'poster.jpg')),
      width,
      height,
      frames,
    }
  } catch {
    return undefined
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
