// The web shot table at 10,000 shots in Chromium, against a 100-shot table in the same run:
// time to the first rows and to the fully loaded table (from navigation start, as the page's
// own clock sees it), and frame timing while wheel events scroll the grid from top to bottom
// (requestAnimationFrame deltas: p50, p95, max, share of frames over 50 ms), with the ratio of
// each figure at 10,000 shots to the baseline. Prints one JSON object; never asserts on time.
// It spawns `aipipeline serve` (nothing imported from apps/) and drives Debian's Chromium.
// Run: npx tsx bench/production/shot-table-scroll.bench.ts  (about 2 min; builds the web app
// first if there is no build). SCROLL_BENCH_SHOTS / _BASELINE change the sizes, _LOADS the
// page loads per table (median reported), _DELTA the pixels per wheel event.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { seedShotProject } from '@aipipeline/testing'
import { CHROMIUM, launchChromium } from '@aipipeline/testing/chromium'
import type { BrowserContext, Page } from 'playwright-core'
import { z } from 'zod'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
const SHOTS = Number(process.env.SCROLL_BENCH_SHOTS ?? 10_000)
const BASELINE = Number(process.env.SCROLL_BENCH_BASELINE ?? 100)
const LOADS = Number(process.env.SCROLL_BENCH_LOADS ?? 3)
/** Pixels per wheel event: ten 36 px rows, a brisk flick repeated every frame. */
const DELTA = Number(process.env.SCROLL_BENCH_DELTA ?? 360)
/** Wheel events for the baseline at most; its table is short, so it is scrolled over and over. */
const BASELINE_EVENTS = 400
const ADMIN = { email: 'bench@bench.local', password: 'bench-password' }

const round = (x: number) => Math.round(x * 10) / 10
const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0)
}
const median = (xs: readonly number[]) => pct(xs, 50)

/** What the in-page probe reports (parsed: it crosses from the browser). */
const Probe = z.object({
  firstRows: z.number().nullable(),
  loaded: z.number().nullable(),
  frames: z.array(z.number()),
})
const Scroller = z.object({ top: z.number(), height: z.number(), client: z.number() })

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['apps/server/bin/aipipeline.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'bench.db')}`,
      LOG_LEVEL: 'warn',
      AIPIPELINE_SECRET_KEY: randomBytes(32).toString('hex'),
      AIPIPELINE_ADMIN_EMAIL: ADMIN.email,
      AIPIPELINE_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false)
    if (up) return child
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill()
  throw new Error('server did not start')
}

/**
 * Installed before the app's scripts: one requestAnimationFrame loop that notes the frame in
 * which the shot count first shows (the grid has rows from that render on), the frame in which
 * it reads "N of N shots" for the whole table, and, while recording, every frame's time.
 * Plain JavaScript text: tsx would wrap a TypeScript function's inner functions in a helper
 * the page does not have.
 */
function probeScript(expected: number): string {
  return `(() => {
    const probe = { firstRows: null, loaded: null, frames: [] }
    let recording = false
    window.__shotTableProbe = probe
    window.__shotTableRecord = (on) => { recording = on; if (on) probe.frames = [] }
    const whole = /^\\d+ of ${expected} shots$/
    const tick = (t) => {
      if (recording) probe.frames.push(t)
      if (probe.loaded === null) {
        const count = document.querySelector('[data-testid="shot-count"]')
        if (count && probe.firstRows === null) probe.firstRows = t
        if (count && whole.test(count.textContent ?? '')) probe.loaded = t
      }
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`
}

async function readProbe(page: Page) {
  return Probe.parse(await page.evaluate(() => Reflect.get(window, '__shotTableProbe')))
}

async function record(page: Page, on: boolean): Promise<void> {
  await page.evaluate((value) => {
    const set: unknown = Reflect.get(window, '__shotTableRecord')
    if (typeof set === 'function') set(value)
  }, on)
}

async function scroller(page: Page) {
  return Scroller.parse(
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="shot-grid"] .dvn-scroller')
      return el ? { top: el.scrollTop, height: el.scrollHeight, client: el.clientHeight } : null
    }),
  )
}

const nextFrame = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))))

/** Opens the table once per load and times first rows and full load (ms from navigation). */
async function timeLoads(context: BrowserContext, url: string, shots: number) {
  const firstRows: number[] = []
  const loaded: number[] = []
  for (let i = 0; i < LOADS; i++) {
    const page = await context.newPage()
    await page.addInitScript({ content: probeScript(shots) })
    await page.goto(url)
    await page.waitForFunction(
      () => {
        const probe: unknown = Reflect.get(window, '__shotTableProbe')
        return typeof probe === 'object' && probe !== null && typeof Reflect.get(probe, 'loaded') === 'number'
      },
      undefined,
      { timeout: 60_000, polling: 100 },
    )
    const probe = await readProbe(page)
    firstRows.push(round(probe.firstRows ?? Number.NaN))
    loaded.push(round(probe.loaded ?? Number.NaN))
    await page.close()
  }
  return { firstRowsMs: median(firstRows), loadedMs: median(loaded), firstRowsRuns: firstRows, loadedRuns: loaded }
}

/** Scrolls top to bottom with one wheel event a frame; a short table repeats passes up to `maxEvents`. */
async function timeScroll(context: BrowserContext, url: string, shots: number, maxEvents: number) {
  const page = await context.newPage()
  await page.addInitScript({ content: probeScript(shots) })
  await page.goto(url)
  await page
    .getByTestId('shot-count')
    .filter({ hasText: `${shots} of ${shots} shots` })
    .waitFor({ timeout: 60_000 })
  await page.waitForTimeout(500)
  const box = await page.getByTestId('shot-grid').boundingBox()
  if (!box) throw new Error('no grid')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  const first = await scroller(page)
  const perPass = Math.ceil((first.height - first.client) / DELTA) + 2
  const deltas: number[] = []
  let events = 0
  let passes = 0
  let reachedBottom = false
  const started = performance.now()
  const budget = Math.max(perPass, maxEvents)
  while (passes === 0 || events + perPass <= budget) {
    await page.mouse.wheel(0, -10 * (first.height + 1000))
    await page.waitForTimeout(200)
    await record(page, true)
    for (let i = 0; i < perPass; i++) {
      await page.mouse.wheel(0, DELTA)
      await nextFrame(page)
    }
    await page.waitForTimeout(150)
    await record(page, false)
    const { frames } = await readProbe(page)
    for (let i = 1; i < frames.length; i++) deltas.push((frames[i] ?? 0) - (frames[i - 1] ?? 0))
    const end = await scroller(page)
    reachedBottom = end.top + end.client >= end.height - 2
    events += perPass
    passes++
  }
  const seconds = (performance.now() - started) / 1000
  await page.close()
  return {
    wheelEvents: events,
    passes,
    reachedBottom,
    scrollSeconds: round(seconds),
    frames: deltas.length,
    frameP50Ms: pct(deltas, 50),
    frameP95Ms: pct(deltas, 95),
    frameMaxMs: round(Math.max(0, ...deltas)),
    framesOver50msShare: Math.round((deltas.filter((d) => d > 50).length / Math.max(1, deltas.length)) * 1000) / 1000,
  }
}

async function signIn(context: BrowserContext, base: string): Promise<void> {
  const page = await context.newPage()
  await page.goto(`${base}/login`)
  await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email)
  await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('navigation').getByRole('link', { name: 'Projects' }).waitFor()
  await page.close()
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`)
  if (!existsSync(join(ROOT, 'apps', 'web', 'dist', 'index.html')))
    // The build's log goes to stderr: stdout carries only the JSON result.
    execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: ['ignore', 2, 2] })
  const dataDir = mkdtempSync(join(tmpdir(), 'aipipeline-scroll-bench-'))
  const port = 18_400 + Math.floor(Math.random() * 1000)
  const base = `http://127.0.0.1:${port}`
  const server = await startServer(dataDir, port)
  const browser = await launchChromium()
  try {
    const seed0 = performance.now()
    const seed = (code: string, shots: number) => seedShotProject({ url: base, ...ADMIN, projectCode: code, shots })
    const big = await seed('BIG', SHOTS)
    const small = await seed('SMALL', BASELINE)
    const seedMs = round(performance.now() - seed0)
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } })
    await signIn(context, base)
    const tableUrl = (projectId: string) => `${base}/projects/${projectId}/shots`
    // Alternate the two tables so machine noise falls on both alike.
    const smallLoad = await timeLoads(context, tableUrl(small.projectId), BASELINE)
    const bigLoad = await timeLoads(context, tableUrl(big.projectId), SHOTS)
    const bigScroll = await timeScroll(context, tableUrl(big.projectId), SHOTS, 0)
    const smallScroll = await timeScroll(
      context,
      tableUrl(small.projectId),
      BASELINE,
      Math.min(BASELINE_EVENTS, bigScroll.wheelEvents),
    )
    const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null)
    await context.close()
    return {
      bench: 'shot-table-scroll',
      node: process.version,
      chromium: browser.version(),
      loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
      wheelDeltaPx: DELTA,
      seedMs,
      tables: {
        [String(SHOTS)]: { shots: SHOTS, ...bigLoad, scroll: bigScroll },
        [String(BASELINE)]: { shots: BASELINE, ...smallLoad, scroll: smallScroll },
      },
      ratio: {
        of: `${SHOTS} vs ${BASELINE} shots`,
        firstRows: ratio(bigLoad.firstRowsMs, smallLoad.firstRowsMs),
        loaded: ratio(bigLoad.loadedMs, smallLoad.loadedMs),
        frameP50: ratio(bigScroll.frameP50Ms, smallScroll.frameP50Ms),
        frameP95: ratio(bigScroll.frameP95Ms, smallScroll.frameP95Ms),
        frameMax: ratio(bigScroll.frameMaxMs, smallScroll.frameMaxMs),
        framesOver50msShare: ratio(bigScroll.framesOver50msShare, smallScroll.framesOver50msShare),
      },
    }
  } finally {
    await browser.close().catch(() => {})
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

console.log(JSON.stringify(await main(), null, 2))
