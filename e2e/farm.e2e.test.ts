// The Farm page in Chromium against `aipipeline demo`: a manager sees the backends online,
// submits a job from a workflow template, watches its progress reach 100 % and its output
// thumbnail appear, cancels a second job, and opens the job detail. Screenshots in English and
// Korean, light and dark, go to e2e/screenshots/. Without /usr/bin/chromium it skips with a
// notice on a laptop and fails under CI=true.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'
import { type DemoStudio, ensureWebBuild, SCREENSHOTS, startDemo, stopDemo } from './support/demo-studio'
import { demoAccessToken } from './support/studio-api'

/** JSON call to the demo as the manager. */
async function call(demo: DemoStudio, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${demo.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
  return text ? JSON.parse(text) : null
}

const Items = z.object({ items: z.array(z.looseObject({ id: z.string(), name: z.string(), state: z.string() })) })

/** As a GPU agent would: an admin issues a token and one heartbeat reports GPU metrics for the first backend. */
async function reportGpus(demo: DemoStudio): Promise<void> {
  const admin = z.object({ accessToken: z.string() }).parse(
    await (
      await fetch(`${demo.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.local', password: 'demo' }),
      })
    ).json(),
  ).accessToken
  const { secret } = z
    .object({ secret: z.string() })
    .parse(await call(demo, admin, 'POST', '/api/farm/agent-tokens', { name: 'e2e gpu host' }))
  const [first] = Items.parse(await call(demo, admin, 'GET', '/api/farm/backends')).items
  if (!first) throw new Error('no backend to report GPUs for')
  const url = z.object({ url: z.string() }).parse(first).url
  const res = await fetch(`${demo.url}/api/farm/agent/heartbeat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aipipeline-agent-token': secret },
    body: JSON.stringify({
      hostname: 'gpu-host-e2e',
      agentVersion: 'e2e',
      // Long enough that the silence watchdog stays quiet for the whole test.
      intervalSeconds: 300,
      backends: [{ url, reachable: true }],
      gpus: [
        {
          index: 0,
          name: 'NVIDIA GeForce RTX 4090',
          utilizationPercent: 87,
          temperatureC: 71,
          memoryUsedMb: 20480,
          memoryTotalMb: 24564,
          powerW: 398.1,
        },
      ],
    }),
  })
  if (!res.ok) throw new Error(`heartbeat failed: ${res.status} ${await res.text()}`)
}

describe.runIf(browserTestsEnabled('Farm page in Chromium'))('Farm page in Chromium', () => {
  let demo: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let managerToken = ''
  const sims: Simulator[] = []
  const templateName = 'Still frame (e2e)'

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    const token = await demoAccessToken(demo.url, 'manager@demo.local')
    managerToken = token
    // The demo brings simulated backends; if this build's demo has none, bring three here.
    if (Items.parse(await call(demo, token, 'GET', '/api/farm/backends')).items.length === 0) {
      for (const [name, vramGb] of [
        ['sim-4090', 24],
        ['sim-a6000', 48],
        ['sim-h100', 80],
      ] as const) {
        const sim = await startSimulator({ port: 0, name, vramGb, timeScale: 1, previews: true })
        sims.push(sim)
        await call(demo, token, 'POST', '/api/farm/backends', { name, url: sim.url })
      }
    }
    await reportGpus(demo)
    const prompt = textToImagePrompt()
    const template = {
      ...prompt,
      '6': { ...prompt['6'], inputs: { ...prompt['6']?.inputs, text: '{prompt}' } },
      '3': { ...prompt['3'], inputs: { ...prompt['3']?.inputs, seed: '{seed}', steps: '{steps:30}' } },
    }
    await call(demo, token, 'POST', '/api/farm/templates', {
      name: templateName,
      description: 'A 512² still from a text prompt.',
      source: { kind: 'api', prompt: template },
    })
    chromium = await openBrowserPage({ viewport: { width: 1366, height: 900 }, timeoutMs: 20_000 })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (demo) await stopDemo(demo)
    for (const sim of sims) await sim.close().catch(() => {})
  }, 30_000)

  const row = (name: string): Locator => page.getByTestId('job-row').filter({ hasText: name })

  async function submitFromTemplate(prompt: string, steps: number): Promise<void> {
    await page.getByRole('button', { name: 'Submit job' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Workflow template', { exact: true }).click()
    await page.getByRole('option', { name: templateName }).click()
    await dialog.getByLabel('prompt', { exact: true }).fill(prompt)
    await dialog.getByLabel('seed', { exact: true }).fill('42')
    await dialog.getByLabel('steps', { exact: true }).fill(String(steps))
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
  }

  it('signs in as the demo manager and sees every backend online', async () => {
    if (!demo) throw new Error('demo did not start')
    await page.goto(`${demo.url}/login`)
    await page.getByRole('textbox', { name: 'Email' }).fill('manager@demo.local')
    await page.getByRole('textbox', { name: 'Password' }).fill('demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('navigation').getByRole('link', { name: 'Farm', exact: true }).click()
    await page.getByRole('heading', { name: 'Render farm' }).waitFor()
    const cards = page.getByTestId('backend-card')
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
    await page.getByTestId('gpu-metrics').first().waitFor()
    expect(await page.getByTestId('gpu-metrics').first().textContent()).toContain('NVIDIA GeForce RTX 4090')
    await expect
      .poll(async () => (await page.getByTestId('backend-state').allTextContents()).every((s) => s === 'Online'), {
        timeout: 30_000,
      })
      .toBe(true)
  }, 60_000)

  it('submits a job from a template and watches it reach 100 % with an output thumbnail', async () => {
    await submitFromTemplate('a lighthouse at dusk, 35mm film', 80)
    const job = row('Still frame (e2e)').first()
    await job.waitFor()
    // Live progress from realtime events: some value strictly between 0 and 100 shows up.
    await expect
      .poll(async () => Number(await job.getByTestId('job-progress').getAttribute('data-value')), { timeout: 30_000 })
      .toBeGreaterThan(0)
    expect(await job.getAttribute('data-state')).toBe('running')
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-running-en-light.png'), fullPage: true })
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 60_000 }).toBe('succeeded')
    await expect.poll(() => job.getByTestId('job-progress').getAttribute('data-value')).toBe('100')
    await job.getByTestId('output-thumbnail').waitFor({ timeout: 20_000 })
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-en-light.png'), fullPage: true })
  }, 120_000)

  it('cancels a second job while it runs', async () => {
    await submitFromTemplate('a long slow dolly shot', 3000)
    const active = page
      .locator(
        '[data-testid="job-row"][data-state="running"], [data-testid="job-row"][data-state="assigned"], [data-testid="job-row"][data-state="queued"]',
      )
      .first()
    await active.waitFor()
    const id = await active.getAttribute('data-job-id')
    if (!id) throw new Error('no job id on the row')
    const second = page.locator(`[data-testid="job-row"][data-job-id="${id}"]`)
    await expect.poll(() => second.getAttribute('data-state'), { timeout: 30_000 }).toBe('running')
    await second.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => second.getAttribute('data-state'), { timeout: 20_000 }).toBe('canceled')
    await second.getByRole('button', { name: 'Retry' }).waitFor()
  }, 90_000)

  it('shows the job detail with its attempt and output', async () => {
    const done = page.locator('[data-testid="job-row"][data-state="succeeded"]').first()
    await done.getByRole('link').click()
    await page.getByTestId('attempts').waitFor()
    expect(await page.getByTestId('attempts').textContent()).toContain('Succeeded')
    await page.getByTestId('output-thumbnail').first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-job-en-light.png'), fullPage: true })
    await page.getByRole('link', { name: /Back to the farm/ }).click()
    await page.getByRole('heading', { name: 'Render farm' }).waitFor()
  }, 60_000)

  it('shows ComfyUI validation errors under the node they concern', async () => {
    if (!demo) throw new Error('demo did not start')
    const prompt = textToImagePrompt({ steps: 2 })
    const broken = {
      ...prompt,
      '3': { ...prompt['3'], inputs: { ...prompt['3']?.inputs, sampler_name: 'no_such_sampler' } },
    }
    const job = z.object({ id: z.string() }).parse(
      await call(demo, managerToken, 'POST', '/api/farm/jobs', {
        source: { kind: 'api', prompt: broken },
        name: 'Broken sampler',
      }),
    )
    await page.goto(`${demo.url}/farm/jobs/${job.id}`)
    await expect.poll(() => page.getByTestId('job-state').first().textContent(), { timeout: 30_000 }).toBe('Failed')
    const nodeError = page.getByTestId('node-error').first()
    await nodeError.waitFor()
    expect(await nodeError.textContent()).toMatch(/Node 3 · KSampler.*sampler_name/)
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-job-failed-en-light.png'), fullPage: true })
    await page.getByRole('link', { name: /Back to the farm/ }).click()
    await page.getByRole('heading', { name: 'Render farm' }).waitFor()
  }, 60_000)

  it('leads to the template library', async () => {
    await page.getByRole('link', { name: 'Workflow templates' }).click()
    await page.getByRole('heading', { name: 'Workflow templates' }).waitFor()
    await page.getByTestId('template-card').filter({ hasText: templateName }).waitFor()
    await page.getByRole('navigation').getByRole('link', { name: 'Farm', exact: true }).click()
    await page.getByRole('heading', { name: 'Render farm' }).waitFor()
  }, 30_000)

  it('speaks Korean and has a dark theme', async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await page.getByTestId('backend-card').first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-en-dark.png'), fullPage: true })
    await page.getByText('한국어', { exact: true }).click()
    await page.getByRole('heading', { name: '렌더팜' }).waitFor()
    await page.getByRole('heading', { name: '백엔드' }).waitFor()
    expect(await page.getByTestId('backend-state').first().textContent()).toBe('온라인')
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-ko-dark.png'), fullPage: true })
    await page.getByRole('button', { name: '라이트 테마로 전환' }).click()
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-ko-light.png'), fullPage: true })
    await page.getByRole('link', { name: '워크플로우 템플릿' }).waitFor()
    await page.getByRole('button', { name: '작업 제출' }).click()
    await page.getByRole('dialog').getByLabel('워크플로우 템플릿', { exact: true }).click()
    await page.getByRole('option', { name: templateName }).click()
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-submit-ko-light.png') })
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.locator('[data-testid="job-row"][data-state="canceled"]').first().getByRole('link').click()
    await page.getByRole('heading', { name: '시도 기록' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-job-ko-light.png'), fullPage: true })
    await page.getByRole('button', { name: '다크 테마로 전환' }).click()
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-job-ko-dark.png'), fullPage: true })
    expect(chromium?.pageErrors).toEqual([])
  }, 60_000)
})
