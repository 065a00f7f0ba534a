import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { PassThrough } from 'node:stream'
import fc from 'fast-check'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { textToImagePrompt } from '../simulator/sample-prompts'
import { type Simulator, type SimulatorOptions, startSimulator } from '../simulator/simulator.server'
import { ComfyHttpError, silentLogger } from './client-errors'
import { ComfyClient, type ComfyClientOptions } from './comfy.client'
import { backoffDelay, type SocketEvent } from './comfy-socket'
import { outputFilesOf } from './output-files'
import { PromptDispatcher } from './prompt-dispatcher'
import { nodeWeights, OverallProgress } from './prompt-progress'

let sims: Simulator[] = []
let clients: ComfyClient[] = []
let servers: Server[] = []
afterEach(async () => {
  for (const c of clients) c.close()
  clients = []
  await Promise.all(sims.map((s) => s.close()))
  sims = []
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  servers = []
})

async function setup(simOpts: SimulatorOptions = {}, clientOpts: Partial<ComfyClientOptions> = {}) {
  const sim = await startSimulator({ timeScale: 0.02, ...simOpts })
  sims.push(sim)
  const client = new ComfyClient({
    baseUrl: sim.url,
    clientId: `test-${randomUUID()}`,
    reconnect: { initialDelayMs: 10, maxDelayMs: 50 },
    pollIntervalMs: 30,
    silenceBeforePollMs: 150,
    ...clientOpts,
  })
  clients.push(client)
  await client.connect()
  return { sim, client }
}

async function firstProgress(client: ComfyClient, promptId: string): Promise<void> {
  for await (const e of client.watch(promptId)) if (e.type === 'progress') return
}

describe('ComfyClient', () => {
  it('keeps a prompt whose broken output ComfyUI dropped, listing that node’s errors', async () => {
    const { client } = await setup()
    const prompt = {
      ...textToImagePrompt({ steps: 1 }),
      '10': {
        class_type: 'ImageScale',
        inputs: { image: ['8', 0], upscale_method: 'sideways', width: 64, height: 64, crop: 'disabled' },
      },
      '11': { class_type: 'SaveImage', inputs: { images: ['10', 0], filename_prefix: 'broken' } },
    }
    const promptId = randomUUID()
    const res = await client.submit(prompt, { promptId })
    expect(res.status).toBe('accepted')
    expect(res.nodeErrors.map((e) => [e.nodeId, e.errors[0]?.type])).toEqual([['10', 'value_not_in_list']])
    const result = await client.watch(promptId).result
    expect(result.outcome).toBe('success')
    expect(result.files.map((f) => f.nodeId)).toEqual(['9'])
  })

  it('reports a prompt as lost, never done, when the backend restarts while it runs', async () => {
    const { sim, client } = await setup()
    const promptId = randomUUID()
    await client.submit(textToImagePrompt({ steps: 5000 }), { promptId })
    await firstProgress(client, promptId)
    await sim.restart()
    const result = await client.watch(promptId).result
    expect(result.outcome).toBe('lost')
  })

  it('finishes through /history polling when the socket stays open but silent', async () => {
    const { sim, client } = await setup()
    await sim.inject({ kind: 'silent-socket' })
    const promptId = randomUUID()
    await client.submit(textToImagePrompt({ steps: 3 }), { promptId })
    const result = await client.watch(promptId).result
    expect(result.outcome).toBe('success')
    expect(result.files).toHaveLength(1)
  })

  it('settles at once a prompt that finished before the reply to its submit arrived', async () => {
    // A loaded studio reads the POST /prompt reply late; `executing: null` can come first.
    const delayedFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (init?.method === 'POST' && String(input).endsWith('/prompt')) await new Promise((r) => setTimeout(r, 400))
      return res
    }
    const { client } = await setup({ timeScale: 0 }, { fetch: delayedFetch, silenceBeforePollMs: 10_000 })
    const promptId = randomUUID()
    const started = Date.now()
    await client.submit(textToImagePrompt({ steps: 2 }), { promptId })
    const result = await client.watch(promptId).result
    expect(result.outcome).toBe('success')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('classifies an out-of-memory failure with torch’s exception type', async () => {
    const { sim, client } = await setup()
    await sim.inject({ kind: 'oom', classType: 'KSampler' })
    const promptId = randomUUID()
    await client.submit(textToImagePrompt({ steps: 3 }), { promptId })
    const result = await client.watch(promptId).result
    expect(result.outcome).toBe('error')
    expect(result.error?.exception_type).toBe('torch.OutOfMemoryError')
    expect(result.error?.node_type).toBe('KSampler')
  })

  it('does not interrupt the running prompt when cancelling a queued one on a server without targeted interrupt', async () => {
    const { client } = await setup({}, { targetedInterrupt: false })
    const running = randomUUID()
    const queued = randomUUID()
    await client.submit(textToImagePrompt({ steps: 6, seed: 1 }), { promptId: running })
    await client.submit(textToImagePrompt({ steps: 6, seed: 2 }), { promptId: queued })
    await firstProgress(client, running)
    expect(await client.cancel(queued)).toEqual({ interrupted: false })
    expect((await client.watch(running).result).outcome).toBe('success')
  })

  it('reports a queued prompt as lost when someone else deletes it from the queue', async () => {
    const { sim, client } = await setup()
    const running = randomUUID()
    const queued = randomUUID()
    await client.submit(textToImagePrompt({ steps: 50, seed: 1 }), { promptId: running })
    await client.submit(textToImagePrompt({ steps: 50, seed: 2 }), { promptId: queued })
    await fetch(`${sim.url}/queue`, { method: 'POST', body: JSON.stringify({ delete: [queued] }) })
    expect((await client.watch(queued).result).outcome).toBe('lost')
  })

  it('uploads a mask whose alpha lands on the original image', async () => {
    const { client } = await setup()
    const original = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer()
    const mask = await sharp({
      create: { width: 16, height: 16, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer()
    const up = await client.uploadImage(original, 'plate.png')
    const res = await client.uploadMask(mask, 'plate-masked.png', { filename: up.name, type: 'input' })
    const chunks: Buffer[] = []
    await client.download(
      { filename: res.name, subfolder: res.subfolder, type: 'input' },
      new PassThrough().on('data', (c: Buffer) => chunks.push(c)),
    )
    const { data, info } = await sharp(Buffer.concat(chunks)).raw().toBuffer({ resolveWithObject: true })
    expect(info.channels).toBe(4)
    expect([data[0], data[3]]).toEqual([255, 128])
  })

  it('detects the /api/jobs routes only on servers that have them', async () => {
    const withJobs = await setup({ jobsApi: true })
    const without = await setup()
    expect(await withJobs.client.hasJobsApi()).toBe(true)
    expect(await without.client.hasJobsApi()).toBe(false)
    const promptId = randomUUID()
    await withJobs.client.submit(textToImagePrompt({ steps: 1 }), { promptId })
    await withJobs.client.watch(promptId).result
    expect(await withJobs.client.job(promptId)).toMatchObject({ id: promptId, status: 'completed' })
  })

  it('lists each backend’s installed models and reflects them in object_info', async () => {
    const { client } = await setup({ installedModels: { checkpoints: ['only.safetensors'] } })
    expect(await client.models('checkpoints')).toEqual(['only.safetensors'])
    expect(await client.models()).toContain('loras')
    expect((await client.objectInfo()).CheckpointLoaderSimple?.input.required?.ckpt_name?.[0]).toEqual([
      'only.safetensors',
    ])
    await expect(client.models('not-a-folder')).rejects.toBeInstanceOf(ComfyHttpError)
  })

  it('turns unknown and malformed socket messages into events instead of crashing', async () => {
    const server = createServer((_req, res) => res.end('{}'))
    servers.push(server)
    const wss = new WebSocketServer({ server })
    wss.on('connection', (ws) => {
      ws.send(JSON.stringify({ type: 'crystools.monitor', data: { cpu: 1 } }))
      ws.send(JSON.stringify({ type: 'progress', data: { value: 'lots' } }))
      ws.send('not json')
      ws.send(Buffer.from([0, 0, 0, 9, 1, 2]))
      ws.send(JSON.stringify({ type: 'status', data: { status: { exec_info: { queue_remaining: 0 } }, sid: 'x' } }))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const addr = server.address()
    const port = addr !== null && typeof addr === 'object' ? addr.port : 0
    const warnings: string[] = []
    const client = new ComfyClient({
      baseUrl: `http://127.0.0.1:${port}`,
      clientId: 'c',
      logger: { debug: () => {}, warn: (_o, msg) => warnings.push(msg) },
    })
    clients.push(client)
    const events: SocketEvent[] = []
    client.onEvent((e) => events.push(e))
    await client.connect()
    while (!events.some((e) => e.type === 'status')) await new Promise((r) => setTimeout(r, 5))
    expect(events.map((e) => e.type)).toEqual([
      'socket_open',
      'unknown',
      'malformed',
      'unknown',
      'unknown_binary',
      'status',
    ])
    expect(warnings).toEqual(['comfyui sent a malformed message'])
    wss.close()
  })
})

describe('client helpers', () => {
  it('attributes type-1 previews, which carry no ids, to the prompt the socket saw start', async () => {
    const dispatcher = new PromptDispatcher({
      history: async () => null,
      queuedIds: async () => new Set(['p1']),
      socketHealthy: () => true,
      pollIntervalMs: 1000,
      logger: silentLogger,
    })
    const watch = dispatcher.watch('p1', undefined, () => {}, false)
    dispatcher.handle({ type: 'execution_start', data: { prompt_id: 'p1' } })
    dispatcher.handle({ type: 'preview', mime: 'image/jpeg', image: Buffer.from([0xff, 0xd8]), metadata: null })
    watch.finish({
      prompt: [],
      outputs: {},
      meta: {},
      status: { status_str: 'success', completed: true, messages: [] },
    })
    dispatcher.close()
    const events = []
    for await (const e of watch) events.push(e.type)
    expect(events).toEqual(['started', 'preview', 'finished'])
  })

  it('lists output files and skips non-file keys such as animated and text', () => {
    const files = outputFilesOf({
      '9': { images: [{ filename: 'a.webp', subfolder: '', type: 'output' }], animated: [true] },
      '12': { text: ['hello'] },
      '20': { gifs: [{ filename: 'v.mp4', subfolder: 'vid', type: 'output', format: 'video/h264-mp4' }] },
    })
    expect(files).toEqual([
      { nodeId: '9', kind: 'images', filename: 'a.webp', subfolder: '', type: 'output' },
      { nodeId: '20', kind: 'gifs', filename: 'v.mp4', subfolder: 'vid', type: 'output', format: 'video/h264-mp4' },
    ])
  })

  it('keeps reconnect delays within the jitter band and under the cap', () => {
    const policy = { initialDelayMs: 100, maxDelayMs: 5000, factor: 2, jitter: 0.25 }
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (attempt, r) => {
        const base = Math.min(5000, 100 * 2 ** attempt)
        const d = backoffDelay(policy, attempt, () => r)
        expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.75))
        expect(d).toBeLessThanOrEqual(Math.ceil(base * 1.25))
      }),
    )
  })

  it('weighs samplers by their steps in overall progress', () => {
    const p = new OverallProgress(nodeWeights(textToImagePrompt({ steps: 20 })))
    p.markDone(['4', '5', '6', '7'])
    p.step('3', 10, 20)
    // 4 one-weight nodes done + half of 20 steps, out of 6 + 20.
    expect(p.value).toBeCloseTo(14 / 26)
  })
})
