// The web mask editor painting on a 4096 × 4096 image in Chromium: a scripted brush stroke of
// a few hundred pointer moves, at fit zoom and at 100 %, with the frame time of each frame
// during the stroke (p50, p95, max; see below) against a baseline measured
// in the same run (the same pointer moves over an empty page running only the rAF loop), and
// a pixel-for-pixel check that the exported mask PNG equals the drawn mask. Prints one JSON
// object; never asserts on time.
//
// The page: the editor's own modules (MaskCanvas and the pure mask code) are bundled here with
// esbuild into one script and loaded into a blank page, so the product gets no bench-only
// route or build entry, and no server is needed: the mask editor talks to no API.
//
// Frame time: headless Chromium paces requestAnimationFrame at 60 Hz whatever the flags, so a
// rAF interval is 16.7 ms when a frame is cheap and a multiple when one is late; it says only
// whether frames were dropped. The frame's own cost is measured as its main-thread work: from
// the frame's rAF timestamp to a message posted in that rAF, which runs after the frame's
// input handlers, rAF callbacks, style, layout and paint. Both are reported.
//
// The check: the bench sends integer viewer positions; the page replays them through the same
// viewer → image mapping and stroke geometry on a fresh mask (the pure code, property-tested
// in apps/web) and compares it with the PNG the editor exported, decoded. Any pointer move the
// editor dropped or misplaced, or any export that resampled or smoothed, shows as a mismatch.
//
// Run: npx tsx bench/mask-editor.bench.ts  (about 30 s). MASK_BENCH_SIZE changes the image
// side, MASK_BENCH_MOVES the pointer moves per stroke, MASK_BENCH_RADIUS the brush radius.
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium } from '@aipipeline/testing/chromium'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { z } from 'zod'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..')
const EDITOR_DIR = resolve(ROOT, 'apps/web/src/components/media/mask-editor')
const SIZE = Number(process.env.MASK_BENCH_SIZE ?? 4096)
const MOVES = Number(process.env.MASK_BENCH_MOVES ?? 400)
const RADIUS = Number(process.env.MASK_BENCH_RADIUS ?? 64)
const VIEWPORT = { width: 1280, height: 800 }

const round = (x: number) => Math.round(x * 100) / 100
const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0)
}

/** The page script: the editor modules and a small harness on `window.maskBench`. */
async function pageScript(): Promise<string> {
  const result = await build({
    stdin: {
      resolveDir: EDITOR_DIR,
      sourcefile: 'mask-bench-page.ts',
      loader: 'ts',
      contents: `
        import { MaskCanvas } from './mask-canvas'
        import { decodeMaskPng } from './mask-png'
        import { screenToImage } from './mask-overlay'
        import { createMask, masksEqual, stampDab, strokeSegment } from './mask-raster'
        let editor = null
        let frames = []
        let work = []
        let recording = false
        // A message posted in a rAF callback is handled once that frame's rendering is done:
        // its arrival minus the frame's start is the frame's main-thread work (input handlers,
        // rAF callbacks, style, layout, paint), whatever the display's refresh rate.
        const channel = new MessageChannel()
        channel.port1.onmessage = (e) => { if (recording) work.push(performance.now() - e.data) }
        const tick = (t) => {
          if (recording) { frames.push(t); channel.port2.postMessage(t) }
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
        async function testImage(size) {
          const canvas = document.createElement('canvas')
          canvas.width = size
          canvas.height = size
          const g = canvas.getContext('2d')
          const grad = g.createLinearGradient(0, 0, size, size)
          grad.addColorStop(0, '#1d3557'); grad.addColorStop(0.5, '#e9c46a'); grad.addColorStop(1, '#e76f51')
          g.fillStyle = grad
          g.fillRect(0, 0, size, size)
          for (let i = 0; i < 64; i++) { g.fillStyle = 'hsl(' + i * 37 + ',60%,50%)'; g.fillRect((i * 613) % size, (i * 919) % size, size / 16, size / 16) }
          const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.9))
          return URL.createObjectURL(blob)
        }
        window.maskBench = {
          record(on) { recording = on; if (on) { frames = []; work = [] } },
          frames() { return { frames, work } },
          async open(size, radius) {
            const url = await testImage(size)
            const host = document.getElementById('host')
            editor = new MaskCanvas(host, { url, width: size, height: size }, () => {}, { radius, hardness: 1 })
            await host.querySelector('img').decode()
            return editor.view
          },
          zoomTo(scale) {
            const host = document.getElementById('host')
            const f = scale / editor.view.scale
            editor.zoomBy(f)
            return editor.view
          },
          clear() { editor.clear() },
          verify(points, radius) {
            const expected = createMask(editor.mask.width, editor.mask.height)
            const brush = { radius, hardness: 1, mode: 'paint' }
            const at = points.map((p) => screenToImage(editor.view, p.x, p.y))
            stampDab(expected, at[0], brush)
            for (let i = 1; i < at.length; i++) strokeSegment(expected, at[i - 1], at[i], brush)
            const exported = decodeMaskPng(editor.exportPng())
            let painted = 0
            for (const v of expected.data) if (v !== 0) painted++
            let differing = 0
            for (let i = 0; i < expected.data.length; i++) if (expected.data[i] !== exported.data[i]) differing++
            return { equal: masksEqual(exported, expected) && exported.width === expected.width, painted, differing }
          },
        }
      `,
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  const script = result.outputFiles[0]?.text
  if (script === undefined) throw new Error('esbuild wrote no page script')
  return script
}

/** A stroke of `moves` integer viewer positions: a widening spiral over the middle of the viewer. */
function strokePath(moves: number): { x: number; y: number }[] {
  const cx = VIEWPORT.width / 2
  const cy = VIEWPORT.height / 2
  return Array.from({ length: moves + 1 }, (_, i) => {
    const a = (i / moves) * Math.PI * 8
    const r = 30 + (i / moves) * 330
    return { x: Math.round(cx + Math.cos(a) * r), y: Math.round(cy + Math.sin(a) * r * 0.9) }
  })
}

const Frames = z.object({ frames: z.array(z.number()), work: z.array(z.number()) })

/** Sends the stroke while the page records its frames; returns rAF deltas and per-frame work. */
async function stroke(page: Page, points: readonly { x: number; y: number }[]) {
  const [first, ...rest] = points
  if (first === undefined) throw new Error('an empty stroke')
  await page.mouse.move(first.x, first.y)
  await page.evaluate(() => Reflect.get(window, 'maskBench').record(true))
  await page.mouse.down()
  for (const p of rest) await page.mouse.move(p.x, p.y)
  await page.mouse.up()
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  await page.evaluate(() => Reflect.get(window, 'maskBench').record(false))
  const { frames, work } = Frames.parse(await page.evaluate(() => Reflect.get(window, 'maskBench').frames()))
  return summary(
    frames.slice(1).map((t, i) => t - (frames[i] ?? t)),
    work,
  )
}

/** Frame time = the frame's main-thread work; the rAF interval is reported too (vsync-bound). */
const summary = (intervals: readonly number[], work: readonly number[]) => ({
  frames: work.length,
  frameP50Ms: pct(work, 50),
  frameP95Ms: pct(work, 95),
  frameMaxMs: round(Math.max(0, ...work)),
  rafIntervalP50Ms: pct(intervals, 50),
  rafIntervalP95Ms: pct(intervals, 95),
})

const Verdict = z.object({ equal: z.boolean(), painted: z.number(), differing: z.number() })
const View = z.object({ scale: z.number(), x: z.number(), y: z.number() })

async function main() {
  const browser = await launchChromium()
  try {
    const script = await pageScript()
    const context = await browser.newContext({ viewport: VIEWPORT })
    const page = await context.newPage()
    const html = `<!doctype html><html><body style="margin:0"><div id="host" style="width:${VIEWPORT.width}px;height:${VIEWPORT.height}px"></div></body></html>`
    await page.setContent(html)
    await page.addScriptTag({ content: script })
    const points = strokePath(MOVES)

    // Baseline: the same moves over the page before the editor exists (only the rAF loop runs).
    const baseline = await stroke(page, points)

    const fitView = View.parse(
      await page.evaluate(([s, r]) => Reflect.get(window, 'maskBench').open(s, r), [SIZE, RADIUS]),
    )
    const fit = await stroke(page, points)
    const fitCheck = Verdict.parse(
      await page.evaluate(([p, r]) => Reflect.get(window, 'maskBench').verify(p, r), [points, RADIUS] as const),
    )

    await page.evaluate(() => Reflect.get(window, 'maskBench').clear())
    const fullView = View.parse(await page.evaluate(() => Reflect.get(window, 'maskBench').zoomTo(1)))
    const full = await stroke(page, points)
    const fullCheck = Verdict.parse(
      await page.evaluate(([p, r]) => Reflect.get(window, 'maskBench').verify(p, r), [points, RADIUS] as const),
    )
    await context.close()

    const ratio = (a: number, b: number) => (b > 0 ? round(a / b) : null)
    return {
      bench: 'mask-editor',
      node: process.version,
      chromium: browser.version(),
      loadavg: loadavg().map((l) => round(l)),
      image: { width: SIZE, height: SIZE },
      viewport: VIEWPORT,
      pointerMoves: MOVES,
      brushRadiusPx: RADIUS,
      targetP95Ms: 16,
      baseline: { what: 'same pointer moves, no editor on the page', ...baseline },
      fit: { scale: round(fitView.scale), ...fit, maskMatchesExport: fitCheck },
      actualSize: { scale: round(fullView.scale), ...full, maskMatchesExport: fullCheck },
      ratio: {
        of: 'editor vs baseline',
        fitP50: ratio(fit.frameP50Ms, baseline.frameP50Ms),
        fitP95: ratio(fit.frameP95Ms, baseline.frameP95Ms),
        actualSizeP50: ratio(full.frameP50Ms, baseline.frameP50Ms),
        actualSizeP95: ratio(full.frameP95Ms, baseline.frameP95Ms),
      },
    }
  } finally {
    await browser.close().catch(() => {})
  }
}

console.log(JSON.stringify(await main(), null, 2))
