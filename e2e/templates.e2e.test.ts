// The Templates page in Chromium against `aipipeline demo`: a supervisor sees the shipped library
// with how many backends can run each template, imports a ComfyUI workflow file through the file
// input, names a parameter, saves, finds the template in the list with its revision, and edits a
// parameter into a second revision. An artist sees the library read-only, without import; a
// client is not offered the page. English and Korean screenshots go to e2e/screenshots/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { requireSharedFixtures, sharedFixturePath } from '@aipipeline/testing'
import { launchChromium } from '@aipipeline/testing/chromium'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserTestsEnabled } from './support/chromium'
import {
  type DemoStudio,
  ensureWebBuild,
  SCREENSHOTS,
  signInAsDemoUser,
  startDemo,
  stopDemo,
} from './support/demo-studio'
import { type WatchedPage, watchedPage } from './support/watched-page'

const WORKFLOW = 'comfyui/workflows/api/comfy-cli_default_text2img.api.json'
const UI_WORKFLOW = 'comfyui/workflows/ui/pair_comfyui-examples_img2img.ui.json'
const RAW_SERVER_TEXT = /may not|forbidden|not found|unauthenticated/i

/** The parameter the studio fills with the shot's prompt, else the first one of the table. */
async function promptParameter(page: Page): Promise<string> {
  const rows = page.getByTestId('parameter-row')
  await rows.first().waitFor()
  const names = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-name') ?? ''))
  const name = names.includes('prompt') ? 'prompt' : names[0]
  if (!name) throw new Error('the template has no parameters')
  return name
}

const enabled = browserTestsEnabled('Templates page in Chromium') && requireSharedFixtures('Templates page e2e')

describe.runIf(enabled)('Templates page in Chromium', () => {
  let demo: DemoStudio | undefined
  let browser: Browser | undefined
  let supervisor: WatchedPage | undefined
  const templateName = 'Lighthouse still (e2e)'

  const studio = (): DemoStudio => {
    if (!demo) throw new Error('demo did not start')
    return demo
  }
  const chromium = (): Browser => {
    if (!browser) throw new Error('browser did not start')
    return browser
  }
  const page = (): Page => {
    if (!supervisor) throw new Error('no supervisor page')
    return supervisor.page
  }

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    browser = await launchChromium()
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await supervisor?.close().catch(() => {})
    await browser?.close().catch(() => {})
    if (demo) await stopDemo(demo)
  }, 30_000)

  it('shows a supervisor the library with how many backends can run each template', async () => {
    supervisor = await watchedPage(chromium())
    const p = page()
    await signInAsDemoUser(p, studio().url, 'supervisor@demo.local')
    await p.getByRole('navigation').getByRole('link', { name: 'Templates', exact: true }).click()
    await p.getByRole('heading', { name: 'Workflow templates' }).waitFor()
    const cards = p.getByTestId('template-card')
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThan(0)
    expect(await p.getByTestId('template-built-in').count()).toBeGreaterThan(0)
    // Every card says on how many of the demo's backends it runs.
    const compat = p.getByTestId('template-compat').first()
    await expect.poll(() => compat.textContent(), { timeout: 20_000 }).toMatch(/Runs on \d+ of \d+ backends/)
    await p.screenshot({ path: join(SCREENSHOTS, 'templates-en-light.png'), fullPage: true })
  }, 90_000)

  it('filters the library by category', async () => {
    const p = page()
    const all = await p.getByTestId('template-card').count()
    await p.getByRole('combobox', { name: 'Category' }).click()
    await p.getByRole('option', { name: 'Image to video' }).click()
    await expect.poll(() => p.getByTestId('template-card').count()).toBeLessThan(all)
    for (const category of await p.getByTestId('template-category').allTextContents())
      expect(category).toBe('Image to video')
    await p.getByRole('combobox', { name: 'Category' }).click()
    await p.getByRole('option', { name: 'Image to video' }).click()
    await expect.poll(() => p.getByTestId('template-card').count()).toBe(all)
  }, 30_000)

  it('opens a shipped template with its parameters, graph, backends and revisions', async () => {
    const p = page()
    await p.getByTestId('template-card').first().getByTestId('template-name').click()
    await p.getByTestId('parameter-table').waitFor()
    expect(await p.getByTestId('graph-node').count()).toBeGreaterThan(2)
    await p.getByTestId('compatibility-row').first().waitFor()
    await p.getByTestId('revision-row').first().waitFor()
    await p.screenshot({ path: join(SCREENSHOTS, 'templates-detail-en-light.png'), fullPage: true })
    await p.getByRole('link', { name: /Back to templates/ }).click()
    await p.getByRole('heading', { name: 'Workflow templates' }).waitFor()
  }, 30_000)

  it('refuses a file that holds no workflow, in words', async () => {
    const p = page()
    await p.getByRole('link', { name: 'Import workflow' }).click()
    await p.getByTestId('workflow-file-input').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    })
    expect(await p.getByTestId('import-problem').textContent()).toContain('not a ComfyUI workflow')
  }, 30_000)

  it('imports a workflow file, names a parameter, saves, and finds it in the list with its revision', async () => {
    const p = page()
    await p.getByTestId('workflow-file-input').setInputFiles(sharedFixturePath(WORKFLOW))
    await p.getByTestId('import-review').waitFor()
    expect(await p.getByTestId('graph-node').count()).toBe(7)
    await p.getByRole('textbox', { name: 'Template name' }).fill(templateName)
    const parameter = await promptParameter(p)
    await p.getByRole('textbox', { name: `Label of ${parameter}`, exact: true }).fill('Shot description')
    await p.screenshot({ path: join(SCREENSHOTS, 'templates-import-en-light.png'), fullPage: true })
    await p.getByRole('button', { name: 'Save template' }).click()
    await expect.poll(() => p.getByTestId('template-title').textContent(), { timeout: 20_000 }).toBe(templateName)
    expect(await p.getByRole('textbox', { name: `Label of ${parameter}`, exact: true }).inputValue()).toBe(
      'Shot description',
    )
    await p.getByRole('link', { name: /Back to templates/ }).click()
    const card = p.getByTestId('template-card').filter({ hasText: templateName })
    await card.waitFor()
    expect(await card.getByTestId('template-revision').textContent()).toBe('Rev. 1')
  }, 60_000)

  it('saves a parameter change as the next revision', async () => {
    const p = page()
    await p.getByTestId('template-card').filter({ hasText: templateName }).getByTestId('template-name').click()
    const parameter = await promptParameter(p)
    await p.getByRole('textbox', { name: `Label of ${parameter}`, exact: true }).fill('Shot prompt')
    await p.getByRole('button', { name: 'Save changes' }).click()
    await p.getByTestId('parameters-saved').waitFor()
    expect(await p.getByTestId('template-revision').textContent()).toBe('Rev. 2')
    await expect.poll(() => p.getByTestId('revision-row').count()).toBe(2)
    await p.screenshot({ path: join(SCREENSHOTS, 'templates-revision-en-light.png'), fullPage: true })
  }, 30_000)

  it('reads a UI-format workflow too', async () => {
    const p = page()
    await p.goto(`${studio().url}/templates/import`)
    await p.getByTestId('workflow-file-input').setInputFiles(sharedFixturePath(UI_WORKFLOW))
    await p.getByTestId('import-review').waitFor()
    expect(await p.getByTestId('graph-node').count()).toBeGreaterThan(3)
    await p.screenshot({ path: join(SCREENSHOTS, 'templates-import-ui-en-light.png'), fullPage: true })
  }, 30_000)

  it('speaks Korean', async () => {
    const p = page()
    await p.goto(`${studio().url}/templates`)
    await p.getByText('한국어', { exact: true }).click()
    await p.getByRole('heading', { name: '워크플로우 템플릿' }).waitFor()
    await expect
      .poll(() => p.getByTestId('template-compat').first().textContent(), { timeout: 20_000 })
      .toMatch(/백엔드 \d+대 중 \d+대에서 실행 가능/)
    await p.screenshot({ path: join(SCREENSHOTS, 'templates-ko-light.png'), fullPage: true })
    await p.getByTestId('template-card').filter({ hasText: templateName }).getByTestId('template-name').click()
    await p.getByRole('heading', { name: '리비전 이력' }).waitFor()
    await p.screenshot({ path: join(SCREENSHOTS, 'templates-detail-ko-light.png'), fullPage: true })
    await p.getByRole('button', { name: '다크 테마로 전환' }).click()
    await p.screenshot({ path: join(SCREENSHOTS, 'templates-detail-ko-dark.png'), fullPage: true })
    await p.getByRole('button', { name: '라이트 테마로 전환' }).click()
    await p.goto(`${studio().url}/templates/import`)
    await p.getByTestId('workflow-file-input').setInputFiles(sharedFixturePath(WORKFLOW))
    await p.getByRole('textbox', { name: '템플릿 이름' }).waitFor()
    await p.screenshot({ path: join(SCREENSHOTS, 'templates-import-ko-light.png'), fullPage: true })
    await p.getByText('English', { exact: true }).click()
    expect(supervisor?.problems).toEqual([])
  }, 60_000)

  it('shows an artist the library read-only, without import', async () => {
    const { page: p, problems, close } = await watchedPage(chromium())
    try {
      await signInAsDemoUser(p, studio().url, 'artist@demo.local')
      await p.getByRole('navigation').getByRole('link', { name: 'Templates', exact: true }).click()
      await p.getByTestId('template-card').first().waitFor()
      expect(await p.getByRole('link', { name: 'Import workflow' }).count()).toBe(0)
      await p.getByTestId('template-card').filter({ hasText: templateName }).getByTestId('template-name').click()
      await p.getByTestId('parameter-table').waitFor()
      expect(await p.getByTestId('parameter-table').getByRole('textbox').count()).toBe(0)
      expect(await p.getByRole('button', { name: 'Delete' }).count()).toBe(0)
      await p.screenshot({ path: join(SCREENSHOTS, 'templates-artist-en-light.png'), fullPage: true })
      await p.goto(`${studio().url}/templates/import`)
      await p.getByTestId('not-for-role').waitFor()
      expect(problems).toEqual([])
    } finally {
      await close()
    }
  }, 60_000)

  it('does not offer the page to a client, and explains a typed link', async () => {
    const { page: p, problems, close } = await watchedPage(chromium())
    try {
      await signInAsDemoUser(p, studio().url, 'client@demo.local')
      expect(await p.getByRole('navigation').getByRole('link', { name: 'Templates', exact: true }).count()).toBe(0)
      await p.goto(`${studio().url}/templates`)
      await p.getByTestId('not-for-role').waitFor()
      expect(await p.locator('body').textContent()).not.toMatch(RAW_SERVER_TEXT)
      expect(problems).toEqual([])
    } finally {
      await close()
    }
  }, 60_000)
})
