import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ComfyClient } from '../client/comfy.client'
import type { PromptEvent, PromptWatch } from '../client/prompt-watch'
import { textToImagePrompt } from '../simulator/sample-prompts'

// One set of client behaviours that must hold against any ComfyUI: the simulator always, and a
// real server when COMFYUI_URL is set (see client.conformance.test.ts). Prompts are built from
// the target's own object_info (its first installed checkpoint), so no model names are assumed.

export interface ConformanceServer {
  baseUrl: string
  /** Drops every WebSocket while the server keeps running (simulator only). */
  dropSockets?: () => Promise<void>
  close(): Promise<void>
}

export interface ConformanceTarget {
  name: string
  start(): Promise<ConformanceServer>
  /** Whether the server sends preview frames (ComfyUI needs --preview-method). */
  previews: boolean
  /** Sampler steps for prompts that must run long enough to be cancelled. */
  longSteps: number
}

class Sink extends Writable {
  readonly chunks: Buffer[] = []
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(chunk)
    cb()
  }
}

async function collect(watch: PromptWatch): Promise<PromptEvent[]> {
  const events: PromptEvent[] = []
  for await (const e of watch) events.push(e)
  return events
}

/** Registers the client conformance suite for one target. */
export function defineClientConformance(target: ConformanceTarget): void {
  describe(`ComfyClient conformance: ${target.name}`, () => {
    let server: ConformanceServer
    let client: ComfyClient
    let checkpoint = ''
    const prompt = (seed: number, steps = 3) => textToImagePrompt({ seed, steps, checkpoint, width: 512, height: 512 })

    beforeAll(async () => {
      server = await target.start()
      client = new ComfyClient({
        baseUrl: server.baseUrl,
        clientId: `conformance-${randomUUID()}`,
        reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
        pollIntervalMs: 100,
        silenceBeforePollMs: 500,
      })
      await client.connect()
      const info = await client.objectInfo()
      const spec = info.CheckpointLoaderSimple?.input.required?.ckpt_name?.[0]
      checkpoint = Array.isArray(spec) && typeof spec[0] === 'string' ? spec[0] : ''
    })
    afterAll(async () => {
      client?.close()
      await server?.close()
    })

    it('reads object_info, system_stats and features', async () => {
      const info = await client.objectInfo()
      expect(info.KSampler?.output_node).toBe(false)
      expect(info.SaveImage?.output_node).toBe(true)
      expect((await client.systemStats()).devices.length).toBeGreaterThan(0)
      expect(typeof (await client.features()).supports_preview_metadata).toBe('boolean')
      expect(checkpoint).not.toBe('')
    })

    it('runs a prompt: progress in order, completion, history and a downloadable PNG', async () => {
      const promptId = randomUUID()
      const submitted = await client.submit(prompt(Date.now() % 100000), { promptId })
      expect(submitted).toMatchObject({ status: 'accepted', promptId, nodeErrors: [] })
      const events = await collect(client.watch(promptId))
      const types = events.map((e) => e.type)
      expect(types[0]).toBe('started')
      expect(types.at(-1)).toBe('finished')
      const steps = events.flatMap((e) => (e.type === 'progress' && e.node === '3' ? [e.value] : []))
      expect(steps).toEqual([1, 2, 3])
      const overall = events.flatMap((e) => (e.type === 'progress' ? [e.overall] : []))
      expect(overall).toEqual([...overall].sort((a, b) => a - b))
      if (target.previews) expect(events.some((e) => e.type === 'preview' && e.image.length > 0)).toBe(true)
      expect(types.indexOf('executed')).toBeGreaterThan(types.lastIndexOf('progress'))
      const result = await client.watch(promptId).result
      expect(result.outcome).toBe('success')
      const file = result.files[0]
      if (file === undefined) throw new Error('no output file')
      const sink = new Sink()
      const { bytes, mime } = await client.download(file, sink)
      expect(mime).toBe('image/png')
      expect(bytes).toBe(Buffer.concat(sink.chunks).length)
      expect((await sharp(Buffer.concat(sink.chunks)).metadata()).format).toBe('png')
    })

    it('rejects an invalid prompt with per-node errors and queues nothing', async () => {
      const bad = textToImagePrompt({ checkpoint: 'no-such-model.safetensors' })
      const res = await client.submit(bad, { promptId: randomUUID() })
      expect(res.status).toBe('rejected')
      if (res.status !== 'rejected') return
      expect(res.error.type).toBe('prompt_outputs_failed_validation')
      expect(res.nodeErrors[0]).toMatchObject({ nodeId: '4', classType: 'CheckpointLoaderSimple' })
      expect(res.nodeErrors[0]?.errors[0]?.type).toBe('value_not_in_list')
    })

    it('serves an identical resubmission from cache with the same files', async () => {
      const p = prompt(4242)
      const first = randomUUID()
      await client.submit(p, { promptId: first })
      const a = await client.watch(first).result
      const second = randomUUID()
      await client.submit(p, { promptId: second })
      const events = await collect(client.watch(second))
      const cached = events.find((e) => e.type === 'cached')
      expect(cached?.type === 'cached' && cached.nodes.length).toBe(Object.keys(p).length)
      expect(events.some((e) => e.type === 'progress')).toBe(false)
      const b = await client.watch(second).result
      expect(b.files.map((f) => f.filename)).toEqual(a.files.map((f) => f.filename))
    })

    it('cancels a queued prompt, and a running one within one sampler step', async () => {
      const running = randomUUID()
      const queued = randomUUID()
      // Large latents make each step long enough that "within one step" is measurable.
      const big = (seed: number) =>
        textToImagePrompt({ seed, steps: target.longSteps, checkpoint, width: 1024, height: 1024 })
      await client.submit(big(1), { promptId: running })
      await client.submit(big(2), { promptId: queued })
      const watch = client.watch(running)
      // Count ticks as they arrive on the socket, not as the iterator drains its buffer.
      let ticks = 0
      const off = client.onEvent((e) => {
        if (e.type === 'progress' && e.data.prompt_id === running) ticks++
      })
      let ticksAtInterrupt = -1
      for await (const e of watch) {
        if (e.type === 'progress' && e.value === 2 && ticksAtInterrupt < 0) {
          await client.cancel(queued)
          await client.cancel(running)
          ticksAtInterrupt = ticks
        }
      }
      off()
      const result = await watch.result
      expect(result.outcome).toBe('interrupted')
      expect(ticks - ticksAtInterrupt).toBeLessThanOrEqual(1)
      const q = await client.queue()
      expect([...q.queue_pending, ...q.queue_running].map((r) => r[1])).not.toContain(queued)
      expect(await client.history(queued)).toBeNull()
    })

    it('uploads an image into the input folder', async () => {
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
        .png()
        .toBuffer()
      const name = `conformance-${randomUUID()}.png`
      const res = await client.uploadImage(png, name)
      expect(res).toMatchObject({ name, type: 'input' })
      const sink = new Sink()
      await client.download({ filename: res.name, subfolder: res.subfolder, type: 'input' }, sink)
      expect(Buffer.concat(sink.chunks).equals(png)).toBe(true)
    })

    it.runIf(target.name === 'simulator')('finishes a prompt through history after the socket drops', async () => {
      const promptId = randomUUID()
      await client.submit(prompt(77, target.longSteps), { promptId })
      const watch = client.watch(promptId)
      for await (const e of watch) {
        if (e.type === 'progress') break
      }
      await server.dropSockets?.()
      const result = await watch.result
      expect(result.outcome).toBe('success')
      expect(result.files.length).toBe(1)
    })
  })
}
