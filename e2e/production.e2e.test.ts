// Production tracking in the browser, against `aipipeline demo` and its seeded short film:
// the shot table (cell edit, a pasted 3×4 block as one batch, undo, drag reorder, filter and
// group, XLSX import with a dry run), the kanban board (drag a card = status comment), the
// shot page (comment with a mention) and the mentioned user's notification arriving live in
// a second browser. Screenshots of table, board and shot page in both languages, light and
// dark, go to e2e/screenshots/. Without /usr/bin/chromium it skips with a notice on a laptop
// and fails under CI=true.
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ShotTable } from '@aipipeline/contracts'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'
import {
  type DemoStudio,
  ensureWebBuild,
  SCREENSHOTS,
  signInAsDemoUser,
  startDemo,
  stopDemo,
} from './support/demo-studio'

// The shot grid's geometry (apps/web/src/features/projects/shot-table/shot-grid.tsx): the
// grid is a canvas, so cells are clicked by position.
const MARKER = 44
const HEADER = 38
const ROW = 36
const WIDTHS = [90, 90, 110, 240, 80, 80, 80, 110, 110]
const COL = { sequence: 1, code: 2, description: 3, frameIn: 4, frameOut: 5 } as const

/** A signed-in API caller for checking what the browser did. */
async function apiAs(url: string, email: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  })
  const { accessToken } = z.object({ accessToken: z.string() }).parse(await res.json())
  const get = async (path: string): Promise<unknown> => {
    const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${accessToken}` } })
    if (!r.ok) throw new Error(`GET ${path}: ${r.status}`)
    return r.json()
  }
  const raw = async (path: string): Promise<ArrayBuffer> => {
    const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${accessToken}` } })
    return r.arrayBuffer()
  }
  return { get, raw }
}

/** Waits until `check` passes (the server and the socket answer asynchronously). */
async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}

describe.runIf(browserTestsEnabled('production tracking in Chromium'))('production tracking in Chromium', () => {
  let studio: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let projectId = ''
  let api: Awaited<ReturnType<typeof apiAs>>

  const table = async () => ShotTable.parse(await api.get(`/api/projects/${projectId}/shot-table`))
  const inOrder = (t: z.infer<typeof ShotTable>) =>
    t.shots.id.map((id, i) => ({ id, i, key: t.shots.orderKey[i] ?? '' })).sort((a, b) => (a.key < b.key ? -1 : 1))

  async function cellPoint(col: number, row: number): Promise<{ x: number; y: number }> {
    const box = await page.getByTestId('shot-grid').boundingBox()
    if (!box) throw new Error('no grid')
    const left = WIDTHS.slice(0, col).reduce((a, b) => a + b, 0)
    return { x: box.x + MARKER + left + (WIDTHS[col] ?? 100) / 2, y: box.y + HEADER + row * ROW + ROW / 2 }
  }
  async function clickCell(col: number, row: number): Promise<void> {
    const p = await cellPoint(col, row)
    // A shot's code is a link to its page: the cell is selected by its blank right part.
    const x = col === COL.code ? p.x + (WIDTHS[col] ?? 100) / 2 - 8 : p.x
    await page.mouse.click(x, p.y)
  }
  async function openTable(): Promise<void> {
    await page.goto(`${studio?.url}/projects/${projectId}/shots`)
    await page.getByTestId('shot-count').filter({ hasText: 'of 40 shots' }).waitFor()
    await page.waitForTimeout(300)
  }

  beforeAll(async () => {
    ensureWebBuild()
    studio = await startDemo()
    api = await apiAs(studio.url, 'manager@demo.local')
    const projects = z
      .object({ items: z.array(z.object({ id: z.string(), code: z.string() })) })
      .parse(await api.get('/api/projects'))
    projectId = projects.items.find((p) => p.code === 'LIGHT')?.id ?? ''
    chromium = await openBrowserPage({ viewport: { width: 1440, height: 900 }, clipboardOrigin: studio.url })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, studio.url, 'manager@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (studio) await stopDemo(studio)
  }, 30_000)

  it('lists the demo film and opens its shot table with all 40 shots', async () => {
    await page.getByRole('link', { name: 'The Last Lighthouse' }).click()
    await page.getByTestId('shot-count').filter({ hasText: '40 of 40 shots' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/projects/${projectId}/shots`)
  })

  it('edits a cell inline', async () => {
    await openTable()
    const t = await table()
    const first = inOrder(t)[0]
    if (!first) throw new Error('no shots')
    const before = { ...first, description: t.shots.description[first.i] ?? '' }
    // A double click opens the cell editor with the current text; select it all and type over it.
    const p = await cellPoint(COL.description, 0)
    const editor = page.locator('#portal textarea')
    // Right after navigation the grid may still be laying out; retry until the editor opens.
    for (let attempt = 0; attempt < 5 && !(await editor.isVisible()); attempt++) {
      await page.mouse.dblclick(p.x, p.y)
      await editor.waitFor({ timeout: 2_000 }).catch(() => {})
    }
    await editor.waitFor()
    await expect.poll(() => editor.inputValue(), { timeout: 5_000 }).toBe(before.description)
    await editor.fill('Edited in the grid')
    await expect.poll(() => editor.inputValue(), { timeout: 5_000 }).toBe('Edited in the grid')
    await editor.press('Enter')
    await eventually(async () => expect((await table()).shots.description[before.i]).toBe('Edited in the grid'))
  })

  it('pastes a 3×4 block from the clipboard as one batch edit, and undoes it with Ctrl+Z', async () => {
    const original = await table()
    const rows = inOrder(original).slice(1, 4)
    const batches: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'PATCH' && r.url().endsWith(`/api/projects/${projectId}/shots`)) batches.push(r.url())
    })
    await clickCell(COL.code, 1)
    const tsv = 'PA0010\tPasted one\t1001\t1030\nPA0020\tPasted two\t1001\t1040\nPA0030\tPasted three\t1001\t1050\n'
    await page.evaluate((text) => navigator.clipboard.writeText(text), tsv)
    await page.keyboard.press('Control+V')
    await eventually(async () => {
      const t = await table()
      expect(rows.map((r) => t.shots.code[r.i])).toEqual(['PA0010', 'PA0020', 'PA0030'])
      expect(rows.map((r) => t.shots.description[r.i])).toEqual(['Pasted one', 'Pasted two', 'Pasted three'])
      expect(rows.map((r) => t.shots.frameOut[r.i])).toEqual([1030, 1040, 1050])
    })
    expect(batches).toHaveLength(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'production-table-pasted.png') })

    await page.keyboard.press('Control+Z')
    await eventually(async () => {
      const t = await table()
      for (const r of rows) {
        expect(t.shots.code[r.i]).toBe(original.shots.code[r.i])
        expect(t.shots.description[r.i]).toBe(original.shots.description[r.i])
        expect(t.shots.frameOut[r.i]).toBe(original.shots.frameOut[r.i])
      }
    })
    expect(batches).toHaveLength(2)
  })

  it('drag-reorders a shot by its row number', async () => {
    const before = inOrder(await table())
    const moved = before[5]
    if (!moved) throw new Error('no sixth shot')
    const from = await cellPoint(0, 5)
    const to = await cellPoint(0, 1)
    const x = from.x - 90 / 2 - MARKER / 2
    await page.mouse.move(x, from.y)
    await page.mouse.down()
    for (let step = 1; step <= 10; step++) await page.mouse.move(x, from.y + ((to.y - from.y) * step) / 10)
    await page.mouse.up()
    await eventually(async () => {
      const after = inOrder(await table())
      expect(after[1]?.id).toBe(moved.id)
      expect(after[0]?.id).toBe(before[0]?.id)
    })
  })

  it('filters by search and groups by sequence', async () => {
    await page.getByRole('textbox', { name: 'Search' }).fill('Storm')
    await page.getByTestId('shot-count').filter({ hasText: '14 of 40 shots' }).waitFor()
    await page.getByRole('textbox', { name: 'Search' }).fill('')
    await page.getByLabel('Group', { exact: true }).and(page.locator('input')).click()
    await page.getByRole('option', { name: 'By sequence' }).click()
    await page.getByTestId('shot-grid').getByText('SQ020 · Storm (14)').waitFor({ state: 'attached' })
    await page.screenshot({ path: join(SCREENSHOTS, 'production-table-grouped.png') })
  })

  it('imports an edited XLSX export after reviewing the dry run', async () => {
    const sheet = new ExcelJS.Workbook()
    await sheet.xlsx.load(await api.raw(`/api/projects/${projectId}/shots/export?format=xlsx`))
    const ws = sheet.worksheets[0]
    if (!ws) throw new Error('no worksheet')
    const header = ws.getRow(1).values
    const descriptionCol = Array.isArray(header)
      ? header.findIndex((v) => String(v).toLowerCase() === 'description')
      : -1
    expect(descriptionCol).toBeGreaterThan(0)
    ws.getRow(3).getCell(descriptionCol).value = 'Changed in a spreadsheet'
    const file = join(studio?.dataDir ?? tmpdir(), 'edited.xlsx')
    await sheet.xlsx.writeFile(file)

    await page.getByRole('button', { name: 'Import' }).click()
    await page.locator('input[type="file"]').setInputFiles(file)
    await page.getByTestId('import-summary').getByText('1 to update').waitFor()
    expect(await page.getByTestId('import-state').textContent()).toContain('Dry run')
    await page.screenshot({ path: join(SCREENSHOTS, 'production-import-dry-run.png') })
    expect((await table()).shots.description).not.toContain('Changed in a spreadsheet')

    await page.getByRole('button', { name: 'Apply import' }).click()
    await page.getByTestId('import-state').getByText('Import applied.').waitFor()
    expect((await table()).shots.description).toContain('Changed in a spreadsheet')
    await page.getByRole('button', { name: 'Close' }).click()
  })

  it('drags a kanban card to another column, which posts the status comment', async () => {
    await page.goto(`${studio?.url}/projects/${projectId}/board`)
    const review = page.locator('[data-testid="board-column"][aria-label="Review"]')
    const wip = page.locator(
      '[data-testid="board-column"][aria-label="WIP"], [data-testid="board-column"][aria-label="Work in progress"]',
    )
    await review.waitFor()
    const card = wip.first().getByTestId('board-card').first()
    const taskId = (await card.getAttribute('data-task-id')) ?? ''
    const reviewId = (await review.getAttribute('data-status-id')) ?? ''
    const from = await card.boundingBox()
    const to = await review.boundingBox()
    if (!from || !to) throw new Error('board not laid out')
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    for (let step = 1; step <= 12; step++) {
      await page.mouse.move(
        from.x + from.width / 2 + ((to.x + to.width / 2 - from.x - from.width / 2) * step) / 12,
        from.y + from.height / 2 + ((to.y + 80 - from.y - from.height / 2) * step) / 12,
      )
    }
    await page.mouse.up()
    await review.locator(`[data-task-id="${taskId}"]`).waitFor()
    await eventually(async () => {
      const t = await table()
      expect(t.tasks.statusId[t.tasks.id.indexOf(taskId)]).toBe(reviewId)
    })
  })

  it('posts a comment with a mention and the mentioned artist sees the notification arrive live', async () => {
    if (!chromium || !studio) throw new Error('no browser')
    const other = await chromium.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })
    try {
      const artist = await other.newPage()
      await signInAsDemoUser(artist, studio.url, 'artist@demo.local')
      await artist.locator('[role="status"][data-status="connected"]').waitFor()
      const bell = artist.getByRole('button', { name: /^Notifications \(\d+ unread\)$/ })
      const unread = async () =>
        Number(/\((\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? 'NaN')
      const before = await unread()

      const shotId = inOrder(await table())[0]?.id ?? ''
      await page.goto(`${studio.url}/projects/${projectId}/shots/${shotId}`)
      const box = page.getByRole('textbox', { name: 'Comment' })
      await box.click()
      await box.pressSequentially('Lovely light. @Demo Ar')
      await page
        .getByRole('listbox', { name: 'Mention suggestions' })
        .getByRole('option', { name: /Demo Artist/ })
        .waitFor()
      await page.keyboard.press('Enter')
      await box.pressSequentially('please push the **contrast**')
      expect(await box.inputValue()).toBe('Lovely light. @Demo Artist please push the **contrast**')
      await page.locator('label', { hasText: /^Preview$/ }).click()
      await page.getByTestId('comment-preview').locator('strong', { hasText: 'contrast' }).waitFor()
      await page.getByRole('button', { name: 'Post comment' }).click()
      await page.getByTestId('comment').filter({ hasText: 'please push the' }).waitFor()

      await eventually(async () => expect(await unread()).toBe(before + 1))
      await bell.click()
      await artist.getByTestId('notification').filter({ hasText: 'Demo Manager mentioned you' }).first().waitFor()
      await artist.screenshot({ path: join(SCREENSHOTS, 'production-notification.png') })
    } finally {
      await other.close()
    }
  })

  it('shows table, board and shot page in English and Korean, light and dark', async () => {
    // A shot with rendered versions, so the gallery has something to show.
    const t = await table()
    const shotId = t.shots.id.find((_, i) => t.shots.thumbnailVersionId[i] !== null) ?? t.shots.id[0] ?? ''
    for (const [lang, scheme] of [
      ['en', 'light'],
      ['ko', 'dark'],
      ['ko', 'light'],
      ['en', 'dark'],
    ] as const) {
      await page.evaluate(
        (v) => {
          localStorage.setItem('aipipeline.locale', v.lang)
          localStorage.setItem('aipipeline.color-scheme', v.scheme)
        },
        { lang, scheme },
      )
      for (const [name, path] of [
        ['table', `/projects/${projectId}/shots`],
        ['board', `/projects/${projectId}/board`],
        ['shot', `/projects/${projectId}/shots/${shotId}`],
      ] as const) {
        await page.goto(`${studio?.url}${path}`)
        await page.locator('html').getAttribute('lang')
        await page.waitForTimeout(1200)
        await page.screenshot({ path: join(SCREENSHOTS, `production-${name}-${lang}-${scheme}.png`) })
      }
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(chromium?.pageErrors).toEqual([])
    // Twelve pages with a settle pause each: a loaded machine needs well over the default 30 s.
  }, 180_000)
})
