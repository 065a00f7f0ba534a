// A role change or a closed account reaches an open browser at once: the server drops the
// user's socket, the web app refreshes the session and shows the new role's pages, or the
// sign-in page when the account was deactivated; never the server's raw refusal text.
import { join } from 'node:path'
import { Session, User } from '@aipipeline/contracts'
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

const RAW_SERVER_TEXT = /session ended|may not|unauthenticated|forbidden/i

describe.runIf(browserTestsEnabled('session change in Chromium'))('a session changed by an admin, in Chromium', () => {
  let studio: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let adminToken = ''
  let managerId = ''

  async function asAdmin(method: 'GET' | 'PATCH', path: string, body?: unknown): Promise<unknown> {
    if (!studio) throw new Error('studio did not start')
    const res = await fetch(`${studio.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    expect(res.status).toBe(200)
    return res.json()
  }

  beforeAll(async () => {
    ensureWebBuild()
    studio = await startDemo()
    chromium = await openBrowserPage({ viewport: { width: 1280, height: 800 } })
    page = chromium.page
    const login = await fetch(`${studio.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.local', password: 'demo' }),
    })
    adminToken = Session.parse(await login.json()).accessToken
    const users = z.object({ items: z.array(User) }).parse(await asAdmin('GET', '/api/users'))
    managerId = users.items.find((u) => u.email === 'manager@demo.local')?.id ?? ''
    expect(managerId).not.toBe('')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (studio) await stopDemo(studio)
  }, 30_000)

  it('moves a demoted manager to the projects page with the new role, without a refusal on screen', async () => {
    if (!studio) throw new Error('studio did not start')
    await signInAsDemoUser(page, studio.url, 'manager@demo.local')
    await page.goto(`${studio.url}/settings`)
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('Manager')

    await asAdmin('PATCH', `/api/users/${managerId}`, { role: 'client' })

    await expect.poll(() => page.getByTestId('user-role').textContent(), { timeout: 20_000 }).toBe('Client')
    await expect.poll(() => new URL(page.url()).pathname).toBe('/projects')
    // Live updates resume under the new role's token.
    await expect
      .poll(() => page.locator('[role="status"][data-status]').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('connected')
    expect(await page.locator('body').textContent()).not.toMatch(RAW_SERVER_TEXT)
    await page.screenshot({ path: join(SCREENSHOTS, 'session-role-changed.png') })
  })

  it('sends a deactivated user to the sign-in page saying the session ended', async () => {
    await asAdmin('PATCH', `/api/users/${managerId}`, { active: false })
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).toBe('/login')
    await page.getByText('Your session has ended. Sign in again.').waitFor()
    expect(await page.locator('body').textContent()).not.toMatch(RAW_SERVER_TEXT)
  })
})
