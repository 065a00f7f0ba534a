// The whole line in Chromium against `aipipeline demo`, walked as a newcomer would, in English
// and then in Korean: a supervisor imports a ComfyUI workflow file as a template, renders two
// shots × 2 variations with it from the shot table, follows the group to done, sees the shots'
// thumbnails arrive in the open shot table, finds the two new versions on each shot page and
// reads a version's sidecar (template id, final prompt, sha256 of the file). Then a bigger batch
// is caught mid-flight, the studio is killed with SIGKILL and started again on the same port and
// data folder, and once the group finishes every output of every job is exactly one version.
// Screenshots go to e2e/screenshots/shot-to-version-*.png.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { requireSharedFixtures, sharedFixturePath } from '@aipipeline/testing'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'
import {
  type DemoStudio,
  ensureWebBuild,
  killDemo,
  SCREENSHOTS,
  signInAsDemoUser,
  startDemo,
  stopDemo,
} from './support/demo-studio'
import { selectShotRows } from './support/shot-grid'
import { apiAs, projectIdOf, type StudioApi } from './support/studio-api'

// An SDXL text-to-image graph: its checkpoint is installed on the demo's simulated backends.
const WORKFLOW = 'comfyui/workflows/api/pair_autoflow_sdxl_t2i_markdownnotes.api.json'
const TEXT = {
  en: {
    templates: 'Templates',
    import: 'Import workflow',
    name: 'Template name',
    save: 'Save template',
    render: (n: number) => `Render ${n} shots`,
    finished: 'Finished',
  },
  ko: {
    templates: '템플릿',
    import: '워크플로우 가져오기',
    name: '템플릿 이름',
    save: '템플릿 저장',
    render: (n: number) => `샷 ${n}개 렌더`,
    finished: '완료',
  },
} as const

const Table = z.object({
  shots: z.object({
    id: z.array(z.string()),
    code: z.array(z.string()),
    thumbnailVersionId: z.array(z.string().nullable()),
  }),
  tasks: z.object({ id: z.array(z.string()), shot: z.array(z.number()), taskTypeId: z.array(z.string()) }),
})
const Group = z.object({
  finished: z.boolean(),
  total: z.number(),
  counts: z.record(z.string(), z.number()),
  jobs: z.array(z.object({ id: z.string(), state: z.string(), taskId: z.string().nullable() })),
})
const Task = z.object({
  versions: z.array(
    z.object({ id: z.string(), number: z.number(), provenance: z.object({ renderJobId: z.string().nullable() }) }),
  ),
})
const Job = z.object({
  id: z.string(),
  state: z.string(),
  outputs: z.array(z.object({ id: z.string(), versionId: z.string().nullable() })),
})
const VersionDetail = z.object({
  id: z.string(),
  provenance: z.object({ prompt: z.string().nullable(), renderJobId: z.string().nullable() }),
  files: z.array(z.object({ role: z.string(), sha256: z.string() })),
})

/** Versions of the group's tasks made by the group's jobs, by job id. */
async function versionsOfGroup(api: StudioApi, groupId: string) {
  const group = Group.parse(await api.get(`/api/farm/groups/${groupId}`))
  const jobIds = new Set(group.jobs.map((j) => j.id))
  const byJob = new Map<string, string[]>()
  for (const taskId of new Set(group.jobs.map((j) => j.taskId ?? ''))) {
    const task = Task.parse(await api.get(`/api/tasks/${taskId}`))
    for (const v of task.versions) {
      const job = v.provenance.renderJobId
      if (job !== null && jobIds.has(job)) byJob.set(job, [...(byJob.get(job) ?? []), v.id])
    }
  }
  return { group, byJob, count: [...byJob.values()].reduce((n, ids) => n + ids.length, 0) }
}

const enabled = browserTestsEnabled('shot to version in Chromium') && requireSharedFixtures('shot to version e2e')

describe.runIf(enabled)('shot to version in Chromium', () => {
  let studio: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let api: StudioApi
  let projectId = ''
  let keyframe = ''
  const problems: string[] = []
  /** Per language: the template imported, the group rendered and the two shots it rendered. */
  const run: Record<string, { templateId: string; groupId: string; shots: string[]; keyframeTasks: string[] }> = {}

  const url = () => studio?.url ?? ''
  const shot = (name: string) => join(SCREENSHOTS, `shot-to-version-${name}.png`)

  async function table() {
    return Table.parse(await api.get(`/api/projects/${projectId}/shot-table`))
  }

  /** The first run of `count` rows (from `from`) whose shots have no thumbnail yet. */
  async function rowsWithoutThumbnail(from: number, count: number): Promise<number> {
    const t = await table()
    for (let i = from; i + count <= t.shots.id.length; i++)
      if (t.shots.thumbnailVersionId.slice(i, i + count).every((v) => v === null)) return i
    throw new Error('no shots without a thumbnail left')
  }

  function keyframeTaskOf(t: z.infer<typeof Table>, row: number): string {
    const at = t.tasks.id.findIndex((_, i) => t.tasks.shot[i] === row && t.tasks.taskTypeId[i] === keyframe)
    return t.tasks.id[at] ?? ''
  }

  /** Clicks Render in the dialog and returns the group id from the page it opens (or the dialog's error). */
  async function submitRender(): Promise<string> {
    await page.getByRole('dialog').getByTestId('render-submit').click()
    try {
      await page.waitForURL(/\/farm\/groups\//, { timeout: 30_000 })
    } catch (error) {
      await page.screenshot({ path: shot('submit-failed') })
      const said = await page.getByRole('dialog').getByRole('alert').allTextContents()
      throw new Error(`the render was not submitted: ${said.join(' | ')}`, { cause: error })
    }
    return new URL(page.url()).pathname.split('/').pop() ?? ''
  }

  beforeAll(async () => {
    ensureWebBuild()
    studio = await startDemo()
    api = await apiAs(studio.url, 'supervisor@demo.local')
    projectId = await projectIdOf(api)
    const project = z
      .object({ taskTypes: z.array(z.object({ id: z.string(), name: z.string() })) })
      .parse(await api.get(`/api/projects/${projectId}`))
    keyframe = project.taskTypes.find((tt) => tt.name === 'Keyframe')?.id ?? ''
    chromium = await openBrowserPage({ viewport: { width: 1440, height: 960 }, timeoutMs: 20_000 })
    page = chromium.page
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`)
    })
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, studio.url, 'supervisor@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (studio) await stopDemo(studio)
  }, 30_000)

  for (const lang of ['en', 'ko'] as const) {
    const text = TEXT[lang]
    const templateName = `Lighthouse still ${lang}`

    it(`imports a workflow file as a template [${lang}]`, async () => {
      await page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
      await page.goto(`${url()}/projects`)
      await page.getByRole('navigation').getByRole('link', { name: text.templates, exact: true }).click()
      await page.getByRole('link', { name: text.import }).click()
      await page.getByTestId('workflow-file-input').setInputFiles(sharedFixturePath(WORKFLOW))
      await page.getByTestId('import-review').waitFor()
      await page.getByRole('textbox', { name: text.name }).fill(templateName)
      await page.screenshot({ path: shot(`import-${lang}`), fullPage: true })
      await page.getByRole('button', { name: text.save }).click()
      await expect.poll(() => page.getByTestId('template-title').textContent(), { timeout: 20_000 }).toBe(templateName)
      const templateId = new URL(page.url()).pathname.split('/').pop() ?? ''
      run[lang] = { templateId, groupId: '', shots: [], keyframeTasks: [] }
    }, 90_000)

    it(`renders two shots × 2 variations with it and follows the group to done [${lang}]`, async () => {
      const state = run[lang]
      if (!state) throw new Error('no template imported')
      const first = await rowsWithoutThumbnail(lang === 'en' ? 0 : 2, 2)
      const before = await table()
      state.shots = [before.shots.id[first] ?? '', before.shots.id[first + 1] ?? '']
      state.keyframeTasks = [keyframeTaskOf(before, first), keyframeTaskOf(before, first + 1)]
      // A second tab keeps the shot table open: its thumbnails must arrive without a reload.
      const tablePage = await page.context().newPage()
      const versionsRead = new Set<string>()
      tablePage.on('response', (r) => {
        const m = /\/api\/versions\/([^/?]+)$/.exec(new URL(r.url()).pathname)
        if (m?.[1] && r.ok()) versionsRead.add(m[1])
      })
      await tablePage.goto(`${url()}/projects/${projectId}/shots`)
      await tablePage.getByTestId('shot-grid').waitFor()

      await selectShotRows(page, url(), projectId, first, 2)
      const open = page.getByTestId('render-open')
      await expect.poll(() => open.textContent(), { timeout: 10_000 }).toBe(text.render(2))
      await open.click()
      const dialog = page.getByRole('dialog')
      await dialog.getByTestId('render-task-type').click()
      await page.getByRole('option', { name: 'Keyframe', exact: true }).click()
      await dialog.getByTestId('render-template').click()
      await page.getByRole('option', { name: templateName }).click()
      await dialog.getByTestId('render-variations').fill('2')
      const codes = [before.shots.code[first] ?? '', before.shots.code[first + 1] ?? '']
      for (const code of codes) {
        // The Prompt Engine's final prompt, editable before the render.
        const prompt = dialog.getByTestId(`preview-${code}`).getByRole('textbox').first()
        await prompt.waitFor({ timeout: 20_000 })
        await expect.poll(() => prompt.inputValue()).not.toBe('')
        expect(await prompt.isEditable()).toBe(true)
      }
      await expect.poll(() => dialog.getByTestId('render-job-count').textContent()).toMatch(/4/)
      await page.screenshot({ path: shot(`dialog-${lang}`) })
      state.groupId = await submitRender()
      await page.getByTestId('group-progress').waitFor()
      expect(await page.getByTestId('group-jobs').locator('tbody tr').count()).toBe(4)
      await page.getByTestId('group-finished').waitFor({ timeout: 180_000 })
      expect(await page.getByTestId('group-finished').textContent()).toBe(text.finished)
      expect(await page.locator('[data-testid="group-jobs"] tbody tr[data-state="succeeded"]').count()).toBe(4)
      await expect.poll(() => page.getByTestId('sheet-thumbnail').count(), { timeout: 30_000 }).toBe(4)
      await page.screenshot({ path: shot(`group-${lang}`), fullPage: true })

      // The new versions became the shots' thumbnails, and the open table read them by itself.
      await expect.poll(async () => (await versionsOfGroup(api, state.groupId)).count, { timeout: 60_000 }).toBe(4)
      const after = await table()
      const thumbnails = [after.shots.thumbnailVersionId[first], after.shots.thumbnailVersionId[first + 1]]
      const { byJob } = await versionsOfGroup(api, state.groupId)
      const made = new Set([...byJob.values()].flat())
      for (const id of thumbnails) expect(made.has(id ?? '')).toBe(true)
      await expect.poll(() => thumbnails.every((id) => versionsRead.has(id ?? '')), { timeout: 30_000 }).toBe(true)
      await tablePage.waitForTimeout(500)
      await tablePage.screenshot({ path: shot(`table-${lang}`) })
      await tablePage.close()
    }, 300_000)

    it(`lists two new versions on each shot page and shows a sidecar with the provenance [${lang}]`, async () => {
      const state = run[lang]
      if (!state) throw new Error('no render')
      const { byJob } = await versionsOfGroup(api, state.groupId)
      expect([...byJob.values()].every((ids) => ids.length === 1)).toBe(true)
      const newVersions = [...byJob.values()].flat()
      expect(newVersions).toHaveLength(4)
      for (const [i, shotId] of state.shots.entries()) {
        const task = Task.parse(await api.get(`/api/tasks/${state.keyframeTasks[i]}`))
        const mine = task.versions.filter((v) => newVersions.includes(v.id))
        expect(mine).toHaveLength(2)
        await page.goto(`${url()}/projects/${projectId}/shots/${shotId}`)
        await page.getByTestId('versions-gallery').waitFor()
        for (const v of mine) {
          const label = `Keyframe v${String(v.number).padStart(3, '0')}`
          await page.getByTestId('version-thumb').filter({ hasText: label }).waitFor()
        }
      }
      await page.screenshot({ path: shot(`shot-page-${lang}`), fullPage: true })
      // Open the last shot's newest version, its details and its sidecar.
      const task = Task.parse(await api.get(`/api/tasks/${state.keyframeTasks[1]}`))
      const newest = task.versions.filter((v) => newVersions.includes(v.id)).sort((a, b) => b.number - a.number)[0]
      if (!newest) throw new Error('no new version')
      const detail = VersionDetail.parse(await api.get(`/api/versions/${newest.id}`))
      await page
        .getByTestId('version-thumb')
        .filter({ hasText: `Keyframe v${String(newest.number).padStart(3, '0')}` })
        .click()
      await page.getByTestId('version-details').waitFor()
      await page.getByTestId('open-sidecar').click()
      const json = page.getByTestId('json-view')
      await expect.poll(() => json.textContent(), { timeout: 20_000 }).toContain(state.templateId)
      const sidecar = (await json.textContent()) ?? ''
      const prompt = detail.provenance.prompt ?? ''
      expect(prompt).not.toBe('')
      expect(sidecar).toContain(JSON.stringify(prompt).slice(1, -1))
      const output = detail.files.find((f) => f.role === 'output')
      expect(output?.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(sidecar).toContain(output?.sha256 ?? 'no output file')
      await page.screenshot({ path: shot(`sidecar-${lang}`) })
      await page.keyboard.press('Escape')
      await json.waitFor({ state: 'detached' })
    }, 120_000)
  }

  it('keeps exactly one version per output when the studio is killed mid-batch and restarted', async () => {
    await page.evaluate(() => localStorage.setItem('aipipeline.locale', 'en'))
    const first = 6
    await selectShotRows(page, url(), projectId, first, 4)
    const open = page.getByTestId('render-open')
    await expect.poll(() => open.textContent(), { timeout: 10_000 }).toBe(TEXT.en.render(4))
    await open.click()
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('render-template').click()
    await page.getByRole('option', { name: 'Lighthouse still en' }).click()
    await dialog.getByTestId('render-variations').fill('4')
    await expect.poll(() => dialog.getByTestId('render-job-count').textContent()).toMatch(/16/)
    const groupId = await submitRender()
    // Catch the batch mid-flight: some versions exist, not all.
    await expect
      .poll(async () => (await versionsOfGroup(api, groupId)).count, { timeout: 120_000, interval: 100 })
      .toBeGreaterThan(0)
    const atKill = await versionsOfGroup(api, groupId)
    expect(atKill.count).toBeLessThan(16)
    console.info(`[e2e] killed the studio with ${atKill.count} of 16 versions made`)
    await page.screenshot({ path: shot('before-kill'), fullPage: true })
    if (!studio) throw new Error('no studio')
    const place = await killDemo(studio)
    studio = await startDemo({}, place)
    api = await apiAs(studio.url, 'supervisor@demo.local')
    await expect
      .poll(async () => Group.parse(await api.get(`/api/farm/groups/${groupId}`)).finished, {
        timeout: 300_000,
        interval: 1_000,
      })
      .toBe(true)
    const { group } = await versionsOfGroup(api, groupId)
    expect(group.total).toBe(16)
    expect(group.counts.succeeded).toBe(16)
    // Every output of every job is one version, and every version of the group is one output.
    await expect.poll(async () => (await versionsOfGroup(api, groupId)).count, { timeout: 60_000 }).toBe(16)
    const done = await versionsOfGroup(api, groupId)
    for (const j of group.jobs) {
      const job = Job.parse(await api.get(`/api/farm/jobs/${j.id}`))
      expect(job.outputs.length).toBeGreaterThan(0)
      const fromOutputs = job.outputs.map((o) => o.versionId)
      expect(fromOutputs.every((v) => v !== null)).toBe(true)
      expect(new Set(fromOutputs).size).toBe(job.outputs.length)
      expect([...(done.byJob.get(j.id) ?? [])].sort()).toEqual([...fromOutputs].sort())
    }
    // The shot page after the restart lists its four versions from the batch once each.
    const t = await table()
    const shotId = t.shots.id[first] ?? ''
    const taskId = keyframeTaskOf(t, first)
    const batchJobs = new Set(group.jobs.map((j) => j.id))
    const task = Task.parse(await api.get(`/api/tasks/${taskId}`))
    const mine = task.versions.filter((v) => batchJobs.has(v.provenance.renderJobId ?? ''))
    expect(mine).toHaveLength(4)
    await page.goto(`${url()}/projects/${projectId}/shots/${shotId}`)
    await page.getByTestId('versions-gallery').waitFor()
    for (const v of mine) {
      const thumbs = page
        .getByTestId('version-thumb')
        .filter({ hasText: `Keyframe v${String(v.number).padStart(3, '0')}` })
      await thumbs.first().waitFor()
      expect(await thumbs.count()).toBe(1)
    }
    await page.screenshot({ path: shot('after-restart'), fullPage: true })
    expect(chromium?.pageErrors ?? []).toEqual([])
    expect(problems).toEqual([])
  }, 600_000)
})
