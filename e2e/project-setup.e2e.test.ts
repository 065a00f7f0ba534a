// Setting a project up in the browser, in English and in Korean, against `aipipeline demo`: a
// manager creates a project from the film template, adds a status with a colour and flags and a
// custom field, creates a sequence and three shots from the shot table, and sees the naming
// convention's preview of a real shot's folders and the reverse parser's reading of a path,
// then archives the project (read-only, hidden from the list) and brings it back.
// Screenshots go to e2e/screenshots/project-setup-*.png.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Project, ShotPage } from '@aipipeline/contracts'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import en from '../apps/web/src/features/projects/setup/i18n/en.json'
import ko from '../apps/web/src/features/projects/setup/i18n/ko.json'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'
import {
  type DemoStudio,
  ensureWebBuild,
  SCREENSHOTS,
  signInAsDemoUser,
  startDemo,
  stopDemo,
} from './support/demo-studio'

type Labels = typeof en

async function apiAs(url: string, email: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  })
  const { accessToken } = z.object({ accessToken: z.string() }).parse(await res.json())
  return async (path: string): Promise<unknown> => {
    const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${accessToken}` } })
    if (!r.ok) throw new Error(`GET ${path}: ${r.status}`)
    return r.json()
  }
}

describe.runIf(browserTestsEnabled('project setup in Chromium'))('project setup in Chromium', () => {
  let studio: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let get: (path: string) => Promise<unknown>
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `project-setup-${name}.png`) })

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    ensureWebBuild()
    studio = await startDemo()
    chromium = await openBrowserPage({ timeoutMs: 20_000 })
    page = chromium.page
    await signInAsDemoUser(page, studio.url, 'manager@demo.local')
    get = await apiAs(studio.url, 'manager@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    await stopDemo(studio)
  })

  async function pick(label: string, option: string) {
    await page.getByLabel(label, { exact: true }).and(page.locator('input')).first().click()
    await page.getByRole('option', { name: option, exact: true }).click()
  }

  async function setUp(lang: 'en' | 'ko', L: Labels, code: string) {
    const url = studio?.url ?? ''
    await page.evaluate((v) => localStorage.setItem('aipipeline.locale', v), lang)
    await page.goto(`${url}/projects`)

    // Create from the film template (the dialog's default source).
    await page.getByRole('button', { name: L.create.open }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox', { name: L.create.code, exact: true }).fill(code)
    await dialog.getByRole('textbox', { name: L.create.name, exact: true }).fill(`Neon ${lang}`)
    await shot(`create-${lang}`)
    await dialog.getByRole('button', { name: L.create.submit }).click()
    await page.waitForURL(/\/projects\/[^/]+\/shots$/)
    const projectId = page.url().split('/projects/')[1]?.split('/')[0] ?? ''
    const created = Project.parse(await get(`/api/projects/${projectId}`))
    expect(created.taskTypes.map((t) => t.name)).toEqual(['Layout', 'Keyframe', 'Animation', 'Lighting', 'Comp'])
    expect(created.fps).toBe(24)
    expect(created.startFrame).toBe(1001)

    // A sequence and three shots from the shot table.
    await page
      .getByRole('button', { name: L.breakdown.newSequence.replace('{{level}}', L.breakdown.levels.sequence) })
      .click()
    await expect.poll(() => page.getByRole('textbox', { name: L.breakdown.code }).inputValue()).toBe('SQ010')
    await page.getByRole('dialog').getByRole('button', { name: L.breakdown.create }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page.getByRole('button', { name: L.breakdown.newShots }).click()
    await expect.poll(() => page.getByTestId('new-shot-codes').textContent()).toContain('SH0010, SH0020, SH0030')
    await shot(`new-shots-${lang}`)
    await page.getByRole('dialog').getByRole('button', { name: L.breakdown.create }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await expect
      .poll(async () => ShotPage.parse(await get(`/api/projects/${projectId}/shots`)).items.map((s) => s.code))
      .toEqual(['SH0010', 'SH0020', 'SH0030'])
    await page.waitForTimeout(800)
    await shot(`table-${lang}`)

    // A status with a colour and flags.
    await page.goto(`${url}/projects/${projectId}/settings`)
    await page.getByRole('tab', { name: L.tabs.statuses }).click()
    await page.getByRole('button', { name: L.statuses.add }).click()
    const status = page.getByRole('dialog')
    await status.getByRole('textbox', { name: L.common.name, exact: true }).fill('On hold')
    await status.getByRole('textbox', { name: L.common.shortName }).fill('hld')
    await status.getByRole('textbox', { name: L.common.colour }).fill('#12a4b6')
    await status.getByRole('checkbox', { name: L.statuses.isRetake }).check()
    await status.getByRole('checkbox', { name: L.statuses.clientAllowed }).check()
    await shot(`status-${lang}`)
    await status.getByRole('button', { name: L.common.save }).click()
    await page.getByTestId('row-On hold').waitFor()
    const withStatus = Project.parse(await get(`/api/projects/${projectId}`))
    expect(withStatus.statuses.find((s) => s.name === 'On hold')).toMatchObject({
      color: '#12a4b6',
      isRetake: true,
      clientAllowed: true,
      isDefault: false,
    })
    await page.getByRole('button', { name: `${L.common.moveUp} On hold` }).click()
    await expect
      .poll(async () => Project.parse(await get(`/api/projects/${projectId}`)).statuses.map((s) => s.shortName))
      .toEqual(['pnd', 'wip', 'rev', 'apr', 'rtk', 'hld', 'fin'])
    // Dragging its handle onto the WIP row puts it in WIP's place.
    const handle = page.getByTestId('row-On hold').getByRole('button', { name: L.common.dragHint })
    const from = await handle.boundingBox()
    const to = await page.getByTestId(`row-${lang === 'en' ? 'WIP' : '작업 중'}`).boundingBox()
    if (!from || !to) throw new Error('rows not laid out')
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + 10, from.y - 10, { steps: 4 })
    await page.mouse.move(to.x + 40, to.y + to.height / 2, { steps: 12 })
    await page.mouse.up()
    await expect
      .poll(async () => Project.parse(await get(`/api/projects/${projectId}`)).statuses.map((s) => s.shortName))
      .toEqual(['pnd', 'hld', 'wip', 'rev', 'apr', 'rtk', 'fin'])
    await shot(`statuses-${lang}`)

    // Deleting the default status is refused with the rule, translated.
    const defaultName = withStatus.statuses.find((s) => s.isDefault)?.name ?? ''
    await page.getByRole('button', { name: `${L.common.delete} ${lang === 'en' ? defaultName : '대기'}` }).click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain(lang === 'en' ? 'default status' : '기본 상태')

    // A custom field.
    await page.getByRole('tab', { name: L.tabs.customFields }).click()
    await page.getByRole('button', { name: L.fields.add }).click()
    const field = page.getByRole('dialog')
    await field.getByRole('textbox', { name: L.common.name, exact: true }).fill('Camera move')
    await pick(L.fields.type, L.fields.types.list)
    await field.getByLabel(L.fields.choices, { exact: true }).first().fill('Dolly')
    await page.keyboard.press('Enter')
    await field.getByLabel(L.fields.choices, { exact: true }).first().fill('Crane')
    await page.keyboard.press('Enter')
    await shot(`field-${lang}`)
    await field.getByRole('button', { name: L.common.save }).click()
    await page.getByTestId('row-Camera move').waitFor()
    const withField = Project.parse(await get(`/api/projects/${projectId}`))
    expect(withField.customFields.find((f) => f.key === 'camera_move')).toMatchObject({
      type: 'list',
      choices: ['Dolly', 'Crane'],
    })

    // The naming preview of a real shot, and the reverse parser.
    await page.getByRole('tab', { name: L.tabs.naming }).click()
    const preview = page.getByTestId('naming-preview')
    await expect.poll(() => preview.textContent()).toContain(`${code}/SQ010/SH0010/Layout/v001`)
    await pick(L.naming.previewShot, 'SH0030')
    await pick(L.naming.previewTask, 'Comp')
    await expect.poll(() => preview.textContent()).toContain(`${code}/SQ010/SH0030/Comp/v001`)
    await page.getByRole('textbox', { name: L.naming.parsePath }).fill(`${code}/SQ010/SH0020/Lighting/v007`)
    await expect.poll(() => page.getByTestId('naming-parse').textContent()).toContain('version = 7')
    await shot(`naming-${lang}`)

    // Archive: read-only with a banner, hidden from the default list; then back again.
    await page.getByRole('tab', { name: L.tabs.general }).click()
    await page.getByRole('button', { name: L.archive.archive }).click()
    await page.getByRole('dialog').getByRole('button', { name: L.archive.archive }).click()
    await page.getByTestId('project-archived').waitFor()
    await page.getByRole('button', { name: L.archive.unarchive }).waitFor()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await shot(`archived-${lang}`)
    await page.goto(`${url}/projects`)
    await page.getByRole('button', { name: L.create.open }).waitFor()
    expect(await page.getByRole('link', { name: `Neon ${lang}` }).count()).toBe(0)
    await page.getByRole('switch', { name: L.list.showArchived }).check({ force: true })
    await page.getByRole('link', { name: `Neon ${lang}` }).click()
    await page.getByRole('tab', { name: lang === 'en' ? 'Settings' : '설정' }).click()
    await page.getByRole('button', { name: L.archive.unarchive }).click()
    await page.getByTestId('project-archived').waitFor({ state: 'detached' })
  }

  it('lets a manager set a project up in English', async () => {
    await setUp('en', en, 'NEONEN')
    expect(chromium?.pageErrors).toEqual([])
  }, 240_000)

  it('lets a manager set a project up in Korean', async () => {
    await setUp('ko', ko, 'NEONKO')
    expect(await page.locator('html').getAttribute('lang')).toBe('ko')
    expect(chromium?.pageErrors).toEqual([])
  }, 240_000)
})
