// What each role is shown follows what the server lets it do: a client sees no generation
// detail and no farm, an artist may steer only their own render jobs, a manager turns the
// project's client setting on and off, and no page a role is offered answers with a 4xx or logs
// an error. Screenshots in English and Korean go to e2e/screenshots/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { textToImagePrompt } from '@aipipeline/comfyui'
import { launchChromium } from '@aipipeline/testing/chromium'
import type { Browser, Page } from 'playwright-core'
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
import { watchedPage } from './support/watched-page'

const ROLES = ['admin', 'manager', 'supervisor', 'artist', 'client', 'vendor'] as const
type DemoRole = (typeof ROLES)[number]
const RAW_SERVER_TEXT = /may not|forbidden|not found|unauthenticated/i

async function signIn(demo: DemoStudio, role: DemoRole): Promise<string> {
  const res = await fetch(`${demo.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${role}@demo.local`, password: 'demo' }),
  })
  return z.object({ accessToken: z.string() }).parse(await res.json()).accessToken
}

async function call(demo: DemoStudio, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${demo.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
  return JSON.parse(text)
}

/** A render job that stays active for the whole test: many steps on the simulated backends. */
async function submitLongJob(demo: DemoStudio, token: string, name: string): Promise<string> {
  const job = await call(demo, token, 'POST', '/api/farm/jobs', {
    source: { kind: 'api', prompt: textToImagePrompt({ steps: 3000 }) },
    name,
  })
  return z.object({ id: z.string() }).parse(job).id
}

describe.runIf(browserTestsEnabled('access UI in Chromium'))('what each role is shown, in Chromium', () => {
  let demo: DemoStudio | undefined
  let browser: Browser | undefined
  let projectId = ''
  let shotWithVersion = ''
  let managerJob = ''
  let artistJob = ''
  const tokens = new Map<DemoRole, string>()

  const studio = (): DemoStudio => {
    if (!demo) throw new Error('demo did not start')
    return demo
  }
  const chromium = (): Browser => {
    if (!browser) throw new Error('browser did not start')
    return browser
  }

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    for (const role of ROLES) tokens.set(role, await signIn(demo, role))
    const manager = tokens.get('manager') ?? ''
    const projects = z.object({ items: z.array(z.object({ id: z.string() })) })
    projectId = projects.parse(await call(demo, manager, 'GET', '/api/projects')).items[0]?.id ?? ''
    const shots = z.object({ items: z.array(z.object({ id: z.string(), thumbnailVersionId: z.string().nullable() })) })
    const listed = shots.parse(await call(demo, manager, 'GET', `/api/projects/${projectId}/shots`)).items
    shotWithVersion = listed.find((s) => s.thumbnailVersionId !== null)?.id ?? ''
    expect(shotWithVersion).not.toBe('')
    managerJob = await submitLongJob(demo, manager, 'Manager long render')
    artistJob = await submitLongJob(demo, tokens.get('artist') ?? '', 'Artist long render')
    browser = await launchChromium()
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    // Stop the long renders so the simulated backends are idle when the demo stops.
    for (const id of [managerJob, artistJob])
      if (demo && id)
        await call(demo, tokens.get('manager') ?? '', 'POST', `/api/farm/jobs/${id}/cancel`).catch(() => {})
    await browser?.close().catch(() => {})
    if (demo) await stopDemo(demo)
  }, 30_000)

  it('shows a client the renders without how they were generated, and no farm', async () => {
    const { page, problems, close } = await watchedPage(chromium())
    try {
      await signInAsDemoUser(page, studio().url, 'client@demo.local')
      const nav = page.getByRole('navigation')
      expect(await nav.getByRole('link', { name: 'Farm', exact: true }).count()).toBe(0)
      expect(await nav.getByRole('link', { name: 'Agents', exact: true }).count()).toBe(0)
      await page.goto(`${studio().url}/projects/${projectId}/shots/${shotWithVersion}`)
      // The demo's first shot with an image also has a newer video version, shown first.
      await page.getByTestId('version-image').or(page.getByTestId('version-video')).first().waitFor()
      expect(await page.getByTestId('version-model').count()).toBe(0)
      expect(await page.getByTestId('version-seed').count()).toBe(0)
      expect((await page.getByTestId('version-prompt').textContent()) ?? '').toBe('')
      expect(await page.getByRole('tab', { name: 'Settings' }).count()).toBe(0)
      await page.screenshot({ path: join(SCREENSHOTS, 'access-client-shot-en.png'), fullPage: true })
      await page.goto(`${studio().url}/farm`)
      await page.getByTestId('not-for-role').waitFor()
      expect(await page.getByRole('button', { name: 'Submit job' }).count()).toBe(0)
      expect(await page.getByRole('button', { name: 'Cancel' }).count()).toBe(0)
      expect(problems).toEqual([])
    } finally {
      await close()
    }
  }, 90_000)

  it("lets an artist cancel their own render job and not another user's", async () => {
    const { page, problems, close } = await watchedPage(chromium())
    try {
      await signInAsDemoUser(page, studio().url, 'artist@demo.local')
      await page.goto(`${studio().url}/farm`)
      const own = page.locator(`[data-testid="job-row"][data-job-id="${artistJob}"]`)
      const other = page.locator(`[data-testid="job-row"][data-job-id="${managerJob}"]`)
      await own.getByRole('button', { name: 'Cancel' }).waitFor()
      await other.waitFor()
      expect(await other.getByRole('button').count()).toBe(0)
      await page.screenshot({ path: join(SCREENSHOTS, 'access-artist-farm-en.png'), fullPage: true })
      expect(problems).toEqual([])
    } finally {
      await close()
    }
  }, 90_000)

  it("saves a manager's choice to show clients how versions were generated, in Korean too", async () => {
    const { page, problems, close } = await watchedPage(chromium())
    try {
      await signInAsDemoUser(page, studio().url, 'manager@demo.local')
      await page.goto(`${studio().url}/projects/${projectId}`)
      await page.getByRole('tab', { name: 'Settings' }).click()
      const toggle = page.getByRole('switch', { name: 'Show clients how versions were generated' })
      expect(await toggle.isChecked()).toBe(false)
      await toggle.click({ force: true })
      await expect.poll(() => toggle.isChecked()).toBe(true)
      await page.reload()
      await expect.poll(() => toggle.isChecked()).toBe(true)
      const Project = z.object({ showGenerationDetailsToClients: z.boolean() })
      const saved = Project.parse(
        await call(studio(), tokens.get('manager') ?? '', 'GET', `/api/projects/${projectId}`),
      )
      expect(saved.showGenerationDetailsToClients).toBe(true)
      await page.getByText('한국어', { exact: true }).click()
      await page.getByRole('switch', { name: '클라이언트에게 버전 생성 정보 보이기' }).waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, 'access-manager-settings-ko.png'), fullPage: true })
      await page.getByRole('switch', { name: '클라이언트에게 버전 생성 정보 보이기' }).click({ force: true })
      await expect
        .poll(
          async () =>
            Project.parse(await call(studio(), tokens.get('manager') ?? '', 'GET', `/api/projects/${projectId}`))
              .showGenerationDetailsToClients,
        )
        .toBe(false)
      await page.getByText('English', { exact: true }).click()
      expect(problems).toEqual([])
    } finally {
      await close()
    }
  }, 90_000)

  it.each(ROLES)(
    'offers %s only pages that load without a 4xx or a console error',
    async (role) => {
      const { page, problems, close } = await watchedPage(chromium())
      try {
        await signInAsDemoUser(page, studio().url, `${role}@demo.local`)
        const paths = [
          '/projects',
          `/projects/${projectId}/shots`,
          '/review',
          '/prompt-engine',
          '/settings',
          '/account',
        ]
        const nav = page.getByRole('navigation')
        if ((await nav.getByRole('link', { name: 'Farm', exact: true }).count()) > 0) paths.push('/farm')
        if ((await nav.getByRole('link', { name: 'Agents', exact: true }).count()) > 0) paths.push('/agents')
        if ((await nav.getByRole('link', { name: 'Templates', exact: true }).count()) > 0) paths.push('/templates')
        if ((await nav.getByRole('link', { name: 'Users', exact: true }).count()) > 0) paths.push('/users')
        if ((await page.goto(`${studio().url}/projects/${projectId}`)) && (await tabCount(page, 'Settings')) > 0)
          paths.push(`/projects/${projectId}/settings`)
        if ((await tabCount(page, 'Reports')) > 0) paths.push(`/projects/${projectId}/reports`)
        for (const path of paths) {
          await page.goto(`${studio().url}${path}`)
          await page.waitForLoadState('networkidle')
          expect(await page.locator('body').textContent()).not.toMatch(RAW_SERVER_TEXT)
        }
        // Pages a role is not offered, reached by a typed link, explain themselves in its language.
        for (const path of [
          '/farm',
          '/agents',
          '/templates',
          '/users',
          `/projects/${projectId}/settings`,
          `/projects/${projectId}/reports`,
        ]) {
          if (paths.includes(path)) continue
          await page.goto(`${studio().url}${path}`)
          await page.getByTestId('not-for-role').waitFor()
        }
        expect(problems).toEqual([])
      } finally {
        await close()
      }
    },
    120_000,
  )
})

/** How many tabs of that name the project view shows, once it has loaded. */
async function tabCount(page: Page, name: string): Promise<number> {
  await page.getByRole('tab', { name: 'Shot table' }).waitFor()
  return page.getByRole('tab', { name }).count()
}
