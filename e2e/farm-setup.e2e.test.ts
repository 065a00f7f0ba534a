// Setting up the farm in Chromium against `aipipeline demo`, as the demo admin, in English and
// in Korean: add a simulated ComfyUI backend after testing its connection (node classes,
// models, GPU), see it online and open its health history chart; a URL where nothing listens
// gets a translated "unreachable". Issue a GPU agent token, read the command to run on the GPU
// host, and revoke it after confirming. Screenshots go to e2e/screenshots/. Without
// /usr/bin/chromium it skips with a notice on a laptop and fails under CI=true.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Simulator, startSimulator } from '@aipipeline/comfyui'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'
import {
  type DemoStudio,
  ensureWebBuild,
  freePort,
  SCREENSHOTS,
  signInAsDemoUser,
  startDemo,
  stopDemo,
} from './support/demo-studio'

const TEXT = {
  en: {
    farm: 'Farm',
    add: 'Add backend',
    name: 'Name',
    url: 'ComfyUI URL',
    test: 'Test connection',
    answered: 'ComfyUI answered',
    unreachable: 'The server could not be reached (refused or unknown host).',
    save: 'Add backend',
    online: 'Online',
    history: 'Health history',
    issue: 'Issue token',
    tokenName: 'Name',
    done: 'Done',
    revoke: 'Revoke',
    revoked: 'Revoked',
  },
  ko: {
    farm: '렌더팜',
    add: '백엔드 추가',
    name: '이름',
    url: 'ComfyUI URL',
    test: '연결 테스트',
    answered: 'ComfyUI가 응답했습니다',
    unreachable: '서버에 연결할 수 없습니다(연결 거부 또는 알 수 없는 호스트).',
    save: '백엔드 추가',
    online: '온라인',
    history: '헬스 기록',
    issue: '토큰 발급',
    tokenName: '이름',
    done: '완료',
    revoke: '폐기',
    revoked: '폐기됨',
  },
} as const

describe.runIf(browserTestsEnabled('farm setup in Chromium'))('farm setup in Chromium', () => {
  let demo: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  const sims: Simulator[] = []

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    for (const [name, vramGb] of [
      ['e2e-gpu-en', 24],
      ['e2e-gpu-ko', 48],
    ] as const) {
      sims.push(await startSimulator({ port: 0, name, vramGb, timeScale: 1 }))
    }
    chromium = await openBrowserPage({ viewport: { width: 1366, height: 900 }, timeoutMs: 20_000 })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, demo.url, 'admin@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (demo) await stopDemo(demo)
    for (const sim of sims) await sim.close().catch(() => {})
  }, 30_000)

  async function addBackend(lang: 'en' | 'ko', sim: Simulator): Promise<void> {
    const tx = TEXT[lang]
    await page.getByRole('button', { name: tx.add, exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox', { name: tx.url }).fill(`http://127.0.0.1:${await freePort()}`)
    await dialog.getByRole('button', { name: tx.test }).click()
    await dialog.getByText(tx.unreachable).waitFor()
    await dialog.getByRole('textbox', { name: tx.name }).fill(sim.name)
    await dialog.getByRole('textbox', { name: tx.url }).fill(sim.url)
    await dialog.getByRole('button', { name: tx.test }).click()
    await dialog.getByText(tx.answered).waitFor()
    expect(await dialog.getByTestId('test-node-classes').textContent()).toMatch(/\d+/)
    expect(await dialog.getByTestId('test-result').textContent()).toContain('v1-5-pruned-emaonly.safetensors')
    await page.screenshot({ path: join(SCREENSHOTS, `farm-setup-test-${lang}.png`) })
    await dialog.getByRole('button', { name: tx.save, exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    const card = page.getByTestId('backend-card').filter({ hasText: sim.name })
    await card.getByTestId('backend-state').filter({ hasText: tx.online }).waitFor()
    await card.getByRole('button', { name: tx.history }).click()
    const history = page.getByRole('dialog')
    await history.getByTestId('health-chart').locator('canvas').waitFor()
    await history.getByTestId('health-changes').getByText(tx.online).first().waitFor()
    // Let the dialog's fade-in finish so the screenshot shows it opaque (looks only, nothing asserted).
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(SCREENSHOTS, `farm-setup-health-${lang}.png`) })
    await page.keyboard.press('Escape')
    await history.waitFor({ state: 'hidden' })
  }

  async function issueAndRevoke(lang: 'en' | 'ko', tokenName: string): Promise<void> {
    const tx = TEXT[lang]
    await page.getByRole('button', { name: tx.issue }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox', { name: tx.tokenName }).fill(tokenName)
    await dialog.getByRole('button', { name: tx.issue }).click()
    const command = (await dialog.getByTestId('agent-command').textContent()) ?? ''
    const secret = (await dialog.getByTestId('token-secret').textContent()) ?? ''
    expect(secret.length).toBeGreaterThan(8)
    expect(command).toBe(
      `AIPIPELINE_AGENT_TOKEN=${secret} npx aipipeline agent --server ${demo?.url} --comfy http://127.0.0.1:8188`,
    )
    await page.screenshot({ path: join(SCREENSHOTS, `farm-setup-token-${lang}.png`) })
    await dialog.getByRole('button', { name: tx.done }).click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.getByTestId('agent-token-row').filter({ hasText: tokenName })
    await row.getByRole('button', { name: tx.revoke }).click()
    const confirm = page.getByRole('dialog')
    await confirm.getByRole('button', { name: tx.revoke }).click()
    await confirm.waitFor({ state: 'hidden' })
    await row.getByText(tx.revoked).waitFor()
  }

  it('adds a tested backend, sees it online with its health history, and manages an agent token (English)', async () => {
    await page.getByRole('navigation').getByRole('link', { name: TEXT.en.farm, exact: true }).click()
    await page.getByRole('heading', { name: 'Render farm' }).waitFor()
    const sim = sims[0]
    if (!sim) throw new Error('no simulator')
    await addBackend('en', sim)
    await issueAndRevoke('en', 'gpu-host-en')
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-setup-en.png'), fullPage: true })
  }, 120_000)

  it('does the same in Korean', async () => {
    await page.getByText('한국어', { exact: true }).click()
    await page.getByRole('heading', { name: '렌더팜' }).waitFor()
    const sim = sims[1]
    if (!sim) throw new Error('no simulator')
    await addBackend('ko', sim)
    await issueAndRevoke('ko', 'gpu-host-ko')
    await page.screenshot({ path: join(SCREENSHOTS, 'farm-setup-ko.png'), fullPage: true })
    expect(chromium?.pageErrors).toEqual([])
  }, 120_000)
})
