// Browser tests run Debian's Chromium (see @aipipeline/testing/chromium). Without it a
// browser test skips with a notice on a laptop and fails under CI=true.
import { existsSync } from 'node:fs'
import { CHROMIUM, launchChromium } from '@aipipeline/testing/chromium'
import type { Browser, BrowserContext, Page } from 'playwright-core'

const inCi = process.env.CI === 'true'
const present = existsSync(CHROMIUM)

/** Whether browser tests should be declared; prints the skip notice once per file. */
export function browserTestsEnabled(what: string): boolean {
  if (present || inCi) return true
  console.warn(
    `\n[e2e] SKIPPED ${what}: ${CHROMIUM} not found. Install it with \`apt-get install -y chromium\` ` +
      '(under CI=true this is a failure).\n',
  )
  return false
}

export interface BrowserPageOptions {
  /** Default 1440×900. */
  viewport?: { width: number; height: number }
  /** Default timeout of every action and wait in the context; default 15 s. */
  timeoutMs?: number
  /** Grants clipboard read and write to this origin (the studio's URL). */
  clipboardOrigin?: string
}

/** A launched browser with one English context and its first page. */
export interface BrowserPage {
  browser: Browser
  context: BrowserContext
  page: Page
  /** Uncaught errors of `page`, collected as they happen; a test expects none. */
  pageErrors: string[]
}

/** Launches Chromium and opens an en-US context and a page in it; closes the browser if that fails. */
export async function openBrowserPage(options: BrowserPageOptions = {}): Promise<BrowserPage> {
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: options.viewport ?? { width: 1440, height: 900 },
    })
    if (options.clipboardOrigin !== undefined)
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: options.clipboardOrigin })
    context.setDefaultTimeout(options.timeoutMs ?? 15_000)
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    return { browser, context, page, pageErrors }
  } catch (error) {
    await browser.close().catch(() => {})
    throw error
  }
}

/** Closes the context and the browser; never throws, so an afterAll goes on to stop servers. */
export async function closeBrowser(opened: BrowserPage | undefined): Promise<void> {
  await opened?.context.close().catch(() => {})
  await opened?.browser.close().catch(() => {})
}
