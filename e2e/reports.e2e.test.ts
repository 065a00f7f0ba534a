// Reports in Chromium, in English and Korean: a manager generates a weekly report from the
// project's Reports tab, watches it finish, opens its HTML and downloads its PDF, whose pages
// are rendered with pdftoppm (and whose Korean text is really there). The shot page's activity
// reads as sentences with names and links. No page meets a refusal or logs an error.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Project, ShotPage } from '@aipipeline/contracts'
import { launchChromium } from '@aipipeline/testing/chromium'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { browserTestsEnabled } from './support/chromium'
import { type DemoStudio, ensureWebBuild, SCREENSHOTS, startDemo, stopDemo } from './support/demo-studio'
import { type WatchedPage, watchedPage } from './support/watched-page'

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/login`)
  await page.locator('input[type="email"], input[autocomplete="username"]').first().fill('admin@demo.local')
  await page.locator('input[type="password"]').first().fill('demo')
  await page.locator('button[type="submit"]').click()
  await page.getByRole('navigation').waitFor()
}

/** Renders every page of the PDF to PNG and answers how many there were, and its text. */
function pdfPages(file: string): { rendered: number; text: string } {
  const out = mkdtempSync(join(tmpdir(), 'report-pages-'))
  execFileSync('pdftoppm', ['-r', '40', '-png', file, join(out, 'page')])
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  return { rendered: readdirSync(out).filter((f) => f.endsWith('.png')).length, text }
}

describe.runIf(browserTestsEnabled('reports in Chromium'))('reports: generate, view, download (EN and KO)', () => {
  let demo: DemoStudio | undefined
  let browser: Browser | undefined
  const pages: WatchedPage[] = []
  let projectId = ''
  let shotId = ''
  let shotCode = ''

  const studio = (): DemoStudio => {
    if (!demo) throw new Error('demo did not start')
    return demo
  }

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    const login = await fetch(`${demo.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.local', password: 'demo' }),
    })
    const token = z.object({ accessToken: z.string() }).parse(await login.json()).accessToken
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${studio().url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      expect(res.status).toBeLessThan(300)
      return res.json()
    }
    const projects = z.object({ items: z.array(z.object({ id: z.string() })) }).parse(await api('GET', '/api/projects'))
    projectId = projects.items[0]?.id ?? ''
    const project = Project.parse(await api('GET', `/api/projects/${projectId}`))
    const shot = ShotPage.parse(await api('GET', `/api/projects/${projectId}/shots`)).items[0]
    const task = shot?.tasks[0]
    const retake = project.statuses.find((s) => s.isRetake)
    if (!shot || !task || !retake) throw new Error('demo project without a shot, task or retake status')
    shotId = shot.id
    shotCode = shot.code
    await api('POST', `/api/tasks/${task.id}/comments`, { text: 'softer key', statusId: retake.id })
    browser = await launchChromium()
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => {})
    await browser?.close().catch(() => {})
    await stopDemo(demo)
  }, 30_000)

  for (const lang of ['en', 'ko'] as const) {
    const words =
      lang === 'en'
        ? { tab: 'Reports', weekly: 'Weekly report', generate: 'Generate now', title: 'Weekly report' }
        : { tab: '리포트', weekly: '주간 리포트', generate: '지금 생성', title: '주간 리포트' }

    it(`generates a weekly report from the UI, opens its HTML and downloads a PDF whose pages render (${lang})`, async () => {
      if (!browser) throw new Error('no browser')
      const watched = await watchedPage(browser, { lang, storeLanguage: true, height: 1000 })
      pages.push(watched)
      const { page } = watched
      await signIn(page, studio().url)
      await page.goto(`${studio().url}/projects/${projectId}/shots`)
      await page.getByRole('tab', { name: words.tab }).click()
      await page.getByTestId('reports-page').waitFor()
      await page.getByTestId('report-language').click()
      await page.getByRole('option', { name: lang === 'en' ? 'English' : '한국어' }).click()
      await page.getByTestId('report-generate').click()
      const row = page.getByTestId('report-row').first()
      await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('ready')
      await page.screenshot({ path: join(SCREENSHOTS, `reports-list-${lang}.png`) })

      await row.getByTestId('report-view').click()
      const frame = page.frameLocator('[data-testid="report-frame"]')
      await frame.getByRole('heading', { level: 1 }).waitFor()
      expect(await frame.getByRole('heading', { level: 1 }).textContent()).toContain(words.title)
      const changes = await frame.locator('[data-testid="report-changes"] li').allTextContents()
      expect(changes.some((c) => c.includes(shotCode) && c.includes('softer key'))).toBe(true)
      await page.screenshot({ path: join(SCREENSHOTS, `reports-html-${lang}.png`) })
      await page.keyboard.press('Escape')

      const download = page.waitForEvent('download')
      await row.getByTestId('report-download').click()
      const file = join(mkdtempSync(join(tmpdir(), 'report-pdf-')), 'weekly.pdf')
      await (await download).saveAs(file)
      const pdf = pdfPages(file)
      expect(pdf.rendered).toBeGreaterThanOrEqual(1)
      expect(pdf.text).toContain(words.title)
      expect(pdf.text).toContain(shotCode)
      expect(watched.problems).toEqual([])
    }, 120_000)
  }

  it('shows the shot activity as sentences with names and links (en and ko)', async () => {
    if (!browser) throw new Error('no browser')
    for (const lang of ['en', 'ko'] as const) {
      const watched = await watchedPage(browser, { lang, storeLanguage: true })
      pages.push(watched)
      const { page } = watched
      await signIn(page, studio().url)
      await page.goto(`${studio().url}/projects/${projectId}/shots/${shotId}`)
      await page.getByRole('tab', { name: lang === 'en' ? 'Activity' : '활동' }).click()
      const entry = page.getByTestId('activity-entry').first()
      await entry.waitFor()
      const text = (await entry.textContent()) ?? ''
      expect(text).toContain(
        lang === 'en' ? " to Retake: 'softer key'" : "상태를 리테이크로 변경했습니다: 'softer key'",
      )
      expect(text).not.toMatch(/task:status-changed/)
      expect(await entry.getByTestId('activity-link').first().getAttribute('href')).toBe(
        `/projects/${projectId}/shots/${shotId}`,
      )
      await page.screenshot({ path: join(SCREENSHOTS, `activity-sentences-${lang}.png`) })
      expect(watched.problems).toEqual([])
    }
  }, 120_000)
})
