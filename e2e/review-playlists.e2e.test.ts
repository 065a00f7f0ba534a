// Review playlists in Chromium, in English and Korean, as the demo's supervisor: three shots
// selected in the shot table become a new playlist through "Add to playlist", the Review
// section lists it, the first two items swap places by keyboard drag (Space, arrow, Space),
// and one item is set to show its task's approved version. The server keeps both changes,
// and no page meets a refusal or logs an error.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PlaylistDetail, Project, ShotPage } from '@aipipeline/contracts'
import { launchChromium } from '@aipipeline/testing/chromium'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserTestsEnabled } from './support/chromium'
import { type DemoStudio, ensureWebBuild, SCREENSHOTS, startDemo, stopDemo } from './support/demo-studio'
import { selectShotRows } from './support/shot-grid'
import { apiAs, projectIdOf, type StudioApi } from './support/studio-api'
import { type WatchedPage, watchedPage } from './support/watched-page'

const SUPERVISOR = 'supervisor@demo.local'

const WORDS = {
  en: {
    add: 'Add to playlist (3)',
    review: 'Review',
    items: '3 items',
    approved: 'Approved',
    held: 'is over position 1 of 3',
    over: 'is over position 2 of 3',
  },
  ko: {
    add: '플레이리스트에 추가 (3)',
    review: '리뷰',
    items: '3개 항목',
    approved: '승인',
    held: '3개 중 1번째 위치입니다',
    over: '3개 중 2번째 위치입니다',
  },
} as const

/** Signs in through the login form whatever language it speaks. */
async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/login`)
  await page.locator('input[type="email"], input[autocomplete="username"]').first().fill(SUPERVISOR)
  await page.locator('input[type="password"]').first().fill('demo')
  await page.locator('button[type="submit"]').click()
  await page.getByRole('navigation').waitFor()
}

async function shotOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId('playlist-item')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-shot-code') ?? ''))
}

describe.runIf(browserTestsEnabled('review playlists in Chromium'))('review playlists (EN and KO)', () => {
  let demo: DemoStudio | undefined
  let browser: Browser | undefined
  let api: StudioApi | undefined
  const pages: WatchedPage[] = []
  let projectId = ''
  let taskTypeName = ''
  let firstShots: string[] = []

  const studio = (): DemoStudio => {
    if (!demo) throw new Error('demo did not start')
    return demo
  }
  const server = (): StudioApi => {
    if (!api) throw new Error('no API caller')
    return api
  }

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    api = await apiAs(demo.url, SUPERVISOR)
    projectId = await projectIdOf(api)
    const project = Project.parse(await api.get(`/api/projects/${projectId}`))
    const shots = ShotPage.parse(await api.get(`/api/projects/${projectId}/shots?limit=3`)).items
    // A task type every one of the first three shots has a task of.
    const taskType = project.taskTypes.find((tt) => shots.every((s) => s.tasks.some((t) => t.taskTypeId === tt.id)))
    if (shots.length < 3 || !taskType) throw new Error('demo project without three shots sharing a task type')
    taskTypeName = taskType.name
    firstShots = shots.map((s) => s.code)
    browser = await launchChromium()
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => {})
    await browser?.close().catch(() => {})
    await stopDemo(demo)
  }, 30_000)

  for (const lang of ['en', 'ko'] as const) {
    const words = WORDS[lang]
    const name = `From the table ${lang}`

    it(`builds a playlist from the table, finds it in Review, reorders by keyboard and picks the approved version (${lang})`, async () => {
      if (!browser) throw new Error('no browser')
      const watched = await watchedPage(browser, { lang, storeLanguage: true, height: 1000 })
      pages.push(watched)
      const { page } = watched
      await signIn(page, studio().url)

      // The shot table: three rows selected, then "Add to playlist" → "New playlist…".
      await selectShotRows(page, studio().url, projectId, 0, 3)
      const add = page.getByTestId('add-to-playlist')
      await expect.poll(() => add.textContent()).toBe(words.add)
      await add.click()
      await page.getByTestId('add-to-playlist-new').click()
      await page.getByTestId('playlist-create').waitFor()
      await page.getByTestId('playlist-create-name').fill(name)
      // The table shows every task type, so the dialog asks which task of each shot to take.
      await page.getByTestId('playlist-create-task-type').click()
      await page.getByRole('option', { name: taskTypeName, exact: true }).click()
      expect(await page.getByTestId('playlist-create-task-type').inputValue()).toBe(taskTypeName)
      await page.getByTestId('playlist-create-submit').click()
      const notice = page.getByTestId('playlist-added')
      await notice.waitFor()
      expect(await notice.textContent()).toContain(name)
      await page.screenshot({ path: join(SCREENSHOTS, `review-playlists-added-${lang}.png`) })

      // The Review section lists it with its three items.
      await page.getByRole('navigation').getByRole('link', { name: words.review, exact: true }).click()
      const row = page.getByTestId('playlist-row').filter({ hasText: name })
      await row.waitFor()
      expect(await row.getByTestId('playlist-count').textContent()).toBe(words.items)
      const playlistId = (await row.getAttribute('data-playlist-id')) ?? ''
      await page.screenshot({ path: join(SCREENSHOTS, `review-playlists-section-${lang}.png`) })

      // Its page: the items in the table's order; the first moves one down by keyboard.
      await row.click()
      const items = page.getByTestId('playlist-item')
      await expect.poll(() => items.count()).toBe(3)
      expect(await shotOrder(page)).toEqual(firstShots)
      const live = page.locator('[id^="DndLiveRegion"]')
      await items.first().getByTestId('playlist-item-handle').focus()
      await page.keyboard.press('Space')
      // Held: the screen reader hears where the item is (its own place) before it moves.
      await expect.poll(() => live.textContent()).toContain(words.held)
      await page.keyboard.press('ArrowDown')
      await expect.poll(() => live.textContent()).toContain(words.over)
      await page.keyboard.press('Space')
      const swapped = [firstShots[1], firstShots[0], firstShots[2]]
      await expect.poll(() => shotOrder(page)).toEqual(swapped)
      await expect
        .poll(async () =>
          PlaylistDetail.parse(await server().get(`/api/review/playlists/${playlistId}`)).items.map((i) => i.shotCode),
        )
        .toEqual(swapped)

      // The item now first shows its task's approved version.
      const first = items.first()
      await first.getByTestId('playlist-item-menu').click()
      await page.getByTestId('playlist-item-approved').click()
      await expect.poll(() => first.getAttribute('data-version-choice')).toBe('approved')
      expect(await first.getByTestId('playlist-item-choice').textContent()).toBe(words.approved)
      const stored = PlaylistDetail.parse(await server().get(`/api/review/playlists/${playlistId}`))
      expect(stored.items[0]?.versionChoice).toBe('approved')
      expect(stored.items.slice(1).map((i) => i.versionChoice)).toEqual(['latest', 'latest'])
      await page.screenshot({ path: join(SCREENSHOTS, `review-playlists-items-${lang}.png`) })

      expect(watched.problems).toEqual([])
    }, 180_000)
  }
})
