// A page of a fresh browser context that records every 4xx/5xx answer, console error and page
// error it meets, so a test can assert that a role never meets a refusal it should not see.
import type { Browser, Page } from 'playwright-core'

export interface WatchedPage {
  page: Page
  problems: string[]
  close: () => Promise<void>
}

export interface WatchedPageOptions {
  /** The browser's language; with `storeLanguage` the app starts in it too. */
  lang?: 'en' | 'ko'
  /** Also store `lang` as the app's chosen language before the first page loads. */
  storeLanguage?: boolean
  height?: number
}

export async function watchedPage(browser: Browser, options: WatchedPageOptions = {}): Promise<WatchedPage> {
  const lang = options.lang ?? 'en'
  const context = await browser.newContext({
    locale: lang === 'ko' ? 'ko-KR' : 'en-US',
    viewport: { width: 1366, height: options.height ?? 900 },
  })
  if (options.storeLanguage) {
    await context.addInitScript((l) => {
      if (localStorage.getItem('aipipeline.locale') === null) localStorage.setItem('aipipeline.locale', l)
    }, lang)
  }
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`)
  })
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  return { page, problems, close: () => context.close() }
}
