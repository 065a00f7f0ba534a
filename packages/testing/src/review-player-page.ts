// A page holding the real review player component (apps/web/.../review-player, bundled with
// esbuild with React, Mantine and the app's i18n) over a frame-coded clip, with its playback and
// view kept in page state like a review page would. Every report the player makes is kept with
// the index read from the video's pixels at that moment (reports while playing come from the
// browser's per-frame callback, so the picture then is the frame reported).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { z } from 'zod'
import { bundlePage, ROOT, serveFolder } from './frame-accuracy'
import { decodeFrameSamples, frameCodeSamplePoints, makeFrameCodedVideo } from './frame-coded-video'

const WEB = `${ROOT}/apps/web/src`
const SIZE = { width: 320, height: 240 }

const entry = (fps: number, points: Array<{ x: number; y: number }>) => `
import { createElement as h, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { MantineProvider } from '@mantine/core'
import { setupI18n } from '${WEB}/i18n/i18n'
import { ReviewPlayer } from '${WEB}/components/media/review-player'

const points = ${JSON.stringify(points)}
const canvas = document.createElement('canvas')
canvas.width = ${SIZE.width}
canvas.height = ${SIZE.height}
const ctx = canvas.getContext('2d', { willReadFrequently: true })
function lumas(selector = 'video') {
  const video = document.querySelector(selector)
  if (!video) return []
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height)
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
  return points.map(({ x, y }) => { const i = (y * canvas.width + x) * 4; return (data[i] + data[i + 1] + data[i + 2]) / 3 })
}
const reports = []
let setPlaybackOutside = null
let setCompareOutside = null

function App() {
  const [playback, setPlayback] = useState({ frame: 0, playing: false, speed: 1, loop: null })
  const [view, setView] = useState({ zoom: { mode: 'fit', scale: 1, x: 0, y: 0 }, safeArea: false, aspectMask: null })
  const [compare, setCompare] = useState(null)
  setPlaybackOutside = setPlayback
  setCompareOutside = setCompare
  const media = { kind: 'video', src: '/clip.mp4', poster: null, width: ${SIZE.width}, height: ${SIZE.height}, frameCount: null }
  return h('div', { style: { width: 800, height: 560, display: 'flex' } },
    h(ReviewPlayer, {
      media, compare: compare && { ...compare, media },
      onCompareChange: (c) => setCompare((p) => ({ ...p, ...c })), fps: ${fps}, startFrame: 1001, playback, view, onView: setView, label: 'Review',
      onPlayback: (next) => { reports.push({ ...next, lumas: lumas() }); setPlayback(next) },
    }))
}

window.__review = {
  reports,
  lumas,
  /** A seek from outside the player (a presenter, a click on a note). */
  set: (patch) => setPlaybackOutside((p) => ({ ...p, ...patch })),
  /** Compares with the same clip as side B in this mode, or stops comparing (null). */
  compare: (mode) => setCompareOutside(mode && { mode, wipe: 0.5, opacity: 0.5 }),
}
setupI18n().then(() => createRoot(document.getElementById('root')).render(h(MantineProvider, { defaultColorScheme: 'dark' }, h(App))))
`

const Report = z.object({
  frame: z.number(),
  playing: z.boolean(),
  speed: z.number(),
  loop: z.object({ start: z.number(), end: z.number() }).nullable(),
  lumas: z.array(z.number()),
})

/** Opens the page at `fps` over a clip of `frames` frames; `close` removes the files. */
export async function openReviewPlayerPage(page: Page, rate: { fps: number; ffmpeg: string }, frames: number) {
  const dir = mkdtempSync(join(tmpdir(), 'review-player-'))
  makeFrameCodedVideo(dir, 'clip.mp4', { rate: rate.ffmpeg, frames, ...SIZE })
  writeFileSync(
    join(dir, 'bundle.js'),
    await bundlePage(entry(rate.fps, frameCodeSamplePoints(SIZE.width, SIZE.height))),
  )
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><body><div id="root"></div><script src="/bundle.js"></script></body>',
  )
  const server = await serveFolder(dir)
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`, {
    waitUntil: 'domcontentloaded',
    timeout: 60_000,
  })
  return {
    /** Every playback the player reported, with the index the video's pixels showed then. */
    async reports() {
      const raw = await page.evaluate(() => Reflect.get(Reflect.get(window, '__review'), 'reports'))
      return z
        .array(Report)
        .parse(raw)
        .map(({ lumas, ...r }) => ({ ...r, pixels: decodeFrameSamples(lumas) }))
    },
    /** The index the video's pixels show now (`selector` picks side B of a compare). */
    async pixels(selector = 'video') {
      const raw = await page.evaluate((s) => Reflect.get(window, '__review').lumas(s), selector)
      return decodeFrameSamples(z.array(z.number()).parse(raw))
    },
    async set(patch: Record<string, unknown>) {
      await page.evaluate((p) => Reflect.get(window, '__review').set(p), patch)
    },
    async compare(mode: 'side-by-side' | 'wipe' | 'overlay' | 'difference' | null) {
      await page.evaluate((m) => Reflect.get(window, '__review').compare(m), mode)
    },
    async close() {
      await new Promise((ok) => server.close(ok))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
