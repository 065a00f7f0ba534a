// Breakdown pages in Chromium against `aipipeline demo`: from a shot, open the character on
// it, see the shots it appears on and go back to the shot; the Breakdown tab lists the
// characters and locations. English and Korean; screenshots go to e2e/screenshots/. Without
// /usr/bin/chromium it skips with a notice on a laptop and fails under CI=true.
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
import { demoAccessToken } from './support/studio-api'

const TEXT = {
  en: { tab: 'Breakdown', appears: /Appears on \d+ shots/, location: 'Location', back: '← Breakdown' },
  ko: { tab: '브레이크다운', appears: /샷 \d+개에 등장/, location: '로케이션', back: '← 브레이크다운' },
} as const

describe.runIf(browserTestsEnabled('breakdown pages in Chromium'))('breakdown pages in Chromium', () => {
  let demo: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let shotUrl = ''

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    const accessToken = await demoAccessToken(demo.url, 'supervisor@demo.local')
    const headers = { authorization: `Bearer ${accessToken}` }
    const projects = z
      .object({ items: z.array(z.object({ id: z.string() })) })
      .parse(await (await fetch(`${demo.url}/api/projects`, { headers })).json())
    const projectId = projects.items[0]?.id ?? ''
    const shots = z
      .object({ items: z.array(z.object({ id: z.string() })) })
      .parse(await (await fetch(`${demo.url}/api/projects/${projectId}/shots?limit=1`, { headers })).json())
    shotUrl = `${demo.url}/projects/${projectId}/shots/${shots.items[0]?.id}`
    chromium = await openBrowserPage({ viewport: { width: 1366, height: 900 }, timeoutMs: 20_000 })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, demo.url, 'supervisor@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (demo) await stopDemo(demo)
  }, 30_000)

  async function walk(lang: 'en' | 'ko') {
    const tx = TEXT[lang]
    await page.goto(shotUrl)
    const links = page.getByTestId('shot-breakdown')
    await links.getByRole('link', { name: 'Mara' }).click()
    await page.getByTestId('entry-name').filter({ hasText: 'Mara' }).waitFor()
    await page.getByText(tx.appears).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, `breakdown-character-${lang}.png`), fullPage: true })
    await page.getByTestId('linked-shots').getByRole('link').first().click()
    await page.getByTestId('shot-breakdown').getByRole('link', { name: 'Mara' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(new URL(shotUrl).pathname)
    await page.screenshot({ path: join(SCREENSHOTS, `breakdown-shot-${lang}.png`) })
    await page.getByRole('tab', { name: tx.tab }).click()
    await page.getByTestId('character-list').getByRole('link', { name: 'Ilo' }).waitFor()
    await page.getByTestId('asset-list').getByText(tx.location).first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, `breakdown-list-${lang}.png`), fullPage: true })
    await page.getByTestId('asset-list').getByRole('link', { name: 'Rocky shore' }).click()
    await page.getByTestId('linked-shots').waitFor()
    await page.getByRole('link', { name: tx.back }).click()
    await page.getByTestId('character-list').waitFor()
  }

  it('opens a character from a shot and comes back (English)', async () => {
    await walk('en')
  }, 90_000)

  it('lets a supervisor add a character from the breakdown page', async () => {
    await page.getByRole('button', { name: 'New character' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox', { name: 'Name' }).fill('The keeper’s dog')
    await dialog.getByRole('button', { name: 'Add' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByTestId('character-list').getByRole('link', { name: 'The keeper’s dog' }).click()
    await page.getByText('Not on any shot yet. Add it from a shot’s page.').waitFor()
  }, 60_000)

  it('lets a supervisor put the new character on a shot, which then lists it', async () => {
    await page.goto(shotUrl)
    const links = page.getByTestId('shot-breakdown')
    await links.getByRole('button', { name: 'Edit' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await dialog.getByLabel('Characters', { exact: true }).click()
    await page.getByRole('option', { name: 'The keeper’s dog' }).click()
    await page.keyboard.press('Escape')
    await page.screenshot({ path: join(SCREENSHOTS, 'breakdown-shot-edit-en.png') })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await links.getByRole('link', { name: 'The keeper’s dog' }).click()
    await page.getByText('Appears on 1 shot').waitFor()
  }, 60_000)

  it('does the same in Korean', async () => {
    await page.getByText('한국어', { exact: true }).click()
    await walk('ko')
    expect(chromium?.pageErrors).toEqual([])
  }, 90_000)
})
