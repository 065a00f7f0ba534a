// The project dashboard in Chromium against `aipipeline demo`, in English and in Korean: the
// status chart counts the demo's shots, a click on a bar opens the shot table on the shots
// behind it, and the PDF export downloads a file whose pages pdftoppm renders. Also records the
// time from navigation to the first drawn chart in e2e/screenshots/dashboard-first-paint.json
// (a figure, never asserted). Without /usr/bin/chromium it skips on a laptop, fails under CI.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
  en: { tab: 'Dashboard', totals: (n: number) => `${n} shots`, export: 'Export PDF', drill: 'Showing the' },
  ko: {
    tab: '대시보드',
    totals: (n: number) => `샷 ${n}개`,
    export: 'PDF 내보내기',
    drill: '대시보드 차트에 해당하는',
  },
} as const

describe.runIf(browserTestsEnabled('project dashboard in Chromium'))('project dashboard in Chromium', () => {
  let demo: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let projectId = ''
  let shotCount = 0
  const firstPaints: Record<string, number> = {}

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    const accessToken = await demoAccessToken(demo.url, 'manager@demo.local')
    const auth = { authorization: `Bearer ${accessToken}` }
    const projects = z
      .object({ items: z.array(z.object({ id: z.string(), code: z.string() })) })
      .parse(await (await fetch(`${demo.url}/api/projects`, { headers: auth })).json())
    projectId = projects.items.find((p) => p.code === 'LIGHT')?.id ?? ''
    const table = z
      .object({ shots: z.object({ id: z.array(z.string()) }) })
      .parse(await (await fetch(`${demo.url}/api/projects/${projectId}/shot-table`, { headers: auth })).json())
    shotCount = table.shots.id.length
    chromium = await openBrowserPage({ viewport: { width: 1440, height: 1000 }, timeoutMs: 20_000 })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, demo.url, 'manager@demo.local')
  }, 240_000)

  afterAll(async () => {
    writeFileSync(
      join(SCREENSHOTS, 'dashboard-first-paint.json'),
      JSON.stringify({ firstChartMs: firstPaints }, null, 2),
    )
    await closeBrowser(chromium)
    if (demo) await stopDemo(demo)
  }, 30_000)

  for (const lang of ['en', 'ko'] as const) {
    it(`shows the demo's shots, drills into a bar and exports a PDF [${lang}]`, async () => {
      const text = TEXT[lang]
      await page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
      const started = Date.now()
      await page.goto(`${demo?.url}/projects/${projectId}/dashboard`)
      const status = page.getByTestId('dashboard-status')
      await status.locator('[data-rendered="true"]').waitFor()
      firstPaints[lang] = Date.now() - started
      await expect
        .poll(() => page.getByTestId('dashboard-status-totals').textContent())
        .toContain(text.totals(shotCount))
      await expect.poll(() => page.getByRole('tab', { name: text.tab }).getAttribute('aria-selected')).toBe('true')
      await page.getByTestId('dashboard-burnup').locator('[data-rendered="true"]').waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, `dashboard-${lang}.png`), fullPage: true })

      // Every task type has a task on every shot, so the middle of the first row is a bar.
      const box = await status.getByTestId('chart').boundingBox()
      if (!box) throw new Error('no chart box')
      await page.mouse.click(box.x + box.width * 0.55, box.y + 48)
      await page.waitForURL(/\/shots\?/)
      await expect.poll(() => page.getByTestId('drill-notice').textContent()).toContain(text.drill)
      await page.screenshot({ path: join(SCREENSHOTS, `dashboard-drill-${lang}.png`) })

      await page.goto(`${demo?.url}/projects/${projectId}/dashboard`)
      await page.getByTestId('dashboard-workload').locator('[data-rendered="true"]').waitFor()
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: text.export }).click(),
      ])
      const dir = mkdtempSync(join(tmpdir(), 'dashboard-pdf-'))
      const file = join(dir, 'dashboard.pdf')
      await download.saveAs(file)
      execFileSync('pdftoppm', ['-r', '40', '-png', file, join(dir, 'page')])
      const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'))
      expect(pages.length).toBeGreaterThanOrEqual(2)
      if (lang === 'ko')
        execFileSync('cp', [join(dir, pages.sort()[0] ?? ''), join(SCREENSHOTS, 'dashboard-pdf-ko.png')])
      expect(chromium?.pageErrors).toEqual([])
    }, 120_000)
  }
})
