// Render outputs as versions in Chromium against `aipipeline demo`: a manager renders a shot's
// Keyframe task on the demo farm, then a second render made from the first one; the job page
// links each output to the version it became, and the shot page shows what the second version
// was made from. Screenshots go to e2e/screenshots/. Without /usr/bin/chromium it skips with a
// notice on a laptop and fails under CI=true.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
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

const Items = z.object({ items: z.array(z.looseObject({ id: z.string() })) })
const Job = z.looseObject({
  id: z.string(),
  state: z.string(),
  outputs: z.array(z.looseObject({ versionId: z.string().nullable() })),
})
const Shot = z.looseObject({
  id: z.string(),
  code: z.string(),
  tasks: z.array(z.object({ id: z.string(), taskTypeId: z.string() })),
})
const ProjectBody = z.looseObject({ taskTypes: z.array(z.object({ id: z.string(), name: z.string() })) })

describe.runIf(browserTestsEnabled('Versions from renders in Chromium'))('Versions from renders in Chromium', () => {
  let demo: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let token = ''
  const sims: Simulator[] = []

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${demo?.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
    return text ? JSON.parse(text) : null
  }

  async function versioned(jobId: string) {
    const until = Date.now() + 90_000
    for (;;) {
      const job = Job.parse(await call('GET', `/api/farm/jobs/${jobId}`))
      if (job.state === 'succeeded' && job.outputs.length > 0 && job.outputs.every((o) => o.versionId !== null))
        return job
      if (Date.now() > until) throw new Error(`job ${jobId} is ${job.state}; its versions did not land`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    const login = await fetch(`${demo.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.local', password: 'demo' }),
    })
    token = z.object({ accessToken: z.string() }).parse(await login.json()).accessToken
    if (Items.parse(await call('GET', '/api/farm/backends')).items.length === 0) {
      const sim = await startSimulator({ port: 0, name: 'sim-4090', vramGb: 24, timeScale: 0.2 })
      sims.push(sim)
      await call('POST', '/api/farm/backends', { name: sim.name, url: sim.url })
    }
    chromium = await openBrowserPage({ viewport: { width: 1366, height: 900 }, timeoutMs: 20_000 })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 300_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    await stopDemo(demo)
    for (const sim of sims) await sim.close().catch(() => {})
  }, 30_000)

  it('links a job’s outputs to their versions and shows a version’s parents on the shot page', async () => {
    const [project] = Items.parse(await call('GET', '/api/projects')).items
    if (!project) throw new Error('the demo has no project')
    const keyframe = ProjectBody.parse(await call('GET', `/api/projects/${project.id}`)).taskTypes.find(
      (t) => t.name === 'Keyframe',
    )
    const shots = z.object({ items: z.array(Shot) }).parse(await call('GET', `/api/projects/${project.id}/shots`)).items
    const shot = shots[shots.length - 1]
    const taskId = shot?.tasks.find((t) => t.taskTypeId === keyframe?.id)?.id
    if (!shot || !taskId) throw new Error('no Keyframe task')
    const submit = async (body: Record<string, unknown>) =>
      z.object({ id: z.string() }).parse(await call('POST', '/api/farm/jobs', { shotId: shot.id, taskId, ...body })).id
    const first = await versioned(
      await submit({ name: 'lighthouse still', source: { kind: 'api', prompt: textToImagePrompt({ seed: 11 }) } }),
    )
    const parent = first.outputs[0]?.versionId ?? ''
    const second = await versioned(
      await submit({
        name: 'lighthouse refine',
        source: { kind: 'api', prompt: textToImagePrompt({ seed: 12 }) },
        inputVersions: [{ versionId: parent, parameter: 'image' }],
      }),
    )
    const childId = second.outputs[0]?.versionId ?? ''
    const child = z
      .object({ number: z.number(), inputs: z.array(z.object({ versionId: z.string() })) })
      .parse(await call('GET', `/api/versions/${childId}`))
    expect(child.inputs.map((i) => i.versionId)).toEqual([parent])

    await signInAsDemoUser(page, demo?.url ?? '', 'manager@demo.local')
    await page.goto(`${demo?.url}/farm/jobs/${second.id}`)
    const link = page.getByTestId('output-version')
    // "v002 · SH010 · Keyframe": number, shot and task type.
    const label = `v${String(child.number).padStart(3, '0')} · ${shot.code} · Keyframe`
    await expect.poll(() => link.first().textContent()).toBe(label)
    await page.screenshot({ path: join(SCREENSHOTS, 'versions-job-detail-en.png'), fullPage: true })
    await link.first().click()
    await page.waitForURL(`**/shots/${shot.id}?version=${childId}`)
    await page.getByRole('button', { name: `Keyframe v${String(child.number).padStart(3, '0')}` }).click()
    const lineage = page.getByTestId('version-lineage')
    await expect.poll(() => lineage.textContent()).toContain('Made from')
    expect(await lineage.textContent()).toContain('source')
    await page.screenshot({ path: join(SCREENSHOTS, 'versions-lineage-en.png'), fullPage: true })
    expect(chromium?.pageErrors).toEqual([])
  }, 240_000)
})
