// The review player's frame-accuracy check, shared by the benchmark and the browser test: the
// player's own frame driver (apps/web/.../review-player/video-frame-driver.ts, bundled with
// esbuild, the same code the app ships) drives a <video> of a frame-coded clip in Chromium
// through random seeks and single steps; after each, the frame the driver says is on screen
// (the counter) is compared with the index read back from the pixels of the displayed frame.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { z } from 'zod'
import { decodeFrameSamples, frameCodeSamplePoints, makeFrameCodedVideo } from './frame-coded-video'

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')
const PLAYER = `${ROOT}/apps/web/src/components/media/review-player`
const SIZE = { width: 320, height: 240 }

/** The four review rates as ffmpeg writes them, with the project fps the player is given. */
export const REVIEW_RATES = [
  { fps: 23.976, ffmpeg: '24000/1001' },
  { fps: 24, ffmpeg: '24' },
  { fps: 25, ffmpeg: '25' },
  { fps: 29.97, ffmpeg: '30000/1001' },
] as const

const ENTRY = `
import { VideoFrameDriver } from '${PLAYER}/video-frame-driver'
import { frameRateOf, stepTarget } from '${PLAYER}/video-frame-clock'

const video = document.querySelector('video')
const canvas = document.querySelector('canvas')
const ctx = canvas.getContext('2d', { willReadFrequently: true })
let driver = null
let count = 0
let counter = 0
/** While playing: each presented frame with the pixels read in its callback. */
let played = null

function read(points) {
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height)
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
  return points.map(({ x, y }) => { const i = (y * canvas.width + x) * 4; return (data[i] + data[i + 1] + data[i + 2]) / 3 })
}

window.__frames = {
  async load(url, fps, frames) {
    driver?.dispose()
    count = frames
    video.src = url
    await new Promise((ok, fail) => { video.onloadeddata = ok; video.onerror = () => fail(new Error('video failed to load')) })
    driver = new VideoFrameDriver(video, frameRateOf(fps), count, {
      onPresented(frame, playing) { if (playing && played) played.push({ counter: frame, lumas: read(window.__points) }) },
      onStopped() {},
    })
    counter = await driver.seek(0)
  },
  async seek(frame, points) {
    counter = await driver.seek(frame)
    return { target: frame, counter, lumas: read(points) }
  },
  async play(from, frames, points) {
    window.__points = points
    await driver.seek(from)
    played = []
    await driver.play()
    await new Promise((ok) => { const wait = () => (played.length >= frames || video.paused ? ok() : setTimeout(wait, 20)); wait() })
    counter = await driver.pause()
    const out = played
    played = null
    return out
  },
  async step(by, points) {
    const target = stepTarget(counter, by, count)
    counter = await driver.seek(target)
    return { target, counter, lumas: read(points) }
  },
}
`

/** One browser script from `entry` (JS that may import the repo's TS/TSX by absolute path). */
export async function bundlePage(entry: string): Promise<string> {
  const out = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    bundle: true,
    write: false,
    format: 'iife',
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'error',
  })
  return out.outputFiles[0]?.text ?? ''
}

/** Serves a folder with HTTP range requests (a <video> seeks by asking for byte ranges). */
export function serveFolder(dir: string): Promise<Server> {
  const types: Record<string, string> = { mp4: 'video/mp4', html: 'text/html', js: 'text/javascript' }
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]?.replace(/^\/+/, '') ?? ''
    if (!/^[\w.-]+$/.test(name)) return void res.writeHead(404).end()
    const path = join(dir, name)
    let size: number
    try {
      size = statSync(path).size
    } catch {
      return void res.writeHead(404).end()
    }
    const body = readFileSync(path)
    const type = types[name.split('.').pop() ?? ''] ?? 'application/octet-stream'
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
    if (!range) return void res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes' }).end(body)
    const start = range[1] ? Number(range[1]) : 0
    const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
    res.writeHead(206, {
      'content-type': type,
      'accept-ranges': 'bytes',
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': String(end - start + 1),
    })
    res.end(body.subarray(start, end + 1))
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

export interface FrameAccuracyRun {
  fps: number
  seeks: number
  steps: number
  /** Reads where the pixels did not show the frame the counter named (or did not decode). */
  mismatches: number
  /** Seeks and steps that landed on another frame than asked (the counter then says so). */
  offTarget: number
  /** Frames presented while playing at 1×, each read back inside its own frame callback. */
  played: number
  /** Of those, read back as the very frame reported. */
  playedExact: number
  /** Read back as the next frame: the callback ran after that frame had reached the compositor. */
  playedLate: number
  /** The first few mismatches, for a report. */
  examples: Array<{ kind: 'seek' | 'step'; target: number; counter: number; pixels: number | null }>
}

/** A seeded generator, so a failing run can be repeated. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const Read = z.object({ target: z.number(), counter: z.number(), lumas: z.array(z.number()) })

/** The page and the clips; `run` checks one rate; `close` stops the server and removes the files. */
export async function openFrameAccuracy(page: Page, frames: number) {
  const dir = mkdtempSync(join(tmpdir(), 'frame-accuracy-'))
  for (const r of REVIEW_RATES)
    makeFrameCodedVideo(dir, `clip-${r.ffmpeg.replace('/', '-')}.mp4`, { rate: r.ffmpeg, frames, ...SIZE })
  writeFileSync(join(dir, 'bundle.js'), await bundlePage(ENTRY))
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><body style="margin:0;background:#000"><video muted playsinline preload="auto" width="${SIZE.width}" height="${SIZE.height}"></video><canvas width="${SIZE.width}" height="${SIZE.height}"></canvas><script src="/bundle.js"></script></body>`,
  )
  const server = await serveFolder(dir)
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  await page.goto(`${base}/index.html`, { waitUntil: 'domcontentloaded', timeout: 60_000 })
  const points = frameCodeSamplePoints(SIZE.width, SIZE.height)

  /** Seeks, steps, then `playFrames` frames of playback at 1× from the first frame. */
  async function run(rate: (typeof REVIEW_RATES)[number], seeks: number, steps: number, seed: number, playFrames = 0) {
    const random = mulberry32(seed)
    const url = `${base}/clip-${rate.ffmpeg.replace('/', '-')}.mp4`
    await page.evaluate(([u, fps, n]) => Reflect.get(window, '__frames').load(u, fps, n), [
      url,
      rate.fps,
      frames,
    ] as const)
    const result: FrameAccuracyRun = {
      fps: rate.fps,
      seeks: 0,
      steps: 0,
      mismatches: 0,
      offTarget: 0,
      played: 0,
      playedExact: 0,
      playedLate: 0,
      examples: [],
    }
    const check = (kind: 'seek' | 'step', raw: unknown) => {
      const read = Read.parse(raw)
      const pixels = decodeFrameSamples(read.lumas)
      if (kind === 'seek') result.seeks++
      else result.steps++
      if (read.counter !== read.target) result.offTarget++
      if (pixels !== read.counter) {
        result.mismatches++
        if (result.examples.length < 5)
          result.examples.push({ kind, target: read.target, counter: read.counter, pixels })
      }
    }
    for (let i = 0; i < seeks; i++) {
      const frame = Math.floor(random() * frames)
      check(
        'seek',
        await page.evaluate(([f, p]) => Reflect.get(window, '__frames').seek(f, p), [frame, points] as const),
      )
    }
    for (let i = 0; i < steps; i++) {
      // Runs of steps one way then the other, as a reviewer rocks around a frame.
      const by = Math.floor(i / 10) % 2 === 0 ? 1 : -1
      check('step', await page.evaluate(([b, p]) => Reflect.get(window, '__frames').step(b, p), [by, points] as const))
    }
    if (playFrames > 0) {
      const raw = await page.evaluate(([n, p]) => Reflect.get(window, '__frames').play(0, n, p), [
        Math.min(playFrames, frames - 2),
        points,
      ] as const)
      for (const shown of z.array(Read.omit({ target: true })).parse(raw)) {
        const pixels = decodeFrameSamples(shown.lumas)
        result.played++
        if (pixels === shown.counter) result.playedExact++
        else if (pixels === shown.counter + 1) result.playedLate++
      }
    }
    return result
  }

  async function close() {
    await new Promise((ok) => server.close(ok))
    rmSync(dir, { recursive: true, force: true })
  }
  return { run, close }
}
