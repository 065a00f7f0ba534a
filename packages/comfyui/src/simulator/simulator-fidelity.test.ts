import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { requireSharedFixtures, sharedFixturePath } from '@aipipeline/testing'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ObjectInfo } from '../workflow/object-info.schema'
import { defaultObjectInfo } from './default-object-info'
import { textToImagePrompt, textToVideoPrompt } from './sample-prompts'
import { type Simulator, type SimulatorOptions, startSimulator } from './simulator.server'
import { simulatorFarmSpecs, startSimulatorFarm } from './simulator-farm'

// Fixtures are public test data kept outside the repository (../shared); tests that read them
// skip with a visible notice when they are absent.
const FIXTURES = sharedFixturePath('comfyui/')
const hasFixtures = requireSharedFixtures('simulator run of a real workflow and object_info dump')

let sims: Simulator[] = []
let sockets: WebSocket[] = []
afterEach(async () => {
  for (const ws of sockets) ws.terminate()
  sockets = []
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})

async function sim(opts: SimulatorOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ timeScale: 0.02, ...opts })
  sims.push(s)
  return s
}

function open(
  url: string,
  clientId: string,
): Promise<{ ws: WebSocket; messages: Array<{ type: string; data: Record<string, unknown> }> }> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api/ws?clientId=${clientId}`)
  sockets.push(ws)
  const messages: Array<{ type: string; data: Record<string, unknown> }> = []
  ws.on('message', (d, bin) => {
    if (!bin) messages.push(JSON.parse(d.toString()))
  })
  return new Promise((r) => ws.once('open', () => r({ ws, messages })))
}

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0

/** A node definition as /object_info reports it, with only required inputs. */
function node(name: string, required: Record<string, unknown[]>, output: string[]) {
  return { input: { required }, input_order: { required: Object.keys(required) }, output, name, output_node: false }
}

const submit = (url: string, body: unknown) =>
  fetch(`${url}/prompt`, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: await r.json(),
  }))
const until = async (pred: () => boolean) => {
  while (!pred()) await new Promise((r) => setTimeout(r, 5))
}

describe('simulator fidelity', () => {
  it('authors an object_info that parses with the shared ObjectInfo schema', () => {
    const info = ObjectInfo.parse(defaultObjectInfo())
    expect(Object.keys(info)).toEqual(
      expect.arrayContaining(['KSampler', 'SaveAnimatedWEBP', 'SaveWEBM', 'LoadImageMask']),
    )
  })

  it.runIf(hasFixtures)('runs a real public workflow against a real full object_info dump', async () => {
    const read = (p: string): unknown => JSON.parse(readFileSync(resolve(FIXTURES, p), 'utf8'))
    const objectInfo = ObjectInfo.parse(read('object_info/autoflow_2026-02_full_with_wan.object_info.json'))
    const s = await sim({ objectInfo, installedModels: { checkpoints: ['dreamshaper_8.safetensors'] } })
    const { messages } = await open(s.url, 'fx')
    const res = await submit(s.url, {
      prompt: read('workflows/api/salad_sd15_txt2img.api.json'),
      client_id: 'fx',
      prompt_id: 'fx1',
    })
    expect(res).toMatchObject({ status: 200, body: { prompt_id: 'fx1', node_errors: {} } })
    await until(() => messages.some((m) => m.type === 'executing' && m.data.node === null))
    expect(messages.some((m) => m.type === 'execution_success')).toBe(true)
  })

  it('re-sends executing without prompt_id to a client that reconnects while its prompt runs', async () => {
    const s = await sim()
    const first = await open(s.url, 'again')
    await submit(s.url, { prompt: textToImagePrompt({ steps: 400 }), client_id: 'again', prompt_id: 'long' })
    await until(() => first.messages.some((m) => m.type === 'progress'))
    first.ws.terminate()
    const second = await open(s.url, 'again')
    await until(() => second.messages.length >= 2)
    expect(second.messages[1]).toEqual({ type: 'executing', data: { node: '3' } })
  })

  it('delivers targeted events only to the newest socket of a reused client id', async () => {
    const s = await sim()
    const older = await open(s.url, 'same')
    const newer = await open(s.url, 'same')
    await submit(s.url, { prompt: textToImagePrompt({ steps: 1 }), client_id: 'same', prompt_id: 'r' })
    await until(() => newer.messages.some((m) => m.type === 'executing' && m.data.node === null))
    expect(older.messages.some((m) => m.type === 'execution_start')).toBe(false)
  })

  it('accepts prompts but never runs them while hung, and resumes when the fault clears', async () => {
    const s = await sim({ faults: [{ kind: 'hang' }] })
    await submit(s.url, { prompt: textToImagePrompt({ steps: 1 }), prompt_id: 'h' })
    await new Promise((r) => setTimeout(r, 60))
    expect(s.state).toMatchObject({ running: null, pending: ['h'], completed: 0 })
    s.clearFaults()
    await until(() => s.state.completed === 1)
  })

  it('opens its port only after a slow start', async () => {
    const started = startSimulator({ port: 0, faults: [{ kind: 'slow-start', delayMs: 80 }] })
    const s = await started
    sims.push(s)
    expect(s.state.listening).toBe(true)
    const features = await (await fetch(`${s.url}/api/features`)).json()
    expect(features).toMatchObject({ supports_preview_metadata: true })
  })

  it('re-runs every node of an identical prompt after /free with free_memory', async () => {
    const s = await sim()
    const { messages } = await open(s.url, 'free')
    const prompt = textToImagePrompt({ steps: 1 })
    await submit(s.url, { prompt, client_id: 'free', prompt_id: 'f1' })
    await until(() => s.state.completed === 1)
    await fetch(`${s.url}/api/free`, {
      method: 'POST',
      body: JSON.stringify({ unload_models: true, free_memory: true }),
    })
    await submit(s.url, { prompt, client_id: 'free', prompt_id: 'f2' })
    await until(() => s.state.completed === 2)
    const cached = messages.filter((m) => m.type === 'execution_cached').map((m) => m.data.nodes)
    expect(cached).toEqual([[], []])
  })

  it('starts a farm of differing GPUs on ephemeral ports with per-instance models', async () => {
    const farm = await startSimulatorFarm(simulatorFarmSpecs(2, { timeScale: 0 }))
    sims.push(...farm.simulators)
    const [big, small] = await Promise.all(
      farm.urls.map((u) => fetch(`${u}/models/diffusion_models`).then((r) => r.json())),
    )
    expect(big.length).toBeGreaterThan(0)
    expect(small).toEqual([])
    const stats = await (await fetch(`${farm.urls[1]}/system_stats`)).json()
    expect(stats.devices[0].vram_total).toBe(12 * 1024 ** 3)
  })

  it('renders the same PNG bytes for the same prompt on two simulators', async () => {
    const [a, b] = await Promise.all([sim(), sim()])
    const prompt = textToImagePrompt({ steps: 1, seed: 99, width: 96, height: 64 })
    const bytes = async (s: Simulator) => {
      await submit(s.url, { prompt, prompt_id: 'same' })
      await until(() => s.state.completed === 1)
      return Buffer.from(await (await fetch(`${s.url}/view?filename=AIPipeline_00001_.png`)).arrayBuffer())
    }
    const [x, y] = await Promise.all([bytes(a), bytes(b)])
    expect(x.length).toBeGreaterThan(100)
    expect(x.equals(y)).toBe(true)
  })

  it('reports SaveVideo output as images plus animated, like ComfyUI’s PreviewVideo', async () => {
    const s = await sim({ vramGb: 48 })
    const video = textToVideoPrompt({ steps: 1, width: 64, height: 64, length: 5 })
    const { '9': _webp, ...rest } = video
    const prompt = {
      ...rest,
      '10': { class_type: 'CreateVideo', inputs: { images: ['8', 0], fps: 16 } },
      '11': {
        class_type: 'SaveVideo',
        inputs: { video: ['10', 0], filename_prefix: 'video/shot', format: 'auto', codec: 'auto' },
      },
    }
    expect((await submit(s.url, { prompt, prompt_id: 'sv' })).status).toBe(200)
    await until(() => s.state.completed === 1)
    const history = await (await fetch(`${s.url}/history/sv`)).json()
    // ComfyUI names the file by its container: `auto` writes an MP4.
    expect(history.sv.outputs['11']).toEqual({
      images: [{ filename: 'shot_00001_.mp4', subfolder: 'video', type: 'output' }],
      animated: [true],
    })
    const view = await fetch(`${s.url}/view?filename=shot_00001_.mp4&subfolder=video&type=output`)
    expect(view.headers.get('content-type')).toBe('video/mp4')
    const bytes = Buffer.from(await view.arrayBuffer())
    // An MP4 starts with its `ftyp` box; without ffmpeg the simulator serves an animated WEBP.
    if (hasFfmpeg) expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp')
    else expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP')
  })

  it('ticks a SamplerCustomAdvanced through as many steps as its scheduler gives sigmas', async () => {
    const sigmaNodes = ObjectInfo.parse({
      BasicScheduler: node(
        'BasicScheduler',
        {
          model: ['MODEL'],
          scheduler: ['COMBO', { options: ['simple', 'normal'] }],
          steps: ['INT', { default: 20, min: 1, max: 10000 }],
          denoise: ['FLOAT', { default: 1, min: 0, max: 1 }],
        },
        ['SIGMAS'],
      ),
      RandomNoise: node('RandomNoise', { noise_seed: ['INT', { default: 0, min: 0 }] }, ['NOISE']),
      KSamplerSelect: node('KSamplerSelect', { sampler_name: ['COMBO', { options: ['euler'] }] }, ['SAMPLER']),
      BasicGuider: node('BasicGuider', { model: ['MODEL'], conditioning: ['CONDITIONING'] }, ['GUIDER']),
      SamplerCustomAdvanced: node(
        'SamplerCustomAdvanced',
        {
          noise: ['NOISE'],
          guider: ['GUIDER'],
          sampler: ['SAMPLER'],
          sigmas: ['SIGMAS'],
          latent_image: ['LATENT'],
        },
        ['LATENT', 'LATENT'],
      ),
    })
    const s = await sim({ vramGb: 48, objectInfo: { ...ObjectInfo.parse(defaultObjectInfo()), ...sigmaNodes } })
    const { messages } = await open(s.url, 'sig')
    const { '7': _ksampler, ...rest } = textToVideoPrompt({ width: 64, height: 64, length: 5 })
    const prompt = {
      ...rest,
      '20': { class_type: 'BasicScheduler', inputs: { model: ['1', 0], scheduler: 'simple', steps: 6, denoise: 1 } },
      '21': { class_type: 'RandomNoise', inputs: { noise_seed: 3 } },
      '22': { class_type: 'KSamplerSelect', inputs: { sampler_name: 'euler' } },
      '23': { class_type: 'BasicGuider', inputs: { model: ['1', 0], conditioning: ['4', 0] } },
      '7': {
        class_type: 'SamplerCustomAdvanced',
        inputs: { noise: ['21', 0], guider: ['23', 0], sampler: ['22', 0], sigmas: ['20', 0], latent_image: ['6', 0] },
      },
    }
    expect((await submit(s.url, { prompt, client_id: 'sig', prompt_id: 'sca' })).status).toBe(200)
    await until(() => messages.some((m) => m.type === 'executing' && m.data.node === null))
    const ticks = messages.filter((m) => m.type === 'progress' && m.data.node === '7').map((m) => m.data.value)
    expect(ticks).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('rejects path escapes and answers 404 for missing files on /view', async () => {
    const s = await sim()
    expect((await fetch(`${s.url}/view?filename=../etc/passwd`)).status).toBe(400)
    expect((await fetch(`${s.url}/view?filename=a.png&subfolder=../x`)).status).toBe(403)
    expect((await fetch(`${s.url}/view?filename=missing.png`)).status).toBe(404)
  })
})
