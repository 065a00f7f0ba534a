// People in the UI, in Chromium: an admin invites a user and copies the one-time link; the
// invitee opens it in another browser (in Korean), sets a password and is signed in; the admin
// adds them to a project as an artist; the new user changes their password from the Account
// page. No page in either browser answers with a 4xx or logs an error. Screenshots in English
// and Korean go to e2e/screenshots/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Member, UserSummary } from '@aipipeline/contracts'
import { launchChromium } from '@aipipeline/testing/chromium'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { browserTestsEnabled } from './support/chromium'
import {
  type DemoStudio,
  ensureWebBuild,
  SCREENSHOTS,
  signInAsDemoUser,
  startDemo,
  stopDemo,
} from './support/demo-studio'
import { type WatchedPage, watchedPage } from './support/watched-page'

const INVITEE = { name: 'Jiwoo Han', email: 'jiwoo@demo.local' }
const FIRST_PASSWORD = 'lighthouse 1'
const SECOND_PASSWORD = 'lighthouse 2'

describe.runIf(browserTestsEnabled('people in Chromium'))('people: invite, join a project, change password', () => {
  let demo: DemoStudio | undefined
  let browser: Browser | undefined
  let admin: WatchedPage | undefined
  let invitee: WatchedPage | undefined
  let adminToken = ''
  let projectId = ''
  let link = ''

  const studio = (): DemoStudio => {
    if (!demo) throw new Error('demo did not start')
    return demo
  }
  async function api(path: string): Promise<unknown> {
    const res = await fetch(`${studio().url}${path}`, { headers: { authorization: `Bearer ${adminToken}` } })
    expect(res.status).toBe(200)
    return res.json()
  }

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    const login = await fetch(`${demo.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.local', password: 'demo' }),
    })
    adminToken = z.object({ accessToken: z.string() }).parse(await login.json()).accessToken
    const projects = z.object({ items: z.array(z.object({ id: z.string() })) }).parse(await api('/api/projects'))
    projectId = projects.items[0]?.id ?? ''
    browser = await launchChromium()
    // Tall enough for the Members tab with its departments (a full-page shot repeats the fixed header).
    admin = await watchedPage(browser, { lang: 'en', storeLanguage: true, height: 1300 })
    invitee = await watchedPage(browser, { lang: 'ko', storeLanguage: true, height: 860 })
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await admin?.close().catch(() => {})
    await invitee?.close().catch(() => {})
    await browser?.close().catch(() => {})
    await stopDemo(demo)
  }, 30_000)

  it('lets an admin invite a user and copy a one-time link', async () => {
    if (!admin) throw new Error('no browser')
    const { page } = admin
    await signInAsDemoUser(page, studio().url)
    await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click()
    await page.getByTestId('users-table').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'people-users-en.png') })

    await page.getByRole('button', { name: 'Invite user' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Name').fill(INVITEE.name)
    await dialog.getByLabel('Email').fill(INVITEE.email)
    await dialog.getByRole('button', { name: 'Create invitation' }).click()
    link = await page.getByTestId('account-link-url').inputValue()
    expect(link).toMatch(new RegExp(`^${studio().url}/account-link#token=[\\w-]{20,}$`))
    // Let the form's closing and the link dialog's opening transitions finish.
    await page.getByRole('dialog', { name: `Invitation link for ${INVITEE.name}` }).waitFor()
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(SCREENSHOTS, 'people-invite-link-en.png') })
    await page.getByRole('button', { name: 'Done' }).click()
    await expect
      .poll(() => page.getByTestId(`user-row-${INVITEE.email}`).getByTestId('user-status').textContent())
      .toBe('Invited')
    expect(admin.problems).toEqual([])
  }, 90_000)

  it('lets the invitee open the link in another browser, set a password and land signed in (Korean)', async () => {
    if (!invitee) throw new Error('no browser')
    const { page } = invitee
    await page.goto(link)
    await page.getByText(`${INVITEE.name}님`).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'people-accept-invite-ko.png') })
    // Too short first: the rule is shown in Korean and nothing is sent.
    await page.getByLabel('새 비밀번호').fill('short')
    await page.getByLabel('비밀번호 다시 입력').fill('short')
    await page.getByRole('button', { name: '비밀번호 정하고 로그인' }).click()
    await page.getByText('8자 이상 입력하세요.').waitFor()
    await page.getByLabel('새 비밀번호').fill(FIRST_PASSWORD)
    await page.getByLabel('비밀번호 다시 입력').fill(FIRST_PASSWORD)
    await page.getByRole('button', { name: '비밀번호 정하고 로그인' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/projects')
    expect(await page.getByTestId('user-name').textContent()).toBe(INVITEE.name)
    // The link is spent.
    const again = await fetch(`${studio().url}/api/auth/account-links/inspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: new URL(link).hash.replace('#token=', '') }),
    })
    expect(again.status).toBe(410)
    const users = z.object({ items: z.array(UserSummary) }).parse(await api('/api/users'))
    expect(users.items.find((u) => u.email === INVITEE.email)?.status).toBe('active')
    expect(invitee.problems).toEqual([])
  }, 90_000)

  it('lets the admin add the new user to a project as an artist from the Members tab', async () => {
    if (!admin) throw new Error('no browser')
    const { page } = admin
    await page.goto(`${studio().url}/projects/${projectId}/settings`)
    await page.getByRole('tab', { name: 'Members' }).click()
    await page.getByTestId('members-table').waitFor()
    await page.getByLabel('Person', { exact: true }).first().click()
    await page.getByRole('option', { name: new RegExp(INVITEE.name) }).click()
    await page.getByRole('button', { name: 'Add member' }).click()
    const row = page.getByTestId(`member-row-${INVITEE.email}`)
    await row.waitFor()
    await row.getByLabel(`Project role of ${INVITEE.name}`).click()
    await page.getByRole('option', { name: 'Artist', exact: true }).click()
    const memberOf = async () =>
      z
        .object({ items: z.array(Member) })
        .parse(await api(`/api/projects/${projectId}/members`))
        .items.find((m) => m.email === INVITEE.email)
    await expect.poll(async () => (await memberOf())?.projectRole).toBe('artist')
    // A new department, renamed; the invitee is put in it from their row.
    await page.getByLabel('New department').fill('Lighting')
    await page.getByRole('button', { name: 'Add department' }).click()
    const departments = page.getByTestId('departments-table')
    await departments.getByText('Lighting', { exact: true }).waitFor()
    await departments.getByRole('row').filter({ hasText: 'Lighting' }).getByRole('button', { name: 'Rename' }).click()
    await page.getByLabel('New name for Lighting').fill('Light & Lens')
    await page.getByLabel('New name for Lighting').press('Enter')
    await departments.getByText('Light & Lens', { exact: true }).waitFor()
    const tags = row.getByLabel(`Departments of ${INVITEE.name}`)
    await tags.fill('Light & Lens')
    await tags.press('Enter')
    await expect.poll(async () => (await memberOf())?.departments).toEqual(['Light & Lens'])
    await expect.poll(() => tags.isDisabled()).toBe(false)
    await departments.getByRole('row').filter({ hasText: 'Light & Lens' }).getByText('1 member').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'people-members-en.png') })

    // The last manager cannot be removed; the refusal is a translated sentence.
    const members = z.object({ items: z.array(Member) }).parse(await api(`/api/projects/${projectId}/members`)).items
    const managers = members.filter((m) => m.role === 'manager' || m.role === 'admin')
    if (managers.length === 1 && managers[0]) {
      await page.getByRole('button', { name: `Remove ${managers[0].displayName} from the project` }).click()
      await page.getByText('A project needs at least one manager.', { exact: false }).waitFor()
    }
    expect(admin.problems.filter((p) => !p.startsWith('422 '))).toEqual([])
  }, 90_000)

  it('lets the new user change their password from the Account page (Korean), and sign in with it', async () => {
    if (!invitee) throw new Error('no browser')
    const { page } = invitee
    await page.goto(`${studio().url}/projects`)
    await page.getByTestId('user-name').waitFor()
    await page.getByRole('button', { name: '계정 메뉴' }).click()
    await page.getByRole('menuitem', { name: '계정' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account')
    await page.getByLabel('현재 비밀번호').fill(FIRST_PASSWORD)
    await page.getByLabel('새 비밀번호', { exact: true }).fill(SECOND_PASSWORD)
    await page.getByLabel('새 비밀번호 다시 입력').fill(SECOND_PASSWORD)
    await page.getByRole('button', { name: '비밀번호 변경' }).click()
    const outcome = page.locator('[data-testid="password-changed"], [role="alert"]').first()
    await outcome.waitFor()
    expect(await outcome.textContent()).toBe('비밀번호가 바뀌었습니다. 다른 기기는 로그아웃되었습니다.')
    await page.screenshot({ path: join(SCREENSHOTS, 'people-account-ko.png'), fullPage: true })
    // Still signed in here after the change, with live updates back on.
    await page.goto(`${studio().url}/projects`)
    expect(await page.getByTestId('user-name').textContent()).toBe(INVITEE.name)

    const signIn = (password: string) =>
      fetch(`${studio().url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: INVITEE.email, password }),
      })
    expect((await signIn(FIRST_PASSWORD)).status).toBe(401)
    expect((await signIn(SECOND_PASSWORD)).status).toBe(200)
    expect(invitee.problems).toEqual([])
  }, 90_000)

  it('shows the users page and the members tab in Korean', async () => {
    if (!admin) throw new Error('no browser')
    const { page } = admin
    await page.evaluate(() => localStorage.setItem('aipipeline.locale', 'ko'))
    await page.goto(`${studio().url}/users`)
    await page.getByRole('button', { name: '사용자 초대' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'people-users-ko.png') })
    await page.goto(`${studio().url}/projects/${projectId}/settings`)
    await page.getByRole('tab', { name: '멤버' }).click()
    await page.getByTestId('members-table').waitFor()
    await page.getByTestId('departments-table').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'people-members-ko.png') })
    await page.evaluate(() => localStorage.setItem('aipipeline.locale', 'en'))
  }, 60_000)
})
