// Settings → Models and the Agents page as a user meets them in Chromium: `aipipeline demo`
// serving the production web build, with the local fake LLM server standing in for the
// provider (no real model is called). The demo admin adds a deployment with a key and sees
// only its last four characters (the key is in no response body), runs the test call, sets
// a budget, estimates a prompt, imports a short Fountain screenplay, reviews the diff and
// creates the chosen items, then opens the run with its steps. Screenshots in English and
// Korean, light and dark.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { AgentRunAccepted, ProjectSummary, Session } from '@aipipeline/contracts'
import { type FakeLlmServer, startFakeLlmServer } from '@aipipeline/testing'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
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
import { analysing, analystReply, ENHANCEMENT, SCRIPT } from './support/night-shift-script'

/** The key typed into the dialog; it must never come back from the server. */
const API_KEY = 'sk-e2e-never-shown-9f3kWXYZ'

describe.runIf(browserTestsEnabled('LLM settings and agents in Chromium'))(
  'LLM settings and agents in Chromium',
  () => {
    let studio: DemoStudio | undefined
    let fake: FakeLlmServer | undefined
    let chromium: BrowserPage | undefined
    let page: Page
    const bodies: Promise<{ url: string; body: string }>[] = []
    let runId = ''
    let adminToken = ''

    beforeAll(async () => {
      fake = await startFakeLlmServer()
      fake.script({ match: analysing, reply: analystReply })
      fake.script({
        match: (r) => !r.wantsJson,
        reply: { kind: 'text', text: 'ready', usage: { input: 12, output: 1 } },
      })
      ensureWebBuild()
      studio = await startDemo()
      adminToken = await createProject(studio.url)
      chromium = await openBrowserPage({ viewport: { width: 1440, height: 1000 }, timeoutMs: 20_000 })
      page = chromium.page
      // Every API answer the browser receives, to prove the key never comes back.
      page.on('response', (res) => {
        if (new URL(res.url()).pathname.startsWith('/api/'))
          bodies.push(
            res.text().then(
              (body) => ({ url: res.url(), body }),
              () => ({ url: res.url(), body: '' }),
            ),
          )
      })
      mkdirSync(SCREENSHOTS, { recursive: true })
    }, 240_000)

    afterAll(async () => {
      await closeBrowser(chromium)
      await stopDemo(studio)
      await fake?.close()
    }, 30_000)

    // A failed step leaves a picture of the page behind, to see what the user would have seen.
    afterEach(async (ctx) => {
      if (ctx.task.result?.state === 'fail')
        await page
          .screenshot({
            path: join(SCREENSHOTS, `llm-agents-failure-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}.png`),
            fullPage: true,
          })
          .catch(() => {})
    })

    const row = () => page.locator('[data-testid="deployment-row"][data-deployment="Fake analyst"]')

    it('adds a deployment whose key is shown only as its last four characters', async () => {
      if (!studio || !fake) throw new Error('studio did not start')
      await signInAsDemoUser(page, studio.url)
      await page.goto(`${studio.url}/settings`)
      await page.getByRole('tab', { name: 'Models' }).click()
      await page.getByRole('button', { name: 'Add deployment' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Fake analyst')
      await dialog.getByRole('textbox', { name: 'Model id', exact: true }).fill('gpt-4o-mini')
      await dialog.getByRole('textbox', { name: 'Base URL', exact: true }).fill(`${fake.url}/v1`)
      await dialog.getByLabel('API key', { exact: true }).fill(API_KEY)
      await page.screenshot({ path: join(SCREENSHOTS, 'settings-deployment-dialog-en.png') })
      await dialog.getByRole('button', { name: 'Save' }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(await row().getByTestId('key-status').textContent()).toBe('Set · …WXYZ')
      expect(await page.content()).not.toContain(API_KEY)
    })

    it('runs the test call through the fake provider and shows the answer with its cost', async () => {
      await row().getByRole('button', { name: 'Test call' }).click()
      const result = page.locator('[data-testid="test-result"]')
      await result.waitFor()
      expect(await result.getAttribute('data-ok')).toBe('true')
      expect(await result.textContent()).toContain('ready')
      expect(fake?.requests.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`)
      // The routing policy lists the new deployment for every chat task class.
      expect(await page.locator('[data-testid="route"][data-task-class="analysis"]').textContent()).toContain(
        'Fake analyst',
      )
    })

    it('sets a monthly budget for the project and shows its state', async () => {
      const budget = page.locator('[data-testid="budget-row"][data-project="NIGHT"]')
      await budget.getByRole('textbox', { name: 'Budget' }).fill('5')
      await budget.getByRole('button', { name: 'Set budget' }).click()
      await budget.getByTestId('budget-state').filter({ hasText: 'Within budget' }).waitFor()
      expect(await budget.getAttribute('data-state')).toBe('ok')
      // Admins may override the hard stop.
      expect(await budget.getByRole('switch', { name: 'Admin override' }).isEnabled()).toBe(true)
    })

    it('estimates the tokens and cost of a pasted prompt without calling a model', async () => {
      const before = fake?.requests.length
      await page.getByLabel('System prompt', { exact: true }).fill('You are a first assistant director.')
      await page.getByLabel('User message', { exact: true }).fill('Break this scene into shots. '.repeat(40))
      await page.getByRole('button', { name: 'Estimate' }).click()
      const estimate = page.getByTestId('estimate')
      await estimate.waitFor()
      expect(await page.getByTestId('estimate-part').count()).toBeGreaterThanOrEqual(2)
      expect(await estimate.textContent()).toContain('Fake analyst')
      expect(fake?.requests.length).toBe(before)
      await page.getByTestId('chart').first().locator('canvas').waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'settings-models-en.png'), fullPage: true })
    })

    it('imports a Fountain screenplay: preview, live analysis, review diff, create the chosen items', async () => {
      if (!studio) throw new Error('studio did not start')
      await page.goto(`${studio.url}/agents/import`)
      await page.getByRole('combobox', { name: 'Project', exact: true }).click()
      await page.getByRole('option', { name: 'NIGHT · Night Shift' }).click()
      await page.locator('input[type="file"]').setInputFiles({
        name: 'night-shift.fountain',
        mimeType: 'text/plain',
        buffer: Buffer.from(SCRIPT),
      })
      const preview = page.getByTestId('script-preview')
      await preview.waitFor()
      expect(await preview.textContent()).toContain('2 scenes')
      await page.getByRole('button', { name: 'Analyse' }).click()
      await page.locator('[data-testid="review-item"]').first().waitFor({ timeout: 60_000 })
      runId = new URL(page.url()).searchParams.get('runId') ?? ''
      expect(runId).not.toBe('')
      const keys = await page
        .locator('[data-testid="review-item"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))
      expect(keys).toEqual(
        expect.arrayContaining([
          'sequence:SC001',
          'shot:SC001/SH010',
          'sequence:SC002',
          'character:DJ',
          'character:MARA',
          'asset:HARBOUR',
        ]),
      )
      await page.screenshot({ path: join(SCREENSHOTS, 'agents-review-en.png'), fullPage: true })

      // Leave MARA out; dropping scene 2 drops its shot too.
      await page.locator('[data-key="character:MARA"] input[type="checkbox"]').uncheck()
      await page.locator('[data-key="sequence:SC002"] input[type="checkbox"]').uncheck()
      expect(await page.locator('[data-key="shot:SC002/SH010"] input[type="checkbox"]').isChecked()).toBe(false)
      await page.getByRole('button', { name: /^Create \d+ items$/ }).click()
      const done = page.getByTestId('import-done')
      await done.waitFor()
      expect(await done.textContent()).toContain('1 sequences · 1 shots · 1 characters · 2 assets')
    })

    it('lists the run with its cost and shows each step with input and output', async () => {
      if (!studio) throw new Error('studio did not start')
      await page.goto(`${studio.url}/agents`)
      const run = page.locator('[data-testid="run-row"]').first()
      await run.waitFor()
      expect(await run.getAttribute('data-status')).toBe('completed')
      expect(await run.textContent()).toContain('Night Shift')
      await run.getByRole('link', { name: 'Screenplay analysis' }).click()
      await page.locator('[data-testid="step-card"]').first().waitFor()
      expect(await page.getByTestId('run-status').textContent()).toBe('Completed')
      expect(await page.locator('[data-testid="step-card"][data-status="completed"]').count()).toBeGreaterThan(0)
      await page.screenshot({ path: join(SCREENSHOTS, 'agents-run-en.png'), fullPage: true })
    })

    it('retries a failed analysis step from the run page and the run completes', async () => {
      if (!studio || !fake) throw new Error('studio did not start')
      // The model answers cut-off JSON twice (the answer and its repair re-ask): the step fails.
      fake.reset()
      fake.script({ match: analysing, reply: { kind: 'raw', text: '{"scenes": [' }, times: 2 })
      fake.script({ match: analysing, reply: analystReply })
      await page.goto(`${studio.url}/agents/import`)
      await page.getByRole('combobox', { name: 'Project', exact: true }).click()
      await page.getByRole('option', { name: 'NIGHT · Night Shift' }).click()
      await page.locator('input[type="file"]').setInputFiles({
        name: 'night-shift-take-2.fountain',
        mimeType: 'text/plain',
        buffer: Buffer.from(SCRIPT),
      })
      await page.getByTestId('script-preview').waitFor()
      await page.getByRole('button', { name: 'Analyse' }).click()
      await page.getByText('The analysis failed', { exact: false }).waitFor({ timeout: 60_000 })
      await page.getByRole('link', { name: 'Open the run' }).click()
      const step = page.locator('[data-testid="step-card"][data-step="analyse-chunk:0"]')
      expect(await step.getAttribute('data-status')).toBe('failed')
      await page.screenshot({ path: join(SCREENSHOTS, 'agents-run-failed-en.png'), fullPage: true })
      await step.getByRole('button', { name: 'Retry step' }).click()
      // Live events bring the run to completed without a reload.
      await page.getByTestId('run-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 60_000 })
      await step.filter({ hasText: 'Attempt 2' }).waitFor()
      expect(await step.getAttribute('data-status')).toBe('completed')
    }, 150_000)

    it('shows a prompt enhancement before and after, and accepts it', async () => {
      if (!studio || !fake) throw new Error('studio did not start')
      fake.script({
        match: (r) => r.wantsJson && r.promptText.includes('Target model:'),
        reply: { kind: 'json', value: ENHANCEMENT },
      })
      const projects = await fetch(`${studio.url}/api/projects`, { headers: { authorization: `Bearer ${adminToken}` } })
      const list = z.object({ items: z.array(ProjectSummary) }).parse(await projects.json())
      const night = list.items.find((p) => p.code === 'NIGHT')
      if (!night) throw new Error('project NIGHT is missing')
      const started = await fetch(`${studio.url}/api/agents/prompt-enhancements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ projectId: night.id, description: 'Mara on the pier at dawn', targetModel: 'flux-dev' }),
      })
      expect(started.status).toBe(202)
      const { run } = AgentRunAccepted.parse(await started.json())
      await page.goto(`${studio.url}/agents/runs/${run.id}`)
      const review = page.getByTestId('enhancement-review')
      await review.waitFor({ timeout: 60_000 })
      expect(await review.textContent()).toContain('yellow raincoat')
      await page.screenshot({ path: join(SCREENSHOTS, 'agents-enhancement-en.png'), fullPage: true })
      await review.getByRole('button', { name: 'Accept' }).click()
      await review.getByText('Accepted', { exact: true }).waitFor()
    }, 120_000)

    it('shows a budget stopped at 100 % and lets the admin override it', async () => {
      if (!studio) throw new Error('studio did not start')
      await page.goto(`${studio.url}/settings`)
      await page.getByRole('tab', { name: 'Models' }).click()
      const budget = page.locator('[data-testid="budget-row"][data-project="NIGHT"]')
      // Two analyses spent more than a hundredth of a cent: this budget is used up.
      await budget.getByRole('textbox', { name: 'Budget' }).fill('0.0001')
      await budget.getByRole('button', { name: 'Set budget' }).click()
      await budget.getByTestId('budget-state').filter({ hasText: 'Stopped at 100 %' }).waitFor()
      // The switch waits while the budget is saved; a forced click on a disabled input does nothing.
      const override = budget.getByRole('switch', { name: 'Admin override' })
      await expect.poll(() => override.isEnabled()).toBe(true)
      await override.click({ force: true })
      await budget.getByTestId('budget-state').filter({ hasText: 'Overridden' }).waitFor()
      expect(await budget.getAttribute('data-state')).toBe('overridden')
      // A budget on the demo film, which the demo manager runs.
      const film = page.locator('[data-testid="budget-row"][data-project="LIGHT"]')
      await film.getByRole('textbox', { name: 'Budget' }).fill('10')
      await film.getByRole('button', { name: 'Set budget' }).click()
      await film.getByTestId('budget-state').filter({ hasText: 'Within budget' }).waitFor()
    })

    it('shows a manager the models read-only, with the override explained and disabled', async () => {
      if (!studio || !chromium) throw new Error('studio did not start')
      const other = await chromium.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 1000 } })
      try {
        const manager = await other.newPage()
        await signInAsDemoUser(manager, studio.url, 'manager@demo.local')
        await manager.goto(`${studio.url}/settings`)
        await manager.getByRole('tab', { name: 'Models' }).click()
        await manager.locator('[data-testid="deployment-row"]').first().waitFor()
        expect(await manager.getByRole('button', { name: 'Add deployment' }).count()).toBe(0)
        expect(await manager.getByRole('button', { name: 'Test call' }).count()).toBe(0)
        await manager.getByText('Only an admin can let calls continue past 100 %.', { exact: false }).first().waitFor()
        const budget = manager.locator('[data-testid="budget-row"][data-project="LIGHT"]')
        await budget.getByTestId('budget-state').filter({ hasText: 'Within budget' }).waitFor()
        expect(await budget.getByRole('switch', { name: 'Admin override' }).isDisabled()).toBe(true)
        await manager.screenshot({ path: join(SCREENSHOTS, 'settings-models-manager-en.png') })
      } finally {
        await other.close()
      }
    })

    it('speaks Korean in dark and light themes', async () => {
      if (!studio) throw new Error('studio did not start')
      await page.getByRole('button', { name: 'Switch to dark theme' }).click()
      await page.getByText('한국어', { exact: true }).click()
      await page.goto(`${studio.url}/settings`)
      await page.getByRole('tab', { name: '모델' }).click()
      expect(await row().getByTestId('key-status').textContent()).toBe('설정됨 · …WXYZ')
      await page.getByRole('heading', { name: '라우팅 정책' }).waitFor()
      await page.getByTestId('chart').first().locator('canvas').waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'settings-models-ko-dark.png'), fullPage: true })
      await page.goto(`${studio.url}/agents/import?runId=${runId}`)
      await page.locator('[data-testid="review-item"]').first().waitFor({ timeout: 30_000 })
      await page.getByRole('heading', { name: '시퀀스와 샷' }).waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'agents-review-ko-dark.png'), fullPage: true })
      await page.getByRole('button', { name: '라이트 테마로 전환' }).click()
      await page.goto(`${studio.url}/agents`)
      await page.getByRole('heading', { name: '실행 기록' }).waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'agents-runs-ko.png'), fullPage: true })
      await page.goto(`${studio.url}/settings`)
      await page.getByRole('tab', { name: '모델' }).click()
      await row().waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'settings-models-ko.png'), fullPage: true })
    }, 120_000)

    it('never sent the key back in any response body', async () => {
      const all = await Promise.all(bodies)
      expect(all.some((r) => r.url.includes('/api/llm/deployments') && r.body.includes('WXYZ'))).toBe(true)
      expect(all.filter((r) => r.body.includes(API_KEY)).map((r) => r.url)).toEqual([])
      expect(chromium?.pageErrors).toEqual([])
    })
  },
)

/** The project the screenplay goes into, created through the API as the demo admin. */
async function createProject(url: string): Promise<string> {
  // On a loaded machine the demo users can land a moment after /api/health answers; retry briefly.
  let login = await signInByApi(url)
  for (let i = 0; i < 20 && login.status === 401; i++) {
    await new Promise((r) => setTimeout(r, 500))
    login = await signInByApi(url)
  }
  const text = await login.text()
  if (login.status !== 200) throw new Error(`demo admin sign-in failed: ${login.status} ${text}`)
  const { accessToken } = Session.parse(JSON.parse(text))
  const res = await fetch(`${url}/api/projects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ code: 'NIGHT', name: 'Night Shift' }),
  })
  expect(res.status).toBe(201)
  return accessToken
}

function signInByApi(url: string): Promise<Response> {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.local', password: 'demo' }),
  })
}
