// Compare and decide, against `aipipeline demo`: on a shot with two image versions, pick both
// in the gallery and compare them with the wipe (drag the divider) and difference, flip A/B,
// approve one from the compare view (the task's status moves to Approved and the open shot
// table reads the approved version's picture), and ask for a retake of the other with a note
// (the note shows in the shot's comments). English and Korean; screenshots in e2e/screenshots/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { textToImagePrompt } from '@aipipeline/comfyui'
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
import { apiAs, projectIdOf, type StudioApi } from './support/studio-api'

const Latest = z.object({
  items: z.array(z.object({ taskId: z.string(), versionId: z.string(), kind: z.enum(['image', 'video']) })),
})
const Table = z.object({
  shots: z.object({ id: z.array(z.string()) }),
  tasks: z.object({ id: z.array(z.string()), shot: z.array(z.number()), statusId: z.array(z.string().nullable()) }),
})
const Task = z.object({
  statusId: z.string().nullable(),
  versions: z.array(z.object({ id: z.string(), number: z.number(), kind: z.string() })),
  comments: z.array(z.object({ text: z.string(), versionIds: z.array(z.string()) })),
})
const Statuses = z.object({ statuses: z.array(z.object({ id: z.string(), name: z.string() })) })

const TEXT = {
  en: { difference: 'Difference', approve: 'Approve', retake: 'Retake', note: 'The horizon tilts; level it' },
  ko: { difference: '차이', approve: '승인', retake: '리테이크', note: '수평선이 기울었습니다. 맞춰 주세요' },
} as const

describe.runIf(browserTestsEnabled('compare and approve in Chromium'))('compare and approve in Chromium', () => {
  let studio: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let api: StudioApi
  let projectId = ''
  let statusName = new Map<string, string>()
  /** Per language: a task with two image versions (the seeded one and a farm render) and its shot. */
  const cases: { taskId: string; shotId: string; seeded: string; rendered: string }[] = []
  const task = async (taskId: string) => Task.parse(await api.get(`/api/tasks/${taskId}`))

  beforeAll(async () => {
    ensureWebBuild()
    studio = await startDemo()
    api = await apiAs(studio.url, 'manager@demo.local')
    projectId = await projectIdOf(api)
    statusName = new Map(
      Statuses.parse(await api.get(`/api/projects/${projectId}`)).statuses.map((s) => [s.id, s.name]),
    )
    const latest = Latest.parse(await api.get(`/api/projects/${projectId}/latest-versions`))
    const table = Table.parse(await api.get(`/api/projects/${projectId}/shot-table`))
    const shotOf = (taskId: string) => table.shots.id[table.tasks.shot[table.tasks.id.indexOf(taskId)] ?? -1] ?? ''
    const videoShots = new Set(latest.items.filter((v) => v.kind === 'video').map((v) => shotOf(v.taskId)))
    // Image-only shots in review, so the approve and retake are real status changes.
    const picks = latest.items
      .filter((v) => v.kind === 'image' && !videoShots.has(shotOf(v.taskId)))
      .filter((v) => statusName.get(table.tasks.statusId[table.tasks.id.indexOf(v.taskId)] ?? '') === 'Review')
      .slice(0, 2)
    for (const v of picks) {
      await api.post('/api/farm/jobs', {
        source: { kind: 'api', prompt: textToImagePrompt({ steps: 2 }) },
        name: 'Compare candidate',
        taskId: v.taskId,
      })
    }
    for (const v of picks) {
      // expect.poll belongs to tests; the setup waits by hand.
      for (let i = 0; i < 180 && (await task(v.taskId)).versions.length < 2; i++)
        await new Promise((r) => setTimeout(r, 500))
      const versions = (await task(v.taskId)).versions
      const rendered = versions.find((x) => x.id !== v.versionId)?.id ?? ''
      cases.push({ taskId: v.taskId, shotId: shotOf(v.taskId), seeded: v.versionId, rendered })
    }
    chromium = await openBrowserPage({ viewport: { width: 1440, height: 960 } })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, studio.url, 'manager@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (studio) await stopDemo(studio)
  }, 30_000)

  for (const [i, lang] of (['en', 'ko'] as const).entries()) {
    it(`compares two versions with wipe and difference, approves one and retakes the other [${lang}]`, async () => {
      const c = cases[i]
      if (!c) throw new Error('no shot with two versions')
      const text = TEXT[lang]
      await page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
      // A second tab keeps the shot table open: it must read the approved version's picture live.
      const tablePage = await page.context().newPage()
      const versionsRead = new Set<string>()
      tablePage.on('response', (r) => {
        const m = /\/api\/versions\/([^/?]+)$/.exec(new URL(r.url()).pathname)
        if (m?.[1] && r.ok()) versionsRead.add(m[1])
      })
      await tablePage.goto(`${studio?.url}/projects/${projectId}/shots`)
      await tablePage.getByTestId('shot-grid').waitFor()

      await page.goto(`${studio?.url}/projects/${projectId}/shots/${c.shotId}`)
      await page.getByTestId('versions-gallery').waitFor()
      await page.getByTestId('compare-pick').click()
      await page.locator(`[data-testid="version-thumb"][data-version-id="${c.rendered}"]`).click()
      await page.locator(`[data-testid="version-thumb"][data-version-id="${c.seeded}"]`).click()
      await page.getByTestId('compare-open').click()
      const stage = page.getByTestId('compare-stage')
      await stage.waitFor()
      await expect.poll(() => stage.getAttribute('data-scale')).not.toBe('')
      expect(await stage.getAttribute('data-mode')).toBe('wipe')

      // Drag the divider from the middle to a quarter of the way.
      const box = await stage.boundingBox()
      const handle = await page.getByTestId('compare-divider').boundingBox()
      if (!box || !handle) throw new Error('no stage')
      await page.mouse.move(handle.x + handle.width / 2, box.y + box.height / 2)
      await page.mouse.down()
      for (let s = 1; s <= 10; s++) await page.mouse.move(box.x + box.width * (0.5 - s * 0.025), box.y + box.height / 2)
      await page.mouse.up()
      await expect.poll(async () => Number(await stage.getAttribute('data-divider'))).toBeCloseTo(0.25, 1)
      // The clip slides by transforms: its right edge is where the first picture stops showing.
      const clip = await page.getByTestId('compare-wipe-clip').boundingBox()
      expect((clip?.x ?? 0) + (clip?.width ?? 0) - box.x).toBeCloseTo(box.width * 0.25, -1)
      await page.screenshot({ path: join(SCREENSHOTS, `compare-wipe-${lang}.png`) })

      // Difference: B over A blended per pixel as |A − B|.
      await page.getByTestId('compare-mode').getByText(text.difference, { exact: true }).click()
      await expect.poll(() => stage.getAttribute('data-mode')).toBe('difference')
      const blend = await page.getByTestId('compare-picture-second').evaluate((el) => getComputedStyle(el).mixBlendMode)
      expect(blend).toBe('difference')
      await page.screenshot({ path: join(SCREENSHOTS, `compare-difference-${lang}.png`) })

      // The flip swaps the sides: B's label moves to the left corner, and back.
      const leftLabel = () => page.getByTestId('compare-stage').locator('[data-testid^="compare-label-"]').first()
      expect(await leftLabel().getAttribute('data-testid')).toBe('compare-label-a')
      await page.keyboard.press('f')
      await expect.poll(() => leftLabel().getAttribute('data-testid')).toBe('compare-label-b')
      await page.keyboard.press('\\')
      await expect.poll(() => leftLabel().getAttribute('data-testid')).toBe('compare-label-a')

      // Approve A (the new render) from its corner of the compare view.
      const viewer = page.getByTestId('compare-viewer')
      const approve = viewer.getByTestId('approve-version').first()
      expect(await approve.textContent()).toBe(text.approve)
      await approve.click()
      await expect.poll(async () => statusName.get((await task(c.taskId)).statusId ?? '')).toBe('Approved')
      await expect.poll(() => versionsRead.has(c.rendered), { timeout: 30_000 }).toBe(true)

      // Retake B (the seeded version) with a note.
      await viewer.getByTestId('retake-version').last().click()
      await page.getByTestId('retake-note').fill(text.note)
      await page.screenshot({ path: join(SCREENSHOTS, `compare-retake-dialog-${lang}.png`) })
      await page.getByTestId('retake-submit').click()
      await expect.poll(async () => statusName.get((await task(c.taskId)).statusId ?? '')).toBe('Retake')
      await page.keyboard.press('Escape')
      await viewer.waitFor({ state: 'detached' })
      await page.getByText(text.note).first().waitFor()
      const comments = (await task(c.taskId)).comments
      expect(comments.some((x) => x.text === text.note && x.versionIds[0] === c.seeded)).toBe(true)
      // The approved version keeps its mark: the retake was of the other one.
      await page.locator(`[data-version-id="${c.rendered}"] [data-testid="approved-badge"]`).waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, `compare-decided-${lang}.png`), fullPage: true })
      await tablePage.waitForTimeout(500)
      await tablePage.screenshot({ path: join(SCREENSHOTS, `compare-table-approved-${lang}.png`) })
      await tablePage.close()
    }, 240_000)
  }
})
