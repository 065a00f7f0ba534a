// Versions in the browser, against `aipipeline demo` and its seeded film: a video version plays
// on the shot page and steps frame by frame with `,` and `.` (the counter moves by exactly one
// per key, from the project's start frame, and the frame the browser reports on screen agrees);
// an image version opens full size and zooms; the version's details list its files; a render
// for a task becomes a version that reaches the shot table, the shot page, the board and the
// job page without a reload. English and Korean. Screenshots go to e2e/screenshots/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { textToImagePrompt } from '@aipipeline/comfyui'
import { frameRateOf, timecodeOf } from '@aipipeline/domain'
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
import { apiAs, type StudioApi } from './support/studio-api'

const Latest = z.object({
  items: z.array(
    z.object({ taskId: z.string(), versionId: z.string(), number: z.number(), kind: z.enum(['image', 'video']) }),
  ),
})
const Table = z.object({
  shots: z.object({ id: z.array(z.string()), thumbnailVersionId: z.array(z.string().nullable()) }),
  tasks: z.object({ id: z.array(z.string()), shot: z.array(z.number()), taskTypeId: z.array(z.string()) }),
})

describe.runIf(browserTestsEnabled('version media in Chromium'))('version media in Chromium', () => {
  let studio: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let api: StudioApi
  let projectId = ''
  let fps = 24
  let startFrame = 1001
  let video: { versionId: string; shotId: string } = { versionId: '', shotId: '' }

  const counter = async () => Number((await page.getByTestId('frame-player').getAttribute('data-frame')) ?? 'NaN')
  const shownFrame = async () => page.getByTestId('frame-player').getAttribute('data-shown-frame')
  /** Waits for the video's length to be known (its metadata loaded): steps stop at the last frame. */
  const loaded = async () =>
    expect
      .poll(async () => Number(await page.getByTestId('frame-player').getAttribute('data-frame-count')))
      .toBeGreaterThan(10)
  const press = async (key: string) => {
    await page.getByTestId('frame-player').focus()
    await page.keyboard.press(key)
  }

  async function shotOfTask(taskId: string): Promise<string> {
    const table = Table.parse(await api.get(`/api/projects/${projectId}/shot-table`))
    const at = table.tasks.id.indexOf(taskId)
    return table.shots.id[table.tasks.shot[at] ?? -1] ?? ''
  }

  beforeAll(async () => {
    ensureWebBuild()
    studio = await startDemo()
    api = await apiAs(studio.url, 'manager@demo.local')
    const projects = z
      .object({ items: z.array(z.object({ id: z.string(), code: z.string() })) })
      .parse(await api.get('/api/projects'))
    projectId = projects.items.find((p) => p.code === 'LIGHT')?.id ?? ''
    const project = z
      .object({ fps: z.number(), startFrame: z.number() })
      .parse(await api.get(`/api/projects/${projectId}`))
    fps = project.fps
    startFrame = project.startFrame
    const latest = Latest.parse(await api.get(`/api/projects/${projectId}/latest-versions`))
    const movie = latest.items.find((v) => v.kind === 'video')
    if (!movie) throw new Error('the demo film has no video version (is ffmpeg installed?)')
    video = { versionId: movie.versionId, shotId: await shotOfTask(movie.taskId) }
    chromium = await openBrowserPage({ viewport: { width: 1440, height: 1000 } })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, studio.url, 'manager@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (studio) await stopDemo(studio)
  }, 30_000)

  it('plays a video version and steps exactly one frame per key from where it paused', async () => {
    await page.goto(`${studio?.url}/projects/${projectId}/shots/${video.shotId}?version=${video.versionId}`)
    const player = page.getByTestId('frame-player')
    await player.waitFor()
    await loaded()
    // The counter starts at the project's first frame, with timecode beside it.
    await expect.poll(counter).toBe(startFrame)
    const frames = Number(await player.getAttribute('data-frame-count'))
    // The demo's movie is 72 frames: 1001 to 1072.
    expect(await page.getByTestId('frame-counter').textContent()).toBe(`${startFrame} / ${startFrame + frames - 1}`)
    expect(await page.getByTestId('timecode').textContent()).toBe('00:00:00:00')
    await page.getByTestId('play-toggle').click()
    await expect.poll(counter, { timeout: 10_000 }).toBeGreaterThan(startFrame + 2)
    await press('k')
    await expect.poll(() => page.getByTestId('play-toggle').getAttribute('aria-label')).toBe('Play (Space or K)')
    // Let the pause settle on a whole frame, then step from there.
    await page.waitForTimeout(300)
    const paused = await counter()
    await expect.poll(shownFrame).toBe(String(paused))
    for (let i = 0; i < 3; i++) await press('.')
    expect(await counter()).toBe(paused + 3)
    await expect.poll(shownFrame).toBe(String(paused + 3))
    await press(',')
    expect(await counter()).toBe(paused + 2)
    await expect.poll(shownFrame).toBe(String(paused + 2))
    expect(await page.getByTestId('timecode').textContent()).toBe(timecodeOf(paused + 2 - startFrame, frameRateOf(fps)))
    await page.screenshot({ path: join(SCREENSHOTS, 'version-video-en.png'), fullPage: true })
  }, 60_000)

  it("lists the version's details and files", async () => {
    const details = page.getByTestId('version-details')
    await details.waitFor()
    expect(await page.getByTestId('version-model').textContent()).toBe('wan-demo')
    expect(await page.getByTestId('version-seed').textContent()).toBe('2001')
    const files = await page.getByTestId('version-files').textContent()
    expect(files).toMatch(/render\.mp4|\.mp4/)
    expect(files).toMatch(/\d+(\.\d)? KB/)
  })

  it('opens an image version full size, zooms at the cursor and with keys, and moves between versions', async () => {
    const image = page.getByTestId('version-thumb').filter({ hasNotText: 'v002' }).first()
    await image.click()
    await page.getByTestId('version-image').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'version-image-en.png') })
    await page.getByTestId('open-viewer').click()
    const zoom = page.getByTestId('zoom-image')
    await zoom.waitFor()
    await expect.poll(() => zoom.getAttribute('data-scale')).not.toBe('')
    const fit = Number(await zoom.getAttribute('data-scale'))
    await page.keyboard.press('+')
    await expect.poll(async () => Number(await zoom.getAttribute('data-scale'))).toBeCloseTo(fit * 1.25, 3)
    const box = await zoom.boundingBox()
    if (!box) throw new Error('no viewer')
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4)
    await page.mouse.wheel(0, -100)
    await expect.poll(async () => Number(await zoom.getAttribute('data-scale'))).toBeCloseTo(fit * 1.25 * 1.25, 3)
    await page.screenshot({ path: join(SCREENSHOTS, 'version-image-zoom-en.png') })
    await page.keyboard.press('0')
    await expect.poll(async () => Number(await zoom.getAttribute('data-scale'))).toBeCloseTo(fit, 3)
    const title = await page.getByTestId('viewer-title').textContent()
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => page.getByTestId('viewer-title').textContent()).not.toBe(title)
    await page.keyboard.press('Escape')
    await zoom.waitFor({ state: 'detached' })
  }, 60_000)

  it('shows a new render of a task as a version in the table, the shot page, the board and the job page without a reload', async () => {
    const before = Table.parse(await api.get(`/api/projects/${projectId}/shot-table`))
    const latest = Latest.parse(await api.get(`/api/projects/${projectId}/latest-versions`))
    const withVersion = new Set(latest.items.map((v) => v.taskId))
    const types = z
      .object({ taskTypes: z.array(z.object({ id: z.string(), name: z.string() })) })
      .parse(await api.get(`/api/projects/${projectId}`))
    const keyframe = types.taskTypes.find((tt) => tt.name === 'Keyframe')?.id
    // A shot with no version yet, in view at the top of the table (shots come in editorial
    // order): its first version becomes its thumbnail there.
    const candidates = before.tasks.id
      .map((id, t) => ({ id, t, shot: before.tasks.shot[t] ?? -1 }))
      .filter(
        (c) =>
          before.tasks.taskTypeId[c.t] === keyframe &&
          !withVersion.has(c.id) &&
          before.shots.thumbnailVersionId[c.shot] === null,
      )
      .sort((a, b) => a.shot - b.shot)
    const at = candidates[0]?.t ?? -1
    const taskId = before.tasks.id[at] ?? ''
    const shotId = before.shots.id[before.tasks.shot[at] ?? -1] ?? ''
    await page.goto(`${studio?.url}/projects/${projectId}/shots`)
    await page.getByTestId('shot-grid').waitFor()
    const versionRead = page.waitForResponse(
      async (r) =>
        /\/api\/versions\/[^/]+$/.test(r.url()) &&
        r.ok() &&
        z.object({ taskId: z.string() }).parse(await r.json()).taskId === taskId,
      { timeout: 60_000 },
    )
    const job = z.object({ id: z.string() }).parse(
      await api.post('/api/farm/jobs', {
        source: { kind: 'api', prompt: textToImagePrompt({ steps: 2 }) },
        name: 'Live version',
        taskId,
      }),
    )
    // The table reads the new thumbnail version by itself.
    const read = await versionRead
    const newVersionId = z.object({ id: z.string(), taskId: z.string() }).parse(await read.json())
    expect(newVersionId.taskId).toBe(taskId)
    await page.screenshot({ path: join(SCREENSHOTS, 'version-live-table-en.png') })

    await page.goto(`${studio?.url}/projects/${projectId}/board`)
    await page.locator(`[data-task-id="${taskId}"] [data-testid="board-card-version"]`).waitFor()
    await page.locator(`[data-task-id="${taskId}"] [data-testid="board-card-thumbnail"]`).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'version-board-en.png') })
    await page.goto(`${studio?.url}/farm/jobs/${job.id}`)
    const link = page.getByTestId('output-version')
    await link.waitFor({ timeout: 30_000 })
    await expect.poll(() => link.textContent()).toMatch(/^v001 · SH\d+ · Keyframe$/)
    await page.screenshot({ path: join(SCREENSHOTS, 'version-job-link-en.png'), fullPage: true })
    await link.click()
    await page.getByTestId('versions-gallery').waitFor()
    expect(new URL(page.url()).pathname).toBe(`/projects/${projectId}/shots/${shotId}`)
    expect(await page.getByTestId('selected-version').textContent()).toMatch(/v001$/)
    // A farm version has a sidecar with its provenance.
    await page.getByTestId('open-sidecar').click()
    await expect.poll(() => page.getByTestId('json-view').textContent()).toContain(job.id)
    await page.screenshot({ path: join(SCREENSHOTS, 'version-sidecar-en.png') })
    await page.keyboard.press('Escape')
    await page.getByTestId('json-view').waitFor({ state: 'detached' })
    // A second render lands in the open shot page's strip; the shown version stays.
    await api.post('/api/farm/jobs', {
      source: { kind: 'api', prompt: textToImagePrompt({ steps: 2 }) },
      name: 'Live version 2',
      taskId,
    })
    await page.getByTestId('version-thumb').filter({ hasText: 'Keyframe v002' }).waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('selected-version').textContent()).toMatch(/v001$/)
  }, 180_000)

  it('speaks Korean in the player, the viewer and the details', async () => {
    await page.getByText('한국어', { exact: true }).click()
    await page.goto(`${studio?.url}/projects/${projectId}/shots/${video.shotId}?version=${video.versionId}`)
    await page.getByTestId('frame-player').waitFor()
    await page.getByRole('button', { name: '다음 프레임 (.)' }).waitFor()
    await page.getByRole('button', { name: '재생 (Space 또는 K)' }).waitFor()
    await page.getByText('상세 정보').first().waitFor()
    await page.getByText('파일', { exact: true }).first().waitFor()
    await loaded()
    await expect.poll(counter).toBe(startFrame)
    await press('.')
    expect(await counter()).toBe(startFrame + 1)
    await page.screenshot({ path: join(SCREENSHOTS, 'version-video-ko.png'), fullPage: true })
    await page.getByTestId('version-thumb').filter({ hasNotText: 'v002' }).first().click()
    await page.getByTestId('open-viewer').click()
    await page.getByRole('button', { name: '화면에 맞춤' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'version-image-ko.png') })
    await page.keyboard.press('Escape')
    expect(chromium?.pageErrors ?? []).toEqual([])
  }, 60_000)
})
