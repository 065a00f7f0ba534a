// The Prompt Engine as a user meets it in Chromium: `aipipeline demo` serving the production web
// build. It applies a preset, sees film stocks greyed out on a digital camera with the reason,
// picks one anyway and sees the HARD violation (in English, then in Korean), and copies a prompt
// that differs per target model. Screenshots in both languages, light and dark.
// Helpers are the smoke test's (e2e/smoke.e2e.test.ts), repeated so each spec stands alone.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'
import { type DemoStudio, ensureWebBuild, SCREENSHOTS, startDemo, stopDemo } from './support/demo-studio'

describe.runIf(browserTestsEnabled('Prompt Engine in Chromium'))('Prompt Engine in Chromium', () => {
  let studio: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page

  beforeAll(async () => {
    ensureWebBuild()
    studio = await startDemo()
    chromium = await openBrowserPage({ viewport: { width: 1440, height: 1000 }, clipboardOrigin: studio.url })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (studio) await stopDemo(studio)
  }, 30_000)

  const select = (name: string) => page.getByRole('combobox', { name, exact: true })
  const violations = () => page.getByTestId('cpe-violations')

  it('opens the Prompt Engine after signing in', async () => {
    if (!studio) throw new Error('studio did not start')
    await page.goto(`${studio.url}/login`)
    await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.local')
    await page.getByRole('textbox', { name: 'Password' }).fill('demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('navigation').getByRole('link', { name: 'Prompt Engine', exact: true }).click()
    await page.getByRole('heading', { name: 'Cinematic Prompt Engine' }).waitFor()
    await violations().getByText('No rule is broken', { exact: false }).waitFor()
  })

  it('applies a preset and shows what it is', async () => {
    await select('Preset').click()
    await select('Preset').fill('Parasite')
    await page.getByRole('option', { name: 'Parasite (2019)' }).click()
    const summary = page.getByTestId('preset-summary')
    await summary.waitFor()
    expect(await summary.textContent()).toContain('Bong Joon')
    expect(await select('Camera body').inputValue()).toContain('ALEXA')
  })

  it('greys out film stocks on the digital camera, with the reason on hover', async () => {
    await page.getByRole('textbox', { name: 'Subject', exact: true }).fill('a family folding pizza boxes')
    await select('Film stock').click()
    await select('Film stock').fill('5219')
    const option = page.getByRole('option', { name: /Vision3 500T 5219/ })
    expect(await option.getAttribute('aria-disabled')).toBe('true')
    await option.hover()
    const tooltip = page.getByRole('tooltip')
    await tooltip.waitFor()
    expect(await tooltip.textContent()).toMatch(/is digital and cannot run .*Vision3 500T 5219/)
    await page.screenshot({ path: join(SCREENSHOTS, 'prompt-engine-greyed-en.png') })
    await page.keyboard.press('Escape')
  })

  it('picks the stock anyway when asked and shows the HARD violation', async () => {
    await page.getByRole('switch', { name: 'Let me pick impossible choices' }).click()
    await select('Film stock').click()
    await select('Film stock').fill('5219')
    await page.getByRole('option', { name: /Vision3 500T 5219/ }).click()
    const hard = violations().locator('[data-rule="stock-on-digital-camera"]')
    await hard.waitFor()
    expect(await hard.getAttribute('data-severity')).toBe('hard')
    expect(await hard.textContent()).toContain('HARD')
    expect(await hard.textContent()).toContain('is digital and cannot run')
    expect(await page.getByTestId('cpe-status').textContent()).toBe('Invalid')
  })

  it('previews a different prompt per model and copies it', async () => {
    const prompt = page.getByTestId('cpe-prompt')
    const flux = await prompt.textContent()
    expect(flux).toContain('pizza boxes')
    await page.getByRole('tab', { name: 'Stable Diffusion XL' }).click()
    await page.waitForFunction((previous) => {
      const el = document.querySelector('[data-testid="cpe-prompt"]')
      return el !== null && el.textContent !== previous
    }, flux)
    const sdxl = await prompt.textContent()
    expect(sdxl).not.toBe(flux)
    expect(sdxl).toContain('pizza boxes')
    await page.getByRole('button', { name: 'Copy the prompt for Stable Diffusion XL' }).click()
    await page.getByRole('button', { name: 'Copy the prompt for Stable Diffusion XL' }).getByText('Copied').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sdxl)
    await page.screenshot({ path: join(SCREENSHOTS, 'prompt-engine-en.png'), fullPage: true })
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await page.screenshot({ path: join(SCREENSHOTS, 'prompt-engine-en-dark.png'), fullPage: true })
  })

  it('speaks Korean: the violation message and the reason follow the UI language', async () => {
    await page.getByText('한국어', { exact: true }).click()
    await page.getByRole('heading', { name: '시네마틱 프롬프트 엔진 (CPE)' }).waitFor()
    const hard = violations().locator('[data-rule="stock-on-digital-camera"]')
    await hard.getByText('디지털 카메라', { exact: false }).waitFor()
    expect(await hard.textContent()).toContain('HARD')
    expect(await page.getByTestId('cpe-status').textContent()).toBe('불가능')
    await page.screenshot({ path: join(SCREENSHOTS, 'prompt-engine-ko-dark.png'), fullPage: true })
    await page.getByRole('button', { name: '라이트 테마로 전환' }).click()
    await page.screenshot({ path: join(SCREENSHOTS, 'prompt-engine-ko.png'), fullPage: true })

    await page.getByRole('switch', { name: '불가능한 선택도 허용' }).click()
    await select('필름스톡').click()
    await select('필름스톡').fill('5207')
    const option = page.getByRole('option', { name: /5207/ }).first()
    expect(await option.getAttribute('aria-disabled')).toBe('true')
    await option.hover()
    expect(await page.getByRole('tooltip').textContent()).toContain('디지털 카메라')
    await page.screenshot({ path: join(SCREENSHOTS, 'prompt-engine-greyed-ko.png') })
    await page.keyboard.press('Escape')
    expect(chromium?.pageErrors).toEqual([])
  })
})
