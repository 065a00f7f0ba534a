// Editing the shot table in Chromium against `aipipeline demo`, in English and Korean: a typo
// in a number cell keeps the cell in edit with the reason, a frame out before the frame in is
// refused, one pasted value fills a selected range, a batch status change and a batch
// assignment are each undone in one step, a saved filter applies after a reload, a shot opens
// from its code, and an artist is told why the cells are read-only. Screenshots go to
// e2e/screenshots/. Without /usr/bin/chromium it skips with a notice on a laptop and fails
// under CI=true.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Project, ShotTable } from '@aipipeline/contracts'
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
import { demoAccessToken } from './support/studio-api'

// The grid is a canvas (shot-grid.tsx geometry): row numbers 44 px, then thumbnail 90,
// sequence 90, code 110, description 240, frame in 80, frame out 80, duration 80, lens 110.
const HEADER = 38
const ROW = 36
const X = { code: 44 + 180 + 14, description: 334 + 120, frameOut: 654 + 40, lens: 814 + 55 } as const

const TEXT = {
  en: {
    number: 'Not a number',
    outBeforeIn: 'Frame out cannot be before frame in',
    readOnly: 'Read-only for Artist',
    undo: 'Undo',
  },
  ko: {
    number: '숫자가 아닙니다',
    outBeforeIn: '프레임 아웃은 프레임 인보다 앞설 수 없습니다',
    readOnly: '아티스트에게는 읽기 전용입니다',
    undo: '실행 취소',
  },
} as const

describe.runIf(browserTestsEnabled('shot table editing in Chromium'))('shot table editing in Chromium', () => {
  let demo: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let projectId = ''
  let token = ''
  const url = () => demo?.url ?? ''

  async function api<T>(schema: z.ZodType<T>, path: string): Promise<T> {
    const res = await fetch(`${url()}${path}`, { headers: { authorization: `Bearer ${token}` } })
    return schema.parse(await res.json())
  }
  /** The table as the server has it, shots in editorial order (the grid's row order). */
  async function table() {
    const t = await api(ShotTable, `/api/projects/${projectId}/shot-table`)
    const order = t.shots.id
      .map((_, i) => i)
      .sort((a, b) => ((t.shots.orderKey[a] ?? '') < (t.shots.orderKey[b] ?? '') ? -1 : 1))
    return { t, order }
  }
  async function description(row: number) {
    const { t, order } = await table()
    return t.shots.description[order[row] ?? -1]
  }

  async function openTable(): Promise<void> {
    await page.goto(`${url()}/projects/${projectId}/shots`)
    await page.getByTestId('shot-count').filter({ hasText: '40' }).waitFor()
    await page.waitForTimeout(500)
  }
  async function cellPoint(x: number, row: number) {
    const box = await page.getByTestId('shot-grid').boundingBox()
    if (!box) throw new Error('no grid')
    return { x: box.x + x, y: box.y + HEADER + row * ROW + ROW / 2 }
  }
  async function click(x: number, row: number, modifiers: 'Shift'[] = []) {
    const at = await cellPoint(x, row)
    for (const m of modifiers) await page.keyboard.down(m)
    await page.mouse.click(at.x, at.y)
    for (const m of modifiers) await page.keyboard.up(m)
  }
  /** Opens the checked editor on a cell, types `text` and presses Enter. */
  async function typeInto(x: number, row: number, text: string) {
    const editor = page.locator('#portal [data-testid="cell-editor"]')
    for (let attempt = 1; ; attempt++) {
      await click(x, row)
      await page.keyboard.press('Enter')
      const opened = await editor.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      )
      if (opened) break
      if (attempt === 3) throw new Error('the cell editor did not open')
    }
    await editor.fill(text)
    await editor.press('Enter')
  }

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    token = await demoAccessToken(demo.url, 'manager@demo.local')
    const projects = await api(
      z.object({ items: z.array(z.object({ id: z.string(), code: z.string() })) }),
      '/api/projects',
    )
    projectId = projects.items.find((p) => p.code === 'LIGHT')?.id ?? ''
    chromium = await openBrowserPage({ viewport: { width: 1600, height: 960 }, timeoutMs: 20_000 })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, demo.url, 'manager@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (demo) await stopDemo(demo)
  }, 30_000)

  for (const lang of ['en', 'ko'] as const) {
    it(`keeps a typo and a backward frame range in edit with the reason, saving nothing [${lang}]`, async () => {
      await page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
      await openTable()
      const before = await table()
      await typeInto(X.lens, 1, '3S')
      const problem = page.locator('#portal [data-testid="cell-problem"]')
      await expect.poll(() => problem.textContent()).toContain(TEXT[lang].number)
      await page.screenshot({ path: join(SCREENSHOTS, `shot-table-typo-${lang}.png`) })
      await page.keyboard.press('Escape')
      await typeInto(X.frameOut, 1, '900')
      await expect.poll(() => problem.textContent()).toContain(TEXT[lang].outBeforeIn)
      await page.keyboard.press('Escape')
      await problem.waitFor({ state: 'detached' })
      const after = await table()
      expect(after.t.shots.frameOut).toEqual(before.t.shots.frameOut)
      expect(after.t.shots.customFields).toEqual(before.t.shots.customFields)
    })

    it(`fills a selected range with one pasted value [${lang}]`, async () => {
      await openTable()
      await click(X.description, 0)
      await click(X.description, 2, ['Shift'])
      await page.waitForTimeout(200)
      const value = `Filled ${lang}`
      await page.evaluate((text) => {
        const data = new DataTransfer()
        data.setData('text/plain', text)
        document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
      }, value)
      await expect
        .poll(async () => [await description(0), await description(1), await description(2)])
        .toEqual([value, value, value])
    })

    it(`undoes a batch status change and a batch assignment in one step each [${lang}]`, async () => {
      await openTable()
      const project = await api(Project, `/api/projects/${projectId}`)
      const taskTypeId = project.taskTypes[0]?.id ?? ''
      const { t: before, order } = await table()
      const tasksOf = (t: typeof before) =>
        order
          .slice(0, 3)
          .map((shot) =>
            t.tasks.id.findIndex((_, i) => t.tasks.shot[i] === shot && t.tasks.taskTypeId[i] === taskTypeId),
          )
      const statuses = (t: typeof before) => tasksOf(t).map((i) => t.tasks.statusId[i])
      const assignees = (t: typeof before) => tasksOf(t).map((i) => t.tasks.assigneeIds[i])
      const target = project.statuses.find((s) => s.canSet && !statuses(before).includes(s.id))
      if (!target) throw new Error('no status to set')

      await click(X.description, 0)
      await click(X.description, 2, ['Shift'])
      await page.getByTestId('batch-status').click()
      await page.getByTestId('batch-status-select').click()
      // Option names are translated (status-name.ts); the options follow the settable statuses.
      const settable = project.statuses.filter((s) => s.canSet)
      await page.getByRole('option').nth(settable.indexOf(target)).click()
      await page.getByTestId('batch-apply').click()
      await expect.poll(async () => statuses((await table()).t)).toEqual([target.id, target.id, target.id])
      await page.screenshot({ path: join(SCREENSHOTS, `shot-table-batch-status-${lang}.png`) })
      await page.getByRole('button', { name: TEXT[lang].undo, exact: true }).click()
      await expect.poll(async () => statuses((await table()).t)).toEqual(statuses(before))

      await page.getByTestId('batch-assign').click()
      await page.getByTestId('batch-people').click()
      await page.getByRole('option', { name: 'Demo Artist' }).click()
      await page.keyboard.press('Escape')
      await page.getByTestId('batch-apply').click()
      const artist = await api(
        z
          .array(z.object({ userId: z.string(), displayName: z.string() }))
          .or(z.object({ items: z.array(z.object({ userId: z.string(), displayName: z.string() })) })),
        `/api/projects/${projectId}/members`,
      )
      const artistId = (Array.isArray(artist) ? artist : artist.items).find(
        (m) => m.displayName === 'Demo Artist',
      )?.userId
      await expect.poll(async () => assignees((await table()).t)).toEqual([[artistId], [artistId], [artistId]])
      await page.getByRole('button', { name: TEXT[lang].undo, exact: true }).click()
      await expect.poll(async () => assignees((await table()).t)).toEqual(assignees(before))
    })

    it(`applies a saved filter after a reload [${lang}]`, async () => {
      await openTable()
      const { t, order } = await table()
      const code = t.shots.code[order[4] ?? -1] ?? ''
      await page.getByTestId('table-search').fill(code)
      // Fewer than "40 of 40 shots" / "샷 40개 중 40개"
      await expect.poll(() => page.getByTestId('shot-count').textContent()).not.toMatch(/^40 of|중 40개/)
      const filtered = await page.getByTestId('shot-count').textContent()
      await page.getByTestId('save-view').click()
      const name = `Only ${code} ${lang}`
      await page.getByTestId('save-view-name').fill(name)
      await page.keyboard.press('Enter')
      await page.reload()
      await page.getByTestId('shot-count').filter({ hasText: '40' }).waitFor()
      await page.getByTestId('saved-views').click()
      await page.getByRole('menuitem', { name }).click()
      await expect.poll(() => page.getByTestId('table-search').inputValue()).toBe(code)
      await expect.poll(() => page.getByTestId('shot-count').textContent()).toBe(filtered)
      await page.screenshot({ path: join(SCREENSHOTS, `shot-table-saved-view-${lang}.png`) })
    })

    it(`opens a shot from its code [${lang}]`, async () => {
      await openTable()
      const { t, order } = await table()
      const shotId = t.shots.id[order[0] ?? -1] ?? ''
      await click(X.code, 0)
      await page.waitForURL(`**/shots/${shotId}`)
    })
  }

  it('tells an artist why the cells are read-only, in English and Korean, with no batch buttons', async () => {
    await page.evaluate(() => localStorage.clear())
    await page.context().clearCookies()
    await signInAsDemoUser(page, url(), 'artist@demo.local')
    for (const lang of ['en', 'ko'] as const) {
      await page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
      await openTable()
      await expect.poll(() => page.getByTestId('read-only-reason').textContent()).toContain(TEXT[lang].readOnly)
      await click(X.description, 0)
      expect(await page.getByTestId('batch-status').count()).toBe(0)
      await page.screenshot({ path: join(SCREENSHOTS, `shot-table-artist-${lang}.png`) })
    }
  })
})
