// Rendering from the shot table in Chromium against `aipipeline demo`, in English and in
// Korean: select two shots in the grid, open "Render 2 shots", pick a library template and two
// variations, read the prompts the Prompt Engine wrote, render, and watch the group page reach
// done with a contact sheet of four thumbnails. The shot page header offers the same button.
// Screenshots go to e2e/screenshots/. Without /usr/bin/chromium it skips with a notice on a
// laptop and fails under CI=true.
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
import { selectShotRows } from './support/shot-grid'
import { demoAccessToken } from './support/studio-api'

const TEMPLATE = 'SD 1.5 text to image'
const TEXT = {
  en: { render: 'Render 2 shots', submit: 'Render', finished: 'Finished' },
  ko: { render: '샷 2개 렌더', submit: '렌더', finished: '완료' },
} as const

describe.runIf(browserTestsEnabled('render from the shot table in Chromium'))(
  'render from the shot table in Chromium',
  () => {
    let demo: DemoStudio | undefined
    let chromium: BrowserPage | undefined
    let page: Page
    let projectId = ''
    let firstShotId = ''

    beforeAll(async () => {
      ensureWebBuild()
      demo = await startDemo()
      const accessToken = await demoAccessToken(demo.url, 'manager@demo.local')
      const projects = z
        .object({ items: z.array(z.object({ id: z.string(), code: z.string() })) })
        .parse(
          await (
            await fetch(`${demo.url}/api/projects`, { headers: { authorization: `Bearer ${accessToken}` } })
          ).json(),
        )
      projectId = projects.items.find((p) => p.code === 'LIGHT')?.id ?? ''
      const shots = z.object({ items: z.array(z.object({ id: z.string() })) }).parse(
        await (
          await fetch(`${demo.url}/api/projects/${projectId}/shots?limit=1`, {
            headers: { authorization: `Bearer ${accessToken}` },
          })
        ).json(),
      )
      firstShotId = shots.items[0]?.id ?? ''
      chromium = await openBrowserPage({ viewport: { width: 1440, height: 960 }, timeoutMs: 20_000 })
      page = chromium.page
      mkdirSync(SCREENSHOTS, { recursive: true })
      await signInAsDemoUser(page, demo.url, 'manager@demo.local')
    }, 240_000)

    afterAll(async () => {
      await closeBrowser(chromium)
      if (demo) await stopDemo(demo)
    }, 30_000)

    async function selectFirstTwoShots(): Promise<void> {
      await selectShotRows(page, demo?.url ?? '', projectId, 0, 2)
    }

    for (const lang of ['en', 'ko'] as const) {
      it(`renders two shots × 2 variations and follows the group to done [${lang}]`, async () => {
        await page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
        await selectFirstTwoShots()
        const open = page.getByTestId('render-open')
        await expect.poll(() => open.textContent(), { timeout: 10_000 }).toBe(TEXT[lang].render)
        await open.click()
        const dialog = page.getByRole('dialog')
        await dialog.getByTestId('render-template').click()
        await page.getByRole('option', { name: TEMPLATE }).click()
        await dialog.getByTestId('render-variations').fill('2')
        await dialog.getByTestId('preview-SH0010').waitFor({ timeout: 20_000 })
        await dialog.getByTestId('preview-SH0020').waitFor()
        await expect.poll(() => dialog.getByTestId('render-job-count').textContent()).toMatch(/4/)
        await page.screenshot({ path: join(SCREENSHOTS, `render-dialog-${lang}.png`) })
        await dialog.getByTestId('render-submit').click()
        await page.waitForURL(/\/farm\/groups\//)
        await page.getByTestId('group-progress').waitFor()
        expect(await page.getByTestId('group-jobs').locator('tbody tr').count()).toBe(4)
        await page.getByTestId('group-finished').waitFor({ timeout: 150_000 })
        expect(await page.getByTestId('group-finished').textContent()).toBe(TEXT[lang].finished)
        expect(await page.locator('[data-testid="group-jobs"] tbody tr[data-state="succeeded"]').count()).toBe(4)
        await expect.poll(() => page.getByTestId('sheet-thumbnail').count(), { timeout: 20_000 }).toBe(4)
        await page.screenshot({ path: join(SCREENSHOTS, `render-group-${lang}.png`), fullPage: true })
      }, 240_000)
    }

    it('offers Render on the shot page header too', async () => {
      await page.evaluate(() => localStorage.setItem('aipipeline.locale', 'en'))
      await page.goto(`${demo?.url}/projects/${projectId}/shots/${firstShotId}`)
      const open = page.getByTestId('render-open')
      await expect.poll(() => open.textContent(), { timeout: 10_000 }).toBe('Render')
      await open.click()
      const dialog = page.getByRole('dialog')
      await dialog.getByText('Render 1 shot').waitFor()
      await dialog.getByTestId('render-template').click()
      await page.getByRole('option', { name: TEMPLATE }).click()
      await dialog.getByRole('tab', { name: 'Sweep' }).click()
      await dialog.getByRole('button', { name: 'Add axis' }).click()
      await dialog.locator('[data-testid^="sweep-values-"]').first().fill('3, 5, 8')
      await expect.poll(() => dialog.getByTestId('render-job-count').textContent()).toBe('3 jobs')
      await page.screenshot({ path: join(SCREENSHOTS, 'render-shot-page-sweep-en.png') })
      await page.keyboard.press('Escape')
      expect(chromium?.pageErrors).toEqual([])
    }, 60_000)

    it('shows no Render button to a client', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click()
      await signInAsDemoUser(page, demo?.url ?? '', 'client@demo.local')
      await page.goto(`${demo?.url}/projects/${projectId}/shots/${firstShotId}`)
      await page.getByRole('heading', { level: 3 }).first().waitFor()
      await page.waitForTimeout(500)
      expect(await page.getByTestId('render-open').count()).toBe(0)
    }, 60_000)
  },
)
