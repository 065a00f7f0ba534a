// A production set up from nothing, in the browser only, in English and in Korean: an empty
// `aipipeline serve` (no demo data) offers to create its first admin on the sign-in page; the
// admin creates a project from a template, a user and makes them a project member, adds a
// status and a custom field, creates a sequence and shots from the shot table, registers a
// simulated ComfyUI backend and sees it online, sees the shots on the dashboard, and generates the weekly report, whose PDF
// pages are rendered with pdftoppm.
// Screenshots go to e2e/screenshots/fresh-studio-*.png.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Simulator, startSimulator } from '@aipipeline/comfyui'
import { Member, Project, ShotPage } from '@aipipeline/contracts'
import { launchChromium } from '@aipipeline/testing/chromium'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import dashboardsEn from '../apps/web/src/features/dashboards/i18n/en.json'
import dashboardsKo from '../apps/web/src/features/dashboards/i18n/ko.json'
import farmEn from '../apps/web/src/features/farm/i18n/en.json'
import farmKo from '../apps/web/src/features/farm/i18n/ko.json'
import farmSetupEn from '../apps/web/src/features/farm/setup/i18n/en.json'
import farmSetupKo from '../apps/web/src/features/farm/setup/i18n/ko.json'
import peopleEn from '../apps/web/src/features/people/i18n/en.json'
import peopleKo from '../apps/web/src/features/people/i18n/ko.json'
import setupEn from '../apps/web/src/features/projects/setup/i18n/en.json'
import setupKo from '../apps/web/src/features/projects/setup/i18n/ko.json'
import reportsEn from '../apps/web/src/features/reports/i18n/en.json'
import reportsKo from '../apps/web/src/features/reports/i18n/ko.json'
import appEn from '../apps/web/src/i18n/en.json'
import appKo from '../apps/web/src/i18n/ko.json'
import { browserTestsEnabled } from './support/chromium'
import { type DemoStudio, ensureWebBuild, SCREENSHOTS, startDemo, stopDemo } from './support/demo-studio'
import { type WatchedPage, watchedPage } from './support/watched-page'

const CATALOGS = {
  en: {
    app: appEn,
    people: peopleEn,
    setup: setupEn,
    farm: farmEn,
    farmSetup: farmSetupEn,
    reports: reportsEn,
    dashboards: dashboardsEn,
  },
  ko: {
    app: appKo,
    people: peopleKo,
    setup: setupKo,
    farm: farmKo,
    farmSetup: farmSetupKo,
    reports: reportsKo,
    dashboards: dashboardsKo,
  },
}

/** Renders every page of a PDF to PNG with pdftoppm and answers how many there were. */
function pdfPageCount(file: string): number {
  const out = mkdtempSync(join(tmpdir(), 'fresh-report-'))
  execFileSync('pdftoppm', ['-r', '40', '-png', file, join(out, 'page')])
  return readdirSync(out).filter((f) => f.endsWith('.png')).length
}
const ADMIN_PASSWORD = 'first admin secret'

describe.runIf(browserTestsEnabled('a fresh studio set up in Chromium'))('a fresh studio set up in Chromium', () => {
  let browser: Browser | undefined
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    ensureWebBuild()
    browser = await launchChromium()
  }, 240_000)
  afterAll(async () => {
    await browser?.close().catch(() => {})
  })

  for (const lang of ['en', 'ko'] as const) {
    it(`goes from an empty studio to a project with people, configuration and shots (${lang})`, async () => {
      const L = CATALOGS[lang]
      let studio: DemoStudio | undefined
      let watched: WatchedPage | undefined
      let sim: Simulator | undefined
      try {
        studio = await startDemo({}, undefined, 'serve')
        const url = studio.url
        if (!browser) throw new Error('no browser')
        watched = await watchedPage(browser, { lang, storeLanguage: true, height: 1000 })
        const page: Page = watched.page
        const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `fresh-studio-${name}-${lang}.png`) })

        // The first admin, from the sign-in page of the empty studio.
        await page.goto(`${url}/login`)
        await page.getByRole('heading', { name: L.app.firstRun.title }).waitFor()
        await page.getByLabel(L.app.firstRun.name).fill('Mina Park')
        await page.getByRole('textbox', { name: L.app.login.email }).fill(`mina-${lang}@studio.test`)
        await page.getByLabel(L.app.login.password, { exact: true }).fill(ADMIN_PASSWORD)
        await page.getByLabel(L.app.firstRun.confirm).fill(ADMIN_PASSWORD)
        await shot('first-admin')
        await page.getByRole('button', { name: L.app.firstRun.submit }).click()
        await expect.poll(() => new URL(page.url()).pathname).toBe('/projects')
        const token = await signIn(url, `mina-${lang}@studio.test`, ADMIN_PASSWORD)
        const get = async (path: string): Promise<unknown> => {
          const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })
          if (!r.ok) throw new Error(`GET ${path}: ${r.status}`)
          return r.json()
        }

        // A project from the film template (the dialog's default).
        await page.getByRole('button', { name: L.setup.create.open }).click()
        const dialog = page.getByRole('dialog')
        await dialog.getByRole('textbox', { name: L.setup.create.code, exact: true }).fill(`FRESH${lang.toUpperCase()}`)
        await dialog.getByRole('textbox', { name: L.setup.create.name, exact: true }).fill(`Lighthouse ${lang}`)
        await dialog.getByRole('button', { name: L.setup.create.submit }).click()
        await page.waitForURL(/\/projects\/[^/]+\/shots$/)
        const projectId = page.url().split('/projects/')[1]?.split('/')[0] ?? ''

        // A user, made a member of the project as an artist.
        await page.getByRole('navigation').getByRole('link', { name: L.app.nav.users }).click()
        await page.getByRole('button', { name: L.people.users.create }).click()
        const form = page.getByRole('dialog')
        await form.getByLabel(L.people.form.displayName).fill('Jiwoo Han')
        await form.getByLabel(L.people.form.email).fill(`jiwoo-${lang}@studio.test`)
        await form.locator('input[type=password]').fill('artist secret 1')
        await form.getByRole('button', { name: L.people.form.submitCreate }).click()
        await page.getByTestId(`user-row-jiwoo-${lang}@studio.test`).waitFor()
        await page.goto(`${url}/projects/${projectId}/settings`)
        await page.getByRole('tab', { name: L.people.members.tab }).click()
        await page.getByTestId('members-table').waitFor()
        await page.getByLabel(L.people.members.userPicker, { exact: true }).first().click()
        await page.getByRole('option', { name: /Jiwoo Han/ }).click()
        await page.getByRole('button', { name: L.people.members.add }).click()
        await page.getByTestId(`member-row-jiwoo-${lang}@studio.test`).waitFor()
        const members = z.object({ items: z.array(Member) }).parse(await get(`/api/projects/${projectId}/members`))
        expect(members.items.map((m) => m.email)).toContain(`jiwoo-${lang}@studio.test`)
        await shot('members')

        // A status and a custom field.
        await page.getByRole('tab', { name: L.setup.tabs.statuses }).click()
        await page.getByRole('button', { name: L.setup.statuses.add }).click()
        const status = page.getByRole('dialog')
        await status.getByRole('textbox', { name: L.setup.common.name, exact: true }).fill('On hold')
        await status.getByRole('textbox', { name: L.setup.common.shortName }).fill('hld')
        await status.getByRole('button', { name: L.setup.common.save }).click()
        await page.getByTestId('row-On hold').waitFor()
        await page.getByRole('tab', { name: L.setup.tabs.customFields }).click()
        await page.getByRole('button', { name: L.setup.fields.add }).click()
        const field = page.getByRole('dialog')
        await field.getByRole('textbox', { name: L.setup.common.name, exact: true }).fill('Lens')
        await field.getByRole('button', { name: L.setup.common.save }).click()
        await page.getByTestId('row-Lens').waitFor()
        const configured = Project.parse(await get(`/api/projects/${projectId}`))
        expect(configured.statuses.map((s) => s.name)).toContain('On hold')
        expect(configured.customFields.map((f) => f.name)).toContain('Lens')

        // A sequence and shots from the shot table.
        await page.goto(`${url}/projects/${projectId}/shots`)
        const sequenceLabel = L.setup.breakdown.levels.sequence
        await page
          .getByRole('button', { name: L.setup.breakdown.newSequence.replace('{{level}}', sequenceLabel) })
          .click()
        await page.getByRole('dialog').getByRole('button', { name: L.setup.breakdown.create }).click()
        await page.getByRole('dialog').waitFor({ state: 'detached' })
        await page.getByRole('button', { name: L.setup.breakdown.newShots }).click()
        await page.getByRole('dialog').getByRole('button', { name: L.setup.breakdown.create }).click()
        await page.getByRole('dialog').waitFor({ state: 'detached' })
        await expect
          .poll(async () => ShotPage.parse(await get(`/api/projects/${projectId}/shots`)).items.length)
          .toBeGreaterThan(0)
        await page.waitForTimeout(600)
        await shot('shots')
        const shotCount = ShotPage.parse(await get(`/api/projects/${projectId}/shots`)).items.length

        // The project dashboard counts the new shots.
        await page.getByRole('tab', { name: L.dashboards.tab }).click()
        await page.getByTestId('dashboard-status').locator('[data-rendered="true"]').waitFor()
        await expect
          .poll(() => page.getByTestId('dashboard-status-totals').textContent())
          .toContain(L.dashboards.totals.replace('{{shots}}', String(shotCount)).split('{{')[0] ?? '')
        await shot('dashboard')

        // A simulated ComfyUI backend, tested and registered on the Farm page, online.
        sim = await startSimulator({ port: 0, name: `fresh-gpu-${lang}`, vramGb: 24, timeScale: 1 })
        await page.getByRole('navigation').getByRole('link', { name: L.app.nav.farm }).click()
        await page.getByRole('button', { name: L.farmSetup.actions.add, exact: true }).click()
        const backend = page.getByRole('dialog')
        await backend.getByRole('textbox', { name: L.farmSetup.form.name }).fill(sim.name)
        await backend.getByRole('textbox', { name: L.farmSetup.form.url }).fill(sim.url)
        await backend.getByRole('button', { name: L.farmSetup.form.test }).click()
        await backend.getByText(L.farmSetup.test.ok).waitFor()
        await backend.getByRole('button', { name: L.farmSetup.form.add, exact: true }).click()
        const card = page.getByTestId('backend-card').filter({ hasText: sim.name })
        await card
          .getByTestId('backend-state')
          .filter({ hasText: L.farm.backendState.online })
          .waitFor({ timeout: 30_000 })
        await shot('backend')

        // The weekly report, generated from the Reports tab; its PDF has pages.
        await page.goto(`${url}/projects/${projectId}/shots`)
        await page.getByRole('tab', { name: L.reports.tab }).click()
        await page.getByTestId('reports-page').waitFor()
        await page.getByTestId('report-generate').click()
        const row = page.getByTestId('report-row').first()
        await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('ready')
        const download = page.waitForEvent('download')
        await row.getByTestId('report-download').click()
        const file = join(mkdtempSync(join(tmpdir(), 'fresh-pdf-')), 'weekly.pdf')
        await (await download).saveAs(file)
        expect(pdfPageCount(file)).toBeGreaterThanOrEqual(1)
        await shot('reports')
        expect(watched.problems).toEqual([])
      } finally {
        await watched?.close().catch(() => {})
        await sim?.close().catch(() => {})
        await stopDemo(studio)
      }
    }, 240_000)
  }
})

async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return z.object({ accessToken: z.string() }).parse(await res.json()).accessToken
}
