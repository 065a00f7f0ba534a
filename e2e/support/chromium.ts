// Debian's Chromium driven by playwright-core (never a downloaded browser). Without it a
// browser test skips with a notice on a laptop and fails under CI=true.
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
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

/** Launches headless Chromium with the flags this sandbox needs; throws under CI if missing. */
export async function launchChromium(): Promise<Browser> {
  if (!present) throw new Error(`CI=true but ${CHROMIUM} is missing: install Debian's chromium package`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
