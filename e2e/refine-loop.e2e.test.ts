// The refine loop in Chromium against `aipipeline demo`, in English and in Korean: a first
// render of a shot's Keyframe, refined twice from the shot page (the second time from the
// first refine), the lineage tree showing three generations and the prompt difference between
// two of them; then a pose ControlNet render with a control map made by a preprocessor job, and
// an upscale. A client sees none of these buttons. Screenshots go to e2e/screenshots/refine-*.
// Without /usr/bin/chromium it skips with a notice on a laptop and fails under CI=true.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
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
import { apiAs, demoAccessToken, projectIdOf, type StudioApi } from './support/studio-api'

const FIRST_TEMPLATE = 'SD 1.5 text to image'
const TEXT = {
  en: { refineTitle: /^Refine Keyframe v\d{3}$/, refine: 'Refine', guide: 'Guide', upscale: 'Upscale' },
  ko: { refineTitle: /^Keyframe v\d{3} 리파인$/, refine: '리파인', guide: '컨트롤넷', upscale: '업스케일' },
} as const

const Items = z.object({ items: z.array(z.looseObject({ id: z.string(), name: z.string().optional() })) })
const Shot = z.looseObject({ id: z.string(), tasks: z.array(z.object({ id: z.string(), taskTypeId: z.string() })) })
const Group = z.looseObject({ finished: z.boolean(), jobs: z.array(z.object({ id: z.string(), state: z.string() })) })
const Job = z.looseObject({ state: z.string(), outputs: z.array(z.looseObject({ versionId: z.string().nullable() })) })

describe.runIf(browserTestsEnabled('the refine loop in Chromium'))('the refine loop in Chromium', () => {
  let demo: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let api: StudioApi
  let projectId = ''
  let shots: z.infer<typeof Shot>[] = []
  let keyframeTypeId = ''

  /** The versions a finished group's jobs became, once every output has landed as a version. */
  async function versionsOfGroup(groupId: string): Promise<string[]> {
    await expect
      .poll(async () => Group.parse(await api.get(`/api/farm/groups/${groupId}`)).finished, { timeout: 150_000 })
      .toBe(true)
    const group = Group.parse(await api.get(`/api/farm/groups/${groupId}`))
    expect(group.jobs.map((j) => j.state)).toEqual(group.jobs.map(() => 'succeeded'))
    const ids: string[] = []
    for (const job of group.jobs) {
      await expect
        .poll(
          async () => Job.parse(await api.get(`/api/farm/jobs/${job.id}`)).outputs.every((o) => o.versionId !== null),
          { timeout: 30_000 },
        )
        .toBe(true)
      const outputs = Job.parse(await api.get(`/api/farm/jobs/${job.id}`)).outputs
      ids.push(...outputs.flatMap((o) => (o.versionId ? [o.versionId] : [])))
    }
    return ids
  }

  /** Submits the open derive dialog and returns the new version, following the group page. */
  async function submitDerive(): Promise<string> {
    await page.getByRole('dialog').getByTestId('derive-submit').click()
    await page.waitForURL(/\/farm\/groups\/[^/]+$/, { timeout: 20_000 })
    const groupId = new URL(page.url()).pathname.split('/').pop() ?? ''
    await page.getByTestId('group-finished').waitFor({ timeout: 150_000 })
    const [versionId] = await versionsOfGroup(groupId)
    if (!versionId) throw new Error('the derive made no version')
    return versionId
  }

  /** A first render of the Keyframe task of the demo's `index`th shot, made through the API. */
  async function firstRender(index: number) {
    const shot = shots[index]
    const taskId = shot?.tasks.find((x) => x.taskTypeId === keyframeTypeId)?.id
    if (!shot || !taskId) throw new Error('the demo shot has no Keyframe task')
    const templates = Items.parse(await api.get('/api/farm/templates')).items
    const t2i = templates.find((tpl) => tpl.name === FIRST_TEMPLATE)?.id ?? ''
    const first = z
      .object({ groupId: z.string() })
      .parse(await api.post(`/api/projects/${projectId}/renders`, { templateId: t2i, items: [{ taskId }], seed: 7 }))
    const [versionId] = await versionsOfGroup(first.groupId)
    if (!versionId) throw new Error('the first render made no version')
    return { shot, versionId }
  }

  async function openShot(shotId: string, versionId: string): Promise<void> {
    await page.goto(`${demo?.url}/projects/${projectId}/shots/${shotId}?version=${versionId}`)
    await page.getByTestId('versions-gallery').waitFor()
  }

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    api = await apiAs(demo.url, 'manager@demo.local')
    projectId = await projectIdOf(api)
    const project = z
      .looseObject({ taskTypes: z.array(z.object({ id: z.string(), name: z.string() })) })
      .parse(await api.get(`/api/projects/${projectId}`))
    keyframeTypeId = project.taskTypes.find((tt) => tt.name === 'Keyframe')?.id ?? ''
    shots = z.object({ items: z.array(Shot) }).parse(await api.get(`/api/projects/${projectId}/shots?limit=2`)).items
    chromium = await openBrowserPage({ viewport: { width: 1440, height: 1000 }, timeoutMs: 20_000 })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, demo.url, 'manager@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    await stopDemo(demo)
  }, 30_000)

  for (const [index, lang] of (['en', 'ko'] as const).entries()) {
    it(`refines twice, reads the lineage tree, guides with a pose map and upscales [${lang}]`, async () => {
      const text = TEXT[lang]
      await page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
      const { shot, versionId: v1 } = await firstRender(index)

      // Refine the first render with an edited prompt.
      await openShot(shot.id, v1)
      const refine = page.getByTestId('version-action-refine').first()
      expect(await refine.textContent()).toBe(text.refine)
      expect(await page.getByTestId('version-action-guide').first().textContent()).toBe(text.guide)
      await refine.click()
      const dialog = page.getByRole('dialog')
      await dialog.getByText(text.refineTitle).waitFor()
      await expect.poll(() => dialog.getByTestId('derive-template').inputValue()).toBe('SDXL image to image')
      const prompt = dialog.getByTestId('derive-prompt')
      expect(await prompt.inputValue()).not.toBe('')
      await prompt.fill(`${await prompt.inputValue()}, at night`)
      await page.screenshot({ path: join(SCREENSHOTS, `refine-dialog-${lang}.png`) })
      const v2 = await submitDerive()

      // Refine the refine, as it was made.
      await openShot(shot.id, v2)
      await page.getByTestId('version-action-refine').first().click()
      const v3 = await submitDerive()

      // Three generations in the tree; the two first compared.
      await openShot(shot.id, v3)
      const history = page.getByTestId('version-history')
      await expect.poll(() => history.getAttribute('data-levels'), { timeout: 20_000 }).toBe('3')
      expect(await history.locator(`[data-version-id="${v2}"]`).getAttribute('data-mode')).toBe('refine')
      expect(await history.locator(`[data-version-id="${v3}"]`).getAttribute('data-mode')).toBe('refine')
      await history.locator(`[data-version-id="${v1}"]`).getByTestId('lineage-pick').check()
      await history.locator(`[data-version-id="${v2}"]`).getByTestId('lineage-pick').check()
      const diff = page.getByTestId('version-diff')
      await expect
        .poll(async () => (await diff.getByTestId('diff-added').allTextContents()).join(''))
        .toContain('night')
      await page.screenshot({ path: join(SCREENSHOTS, `refine-lineage-${lang}.png`), fullPage: true })

      // Guide the last refine with a pose map made by a preprocessor job.
      await page.getByTestId('version-action-guide').first().click()
      await dialog.getByTestId('derive-template').click()
      await page.getByRole('option', { name: 'SD 1.5 ControlNet pose' }).click()
      await dialog.getByTestId('control-run').click()
      await dialog.locator('[data-testid="control-map"][data-state="succeeded"]').waitFor({ timeout: 120_000 })
      await dialog.getByTestId('control-map-use').first().click()
      await page.screenshot({ path: join(SCREENSHOTS, `refine-guide-${lang}.png`) })
      const v4 = await submitDerive()

      // Upscale the last refine.
      await openShot(shot.id, v3)
      await page.getByTestId('version-action-upscale').first().click()
      await expect.poll(() => dialog.getByTestId('derive-template').inputValue()).toBe('Upscale with ESRGAN')
      const v5 = await submitDerive()

      await openShot(shot.id, v5)
      await expect
        .poll(() => history.locator(`[data-version-id="${v5}"]`).getAttribute('data-mode'), { timeout: 20_000 })
        .toBe('upscale')
      expect(await history.locator(`[data-version-id="${v4}"]`).getAttribute('data-mode')).toBe('guide')
      expect(await page.getByTestId('version-action-upscale').first().textContent()).toBe(text.upscale)
      await page.screenshot({ path: join(SCREENSHOTS, `refine-finished-${lang}.png`), fullPage: true })
      expect(chromium?.pageErrors).toEqual([])
    }, 600_000)
  }

  it('shows a client no buttons to render from a version', async () => {
    // The demo's seeded versions are at statuses clients see; read before the manager signs out
    // in the browser, which ends the API caller's session too.
    const listed = z
      .object({ items: z.array(z.object({ id: z.string(), thumbnailVersionId: z.string().nullable() })) })
      .parse(await api.get(`/api/projects/${projectId}/shots`)).items
    // A shot whose picture the client may see: the refine renders above sit on a task at a
    // status clients do not see, so ask the server as the client.
    const client = await demoAccessToken(demo?.url ?? '', 'client@demo.local')
    let shotWithVersion = ''
    for (const shot of listed) {
      if (shot.thumbnailVersionId === null) continue
      const res = await fetch(`${demo?.url}/api/versions/${shot.thumbnailVersionId}`, {
        headers: { authorization: `Bearer ${client}` },
      })
      if (res.ok) {
        shotWithVersion = shot.id
        break
      }
    }
    expect(shotWithVersion).not.toBe('')
    await page.evaluate(() => localStorage.setItem('aipipeline.locale', 'en'))
    await page.goto(`${demo?.url}/projects`)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await signInAsDemoUser(page, demo?.url ?? '', 'client@demo.local')
    await page.goto(`${demo?.url}/projects/${projectId}/shots/${shotWithVersion}`)
    await page.getByTestId('version-details').waitFor()
    expect(await page.getByTestId('version-actions').count()).toBe(0)
    expect(await page.getByTestId('render-open').count()).toBe(0)
  }, 60_000)
})
