// `aipipeline render` end to end: the real command against a listening test studio whose farm
// runs a simulated ComfyUI backend. It submits with --set values, follows progress, downloads
// the outputs, and exits non-zero with the server's words on bad input and on node errors.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import { RenderJobDetail } from '@aipipeline/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'

const BIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../bin/aipipeline.js')

interface Run {
  code: number
  stdout: string
  stderr: string
}

function render(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [BIN, 'render', ...args],
      { env: { ...process.env, ...env }, timeout: 90_000 },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    )
    child.stdin?.end(stdin ?? '')
  })
}

describe('aipipeline render', () => {
  let studio: TestStudio
  let sim: Simulator
  let url: string
  let token: string
  const dir = mkdtempSync(join(tmpdir(), 'aipipeline-render-'))
  const workflow = join(dir, 'workflow.json')
  const email = 'render-artist@test.local'

  beforeAll(async () => {
    studio = await createTestStudio('sqlite', { config: { dataDir: join(dir, 'data') } })
    studio.farm.tune({ healthIntervalMs: 300, probeTimeoutMs: 1000, retryBaseMs: 50, tickIntervalMs: 200 })
    await studio.app.listen({ port: 0, host: '127.0.0.1' })
    const address = studio.app.server.address()
    if (!address || typeof address !== 'object') throw new Error('not listening')
    url = `http://127.0.0.1:${address.port}`
    sim = await startSimulator({ port: 0, name: 'gpu-sim', timeScale: 0.05, vramGb: 24 })
    const admin = (await studio.signIn('admin')).accessToken
    const reg = await studio.app.inject({
      method: 'POST',
      url: '/api/farm/backends',
      headers: { authorization: `Bearer ${admin}` },
      payload: { name: 'gpu-sim', url: sim.url },
    })
    if (reg.statusCode !== 201) throw new Error(`backend registration failed: ${reg.body}`)
    studio.farm.start()
    token = (await studio.signIn('artist', email)).accessToken
    const prompt = textToImagePrompt({ steps: 10 })
    const withPlaceholders = {
      ...prompt,
      '6': { ...prompt['6'], inputs: { ...prompt['6']?.inputs, text: '{prompt}' } },
      '3': { ...prompt['3'], inputs: { ...prompt['3']?.inputs, seed: '{seed}' } },
    }
    writeFileSync(workflow, JSON.stringify(withPlaceholders))
  }, 60_000)

  afterAll(async () => {
    await studio?.farm.stop()
    await sim?.close()
    await studio?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('submits with --set values, shows progress to 100 % and downloads the outputs', async () => {
    const out = join(dir, 'out')
    const run = await render(
      [
        workflow,
        '--set',
        'prompt=a lighthouse at dusk',
        '--set',
        'seed=42',
        '--priority',
        '70',
        '--wait',
        '--out',
        out,
        '--server',
        url,
      ],
      { AIPIPELINE_TOKEN: token },
    )
    expect(run.stderr).toContain('100 %')
    expect(run.stderr).toContain('succeeded')
    expect(run.code).toBe(0)
    const jobId = /submitted (\S+)/.exec(run.stdout)?.[1]
    if (!jobId) throw new Error(`no job id in: ${run.stdout}`)
    const files = readdirSync(out)
    expect(files.length).toBeGreaterThan(0)
    expect(files.some((f) => f.endsWith('.part'))).toBe(false)
    const job = RenderJobDetail.parse(
      (
        await studio.app.inject({
          method: 'GET',
          url: `/api/farm/jobs/${jobId}`,
          headers: { authorization: `Bearer ${token}` },
        })
      ).json(),
    )
    expect(job).toMatchObject({
      state: 'succeeded',
      priority: 70,
      parameters: { prompt: 'a lighthouse at dusk', seed: 42 },
    })
    for (const output of job.outputs) {
      const bytes = readFileSync(join(out, output.filename))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(output.sha256)
      expect(run.stdout).toContain(join(out, output.filename))
    }
  }, 90_000)

  it('signs in with email and a piped password when there is no token', async () => {
    const run = await render(
      [workflow, '--set', 'prompt=x', '--set', 'seed=1', '--server', url, '--email', email],
      {},
      'correct horse\n',
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^submitted \S+ \(.+, priority 50\)\n$/)
  }, 60_000)

  it('exits non-zero with the server message naming an unknown parameter', async () => {
    const run = await render(
      [workflow, '--set', 'prompt=x', '--set', 'seed=1', '--set', 'colour=red', '--server', url],
      {
        AIPIPELINE_TOKEN: token,
      },
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/aipipeline: invalid parameters: .*colour/)
    expect(run.stderr).toMatch(/parameters\.colour: /)
    expect(run.stdout).toBe('')
  }, 60_000)

  it('exits non-zero with the node errors when ComfyUI refuses the workflow', async () => {
    const bad = textToImagePrompt({ steps: 2 })
    const broken = { ...bad, '3': { ...bad['3'], inputs: { ...bad['3']?.inputs, sampler_name: 'no_such_sampler' } } }
    const file = join(dir, 'broken.json')
    writeFileSync(file, JSON.stringify(broken))
    const run = await render([file, '--wait', '--server', url], { AIPIPELINE_TOKEN: token })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/failed/)
    expect(run.stderr).toMatch(/node 3 \(KSampler\): .*sampler_name/)
  }, 60_000)

  it('refuses a missing sign-in and an unreadable workflow file before calling the studio', async () => {
    const noAuth = await render([workflow, '--server', url], { AIPIPELINE_TOKEN: '' })
    expect(noAuth.code).toBe(1)
    const missing = await render([join(dir, 'nope.json'), '--server', url], { AIPIPELINE_TOKEN: token })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`cannot read ${join(dir, 'nope.json')}`)
  }, 60_000)
})
