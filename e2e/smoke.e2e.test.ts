// Smoke test of the studio as a user meets it: `aipipeline demo` serving the production web
// build, driven in Debian's Chromium through playwright-core. It signs in, walks the shell and
// switches the language. Without /usr/bin/chromium it skips with a notice on a laptop and
// fails under CI=true, where a missing browser means the check never ran.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'
import { type DemoStudio, ensureWebBuild, SCREENSHOTS, startDemo, stopDemo } from './support/demo-studio'

describe.runIf(browserTestsEnabled('studio smoke test in Chromium'))('studio smoke test in Chromium', () => {
  let studio: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page

  beforeAll(async () => {
    ensureWebBuild()
    studio = await startDemo()
    chromium = await openBrowserPage({ viewport: { width: 1280, height: 800 } })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    // Each step guarded: a failed launch must still stop the server.
    await closeBrowser(chromium)
    if (studio) await stopDemo(studio)
  }, 30_000)

  it('shows the sign-in page when nobody is signed in', async () => {
    if (!studio) throw new Error('studio did not start')
    await page.goto(`${studio.url}/`)
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.screenshot({ path: join(SCREENSHOTS, 'login.png') })
  })

  it('says the email or password is incorrect after a wrong password', async () => {
    await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.local')
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Email or password is incorrect.')
  })

  it('signs in as the demo admin and shows every section in the navigation', async () => {
    await page.getByRole('textbox', { name: 'Password' }).fill('demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const nav = page.getByRole('navigation')
    for (const label of ['Projects', 'Farm', 'Templates', 'Review', 'Prompt Engine', 'Agents', 'Settings']) {
      await nav.getByRole('link', { name: label, exact: true }).waitFor()
    }
    expect(new URL(page.url()).pathname).toBe('/projects')
    expect(await page.getByTestId('user-role').textContent()).toBe('Admin')
    await page.getByRole('heading', { name: 'Projects' }).waitFor()
  })

  it('connects live updates with the access token', async () => {
    await page.locator('[role="status"][data-status="connected"]').waitFor()
    expect(await page.getByRole('status').getAttribute('aria-label')).toBe('Live updates on')
  })

  it('switches the interface to Korean and keeps it after a reload', async () => {
    await page.getByText('한국어', { exact: true }).click()
    const nav = page.getByRole('navigation')
    await nav.getByRole('link', { name: '렌더팜' }).waitFor()
    await nav.getByRole('link', { name: '프로젝트' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('ko')

    await nav.getByRole('link', { name: '렌더팜' }).click()
    await page.getByRole('heading', { name: '렌더팜' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'shell-ko.png') })

    // The session survives a reload through the refresh token, and the choice through storage.
    await page.reload()
    await page.getByRole('navigation').getByRole('link', { name: '렌더팜' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/farm')
  })

  it('switches to the dark theme and keeps it after a reload', async () => {
    await page.getByRole('button', { name: '다크 테마로 전환' }).click()
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark')
    await page.reload()
    await page.getByRole('button', { name: '라이트 테마로 전환' }).waitFor()
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark')
    await page.screenshot({ path: join(SCREENSHOTS, 'shell-ko-dark.png') })
  })

  it('saves the language to the account so another browser signs in in Korean', async () => {
    if (!studio || !chromium) throw new Error('studio did not start')
    const other = await chromium.browser.newContext({ locale: 'en-US' })
    try {
      const second = await other.newPage()
      await second.goto(`${studio.url}/login`)
      await second.getByRole('textbox', { name: 'Email' }).fill('admin@demo.local')
      await second.getByRole('textbox', { name: 'Password' }).fill('demo')
      await second.getByRole('button', { name: 'Sign in' }).click()
      await second.getByRole('navigation').getByRole('link', { name: '프로젝트' }).waitFor()
    } finally {
      await other.close()
    }
  })

  it('signs out back to the sign-in page', async () => {
    await page.getByRole('button', { name: '로그아웃' }).click()
    await page.getByRole('heading', { name: '로그인' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(chromium?.pageErrors).toEqual([])
  })
})
