// Starts the studio for browser tests the way the README does (`aipipeline demo`) on a free
// port with a fresh data folder, waits for /api/health, and tears it down afterwards.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots')
const WEB_INDEX = join(ROOT, 'apps', 'web', 'dist', 'index.html')

export interface DemoStudio {
  process: ChildProcess
  url: string
  dataDir: string
  /** Everything the process printed so far. */
  output: () => string
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port)
        else reject(new Error('no port assigned'))
      })
    })
  })
}

/** Builds the web app if there is no production build yet. */
export function ensureWebBuild(): void {
  if (!existsSync(WEB_INDEX))
    execFileSync('npm', ['run', 'build', '-w', '@aipipeline/web'], { cwd: ROOT, stdio: 'inherit' })
}

/** Where a restarted demo keeps serving: the same port and data folder (its SQLite database). */
export interface DemoPlace {
  port: number
  dataDir: string
}

/**
 * Starts `aipipeline demo` (or, with `serve`, an empty studio) and resolves once /api/health
 * answers 200 (60 s at most). Given a place, it starts on that port and data folder again (a
 * restart after `killDemo`).
 */
export async function startDemo(
  env: Record<string, string> = {},
  place?: DemoPlace,
  command: 'demo' | 'serve' = 'demo',
): Promise<DemoStudio> {
  const port = place?.port ?? (await freePort())
  const dataDir = place?.dataDir ?? mkdtempSync(join(tmpdir(), 'aipipeline-e2e-'))
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['apps/server/bin/aipipeline.js', command], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  const studio: DemoStudio = { process: child, url, dataDir, output: () => log }
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`aipipeline ${command} exited with code ${child.exitCode} before it was ready:\n${log}`)
    }
    const healthy = await fetch(`${url}/api/health`)
      .then((res) => res.status === 200)
      .catch(() => false)
    // The studio prints its URL once seeding is done; wait for that too.
    if (healthy && log.includes(url)) return studio
    await new Promise((r) => setTimeout(r, 250))
  }
  await stopDemo(studio)
  throw new Error(`aipipeline ${command} did not become ready at ${url} within 60 s:\n${log}`)
}

/** SIGKILL, like a crashed host: no cleanup at all, and the data folder stays for a restart. */
export async function killDemo(studio: DemoStudio): Promise<DemoPlace> {
  const { process: child } = studio
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.kill('SIGKILL')
    await exited
  }
  return { port: Number(new URL(studio.url).port), dataDir: studio.dataDir }
}

/** Stops the demo (SIGTERM, then SIGKILL after 5 s) and removes its data folder. */
export async function stopDemo(studio: DemoStudio | undefined): Promise<void> {
  if (!studio) return
  const { process: child } = studio
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
  rmSync(studio.dataDir, { recursive: true, force: true })
}

/**
 * Signs a demo user in through the login page (every demo user's password is `demo`) and
 * waits for the app's navigation.
 */
export async function signInAsDemoUser(page: Page, url: string, email = 'admin@demo.local'): Promise<void> {
  await page.goto(`${url}/login`)
  await page.getByRole('textbox', { name: 'Email' }).fill(email)
  await page.getByRole('textbox', { name: 'Password' }).fill('demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('navigation').getByRole('link', { name: 'Projects' }).waitFor()
}
