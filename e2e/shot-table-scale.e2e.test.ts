// The shot table with 10,000 shots in Chromium, against `aipipeline demo`: the first rows show
// (and take an edit) while the rest of the table is still on its way, the mouse wheel reaches
// the last shot, the keyboard jumps to the end where a cell edit is saved and survives a
// reload, and a search narrows the table to ten shots. Timing is the benchmark's business
// (bench/production/shot-table-scroll.bench.ts); nothing here asserts on time. Screenshots go
// to /tmp/shot-table-scale-*.png. Without /usr/bin/chromium it skips with a notice on a laptop
// and fails under CI=true.
import { ShotTable } from '@aipipeline/contracts'
import { seededShotCode, seedShotProject } from '@aipipeline/testing'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'
import { type DemoStudio, ensureWebBuild, signInAsDemoUser, startDemo, stopDemo } from './support/demo-studio'

const SHOTS = 10_000
// Every thousandth shot is a keeper, so the search has a known answer of ten shots.
const isKeeper = (n: number) => n % 1000 === 500
const KEEPERS = Array.from({ length: SHOTS }, (_, i) => i + 1).filter(isKeeper)

// The grid is a canvas: cells are clicked by position (shot-grid.tsx's geometry; columns
// thumbnail, sequence, code, description) and read from its accessibility table, whose cells
// are `glide-cell-<column>-<row>` for the rows in view, counting the row numbers as column 0.
const MARKER = 44
const HEADER = 38
const ROW = 36
const DESCRIPTION_X = MARKER + 90 + 90 + 110 + 240 / 2
const COL = { code: 3, description: 4 } as const

describe.runIf(browserTestsEnabled('the 10,000-shot table in Chromium'))('the 10,000-shot table in Chromium', () => {
  let studio: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let projectId = ''
  let token = ''

  const cell = (col: number, row: number) => page.getByTestId('shot-grid').getByTestId(`glide-cell-${col}-${row}`)
  // The accessibility table is visually hidden, so it is found by selector, not by role.
  const accessTable = () => page.getByTestId('shot-grid').locator('table[role="grid"]')
  const count = () => page.getByTestId('shot-count')
  const fullyLoaded = () =>
    count()
      .filter({ hasText: `${SHOTS} of ${SHOTS} shots` })
      .waitFor({ timeout: 30_000 })

  /** The description of shot `code` as the server has it. */
  async function savedDescription(code: string): Promise<string | undefined> {
    const res = await fetch(`${studio?.url}/api/projects/${projectId}/shot-table`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const table = ShotTable.parse(await res.json())
    return table.shots.description[table.shots.code.indexOf(code)]
  }

  /**
   * Clicks the description of shot row `row`, drawn `rowInView` rows below the header, and
   * waits until the grid shows it selected. A click that lands while the canvas is still
   * settling after the first page arrived selects nothing: it is clicked again.
   */
  async function selectDescription(row: number, rowInView: number): Promise<void> {
    const box = await page.getByTestId('shot-grid').boundingBox()
    if (!box) throw new Error('no grid')
    const target = cell(COL.description, row)
    for (let attempt = 1; ; attempt++) {
      await page.mouse.click(box.x + DESCRIPTION_X, box.y + HEADER + rowInView * ROW + ROW / 2)
      try {
        await expect.poll(() => target.getAttribute('aria-selected'), { timeout: 2_000 }).toBe('true')
        return
      } catch (err) {
        if (attempt === 3) throw err
      }
    }
  }

  /** Opens the grid's text editor on the selected cell, types over it and commits. */
  async function typeIntoSelectedCell(text: string): Promise<void> {
    const editor = page.locator('#portal textarea')
    await page.keyboard.press('Enter')
    await editor.waitFor()
    await editor.fill(text)
    await expect.poll(() => editor.inputValue(), { timeout: 5_000 }).toBe(text)
    await editor.press('Enter')
    await editor.waitFor({ state: 'detached' })
  }

  /** Selects the description cell of the first row in view, then the last shot (Ctrl+↓). */
  async function jumpToLastRow(): Promise<void> {
    const box = await page.getByTestId('shot-grid').boundingBox()
    if (!box) throw new Error('no grid')
    await page.mouse.click(box.x + DESCRIPTION_X, box.y + HEADER + ROW / 2)
    await page.keyboard.press('Control+ArrowDown')
    await expect.poll(() => cell(COL.code, SHOTS - 1).textContent()).toBe(seededShotCode(SHOTS))
  }

  beforeAll(async () => {
    ensureWebBuild()
    studio = await startDemo()
    const seeded = await seedShotProject({
      url: studio.url,
      email: 'manager@demo.local',
      password: 'demo',
      projectCode: 'SCALE',
      shots: SHOTS,
      description: (n) => (isKeeper(n) ? `Lighthouse keeper climbs, take ${n}` : `Shot ${n}`),
    })
    projectId = seeded.projectId
    token = seeded.accessToken
    chromium = await openBrowserPage({ viewport: { width: 1440, height: 900 } })
    page = chromium.page
    await signInAsDemoUser(page, studio.url, 'manager@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (studio) await stopDemo(studio)
  }, 30_000)

  it('shows the first rows and takes an edit while the rest of the table is still loading', async () => {
    // Hold the whole-table read back, so the first page is all the browser has for now.
    let release: () => void = () => {}
    const held = new Promise<void>((r) => {
      release = r
    })
    await page.route('**/shot-table', async (route) => {
      await held
      await route.continue().catch(() => {
        // An edit cancels the read in flight; its request is gone by now.
      })
    })
    try {
      await page.goto(`${studio?.url}/projects/${projectId}/shots`)
      await expect.poll(() => cell(COL.code, 0).textContent()).toBe(seededShotCode(1))
      await expect.poll(() => cell(COL.code, 5).textContent()).toBe(seededShotCode(6))
      await count()
        .filter({ hasText: `loaded so far (${SHOTS} in all)` })
        .waitFor()
      await page.screenshot({ path: '/tmp/shot-table-scale-first-page.png' })

      await selectDescription(1, 1)
      await typeIntoSelectedCell('Edited while loading')
      await expect.poll(() => savedDescription(seededShotCode(2))).toBe('Edited while loading')
    } finally {
      release()
    }
    await fullyLoaded()
    await page.unroute('**/shot-table')
    await expect.poll(() => cell(COL.description, 1).textContent()).toBe('Edited while loading')
    await expect.poll(() => accessTable().getAttribute('aria-rowcount')).toBe(String(SHOTS + 1))
  })

  it('scrolls to the last shot with the mouse wheel', async () => {
    const box = await page.getByTestId('shot-grid').boundingBox()
    if (!box) throw new Error('no grid')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    const last = cell(COL.code, SHOTS - 1)
    // 10,000 rows of 36 px are 360,000 px; 4,000 px a notch gets there in about 90 notches.
    for (let notch = 0; notch < 200 && !(await last.count()); notch++) {
      await page.mouse.wheel(0, 4_000)
      await page.waitForTimeout(30)
    }
    await expect.poll(() => last.textContent()).toBe(seededShotCode(SHOTS))
    await page.screenshot({ path: '/tmp/shot-table-scale-wheel-end.png' })
  })

  it('jumps to the end with the keyboard, edits a shot near it, and a reload shows the edit', async () => {
    await jumpToLastRow()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    const code = seededShotCode(SHOTS - 2)
    await expect.poll(() => cell(COL.code, SHOTS - 3).textContent()).toBe(code)
    await typeIntoSelectedCell('Edited near the end')
    await expect.poll(() => savedDescription(code)).toBe('Edited near the end')
    await page.screenshot({ path: '/tmp/shot-table-scale-edited.png' })

    await page.reload()
    await fullyLoaded()
    await jumpToLastRow()
    await expect.poll(() => cell(COL.description, SHOTS - 3).textContent()).toBe('Edited near the end')
    await expect.poll(() => cell(COL.code, SHOTS - 3).textContent()).toBe(code)
    await page.screenshot({ path: '/tmp/shot-table-scale-reloaded.png' })
  })

  it('narrows 10,000 shots to the ten keepers with the search', async () => {
    await page.getByRole('textbox', { name: 'Search' }).fill('keeper')
    await count()
      .filter({ hasText: `${KEEPERS.length} of ${SHOTS} shots` })
      .waitFor()
    await expect.poll(() => accessTable().getAttribute('aria-rowcount')).toBe(String(KEEPERS.length + 1))
    for (const [row, n] of KEEPERS.entries())
      await expect.poll(() => cell(COL.code, row).textContent()).toBe(seededShotCode(n))
    await page.screenshot({ path: '/tmp/shot-table-scale-filtered.png' })
    expect(chromium?.pageErrors).toEqual([])
  })
})
