// First paint of the project dashboard in Chromium against a running studio: from navigation
// to the status chart's first drawing, signed in through the sign-in page. The same-run
// baseline is the projects list (the app shell and one API call). Needs the built web app
// (npm run build:web) and /usr/bin/chromium; answers null without them.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHROMIUM, launchChromium } from '@aipipeline/testing/chromium'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')

export interface FirstPaint {
  /** The first visit: nothing of the dashboard in the browser's caches. */
  coldMs: number
  /** The median of three more visits. */
  warmMs: number
  /** The projects list, visited the same way. */
  baselineMs: number
}

export async function dashboardFirstPaint(
  base: string,
  projectId: string,
  login: { email: string; password: string },
): Promise<FirstPaint | null> {
  if (!existsSync(CHROMIUM) || !existsSync(join(ROOT, 'apps', 'web', 'dist', 'index.html'))) return null
  const browser = await launchChromium()
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    await page.goto(`${base}/login`)
    await page.locator('input[type="email"]').fill(login.email)
    await page.locator('input[type="password"]').fill(login.password)
    await page.locator('button[type="submit"]').click()
    await page.getByRole('navigation').waitFor()
    const visit = async (path: string, drawn: string): Promise<number> => {
      await page.goto('about:blank')
      const started = performance.now()
      await page.goto(`${base}${path}`)
      await page.locator(drawn).first().waitFor({ timeout: 60_000 })
      return Math.round(performance.now() - started)
    }
    const dashboard = `/projects/${projectId}/dashboard`
    const chart = '[data-testid="dashboard-status"] [data-rendered="true"]'
    const coldMs = await visit(dashboard, chart)
    const warm = [await visit(dashboard, chart), await visit(dashboard, chart), await visit(dashboard, chart)]
    const baselineMs = await visit('/projects', 'a[href^="/projects/"]')
    return { coldMs, warmMs: warm.sort((a, b) => a - b)[1] ?? 0, baselineMs }
  } finally {
    await browser.close()
  }
}
