import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { decodeBinaryFrame } from '../protocol/binary-frame.codec'
import { textToImagePrompt, textToVideoPrompt } from './sample-prompts'
import { type Simulator, type SimulatorOptions, startSimulator } from './simulator.server'

let sims: Simulator[] = []
let sockets: WebSocket[] = []
afterEach(async () => {
  for (const ws of sockets) ws.terminate()
  sockets = []
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})

async function sim(opts: SimulatorOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ timeScale: 0.002, ...opts })
  sims.push(s)
  return s
}

interface Recorder {
  ws: WebSocket
  messages: Array<{ type: string; data: Record<string, unknown> }>
  binary: Buffer[]
  until(pred: (m: { type: string; data: Record<string, unknown> }) => boolean): Promise<void>
}

async function connect(url: string, clientId: string, metadata = false): Promise<Recorder> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws?clientId=${clientId}`)
  sockets.push(ws)
  const rec: Recorder = {
    ws,
    messages: [],
    binary: [],
    until: (pred) =>
      new Promise((resolve) => {
        const check = () => {
          if (rec.messages.some(pred)) resolve()
          else setTimeout(check, 5)
        }
        check()
      }),
  }
  ws.on('message', (data, isBinary) => {
    if (!Buffer.isBuffer(data)) return
    if (isBinary) rec.binary.push(data)
    else rec.messages.push(JSON.parse(data.toString()))
  })
  await new Promise((resolve) => ws.once('open', resolve))
  if (metadata) ws.send(JSON.stringify({ type: 'feature_flags', data: { supports_preview_metadata: true } }))
  await rec.until((m) => m.type === 'status')
  return rec
}

async function post(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(url + path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  })
}

const done = (id: string) => (m: { type: string; data: Record<string, unknown> }) =>
  m.type === 'executing' && m.data.node === null && m.data.prompt_id === id

describe('simulator protocol', () => {
  it('sends the submitter ComfyUI’s message sequence and writes history before executing null', async () => {
    const s = await sim()
    const rec = await connect(s.url, 'c1')
    const res = await post(s.url, '/prompt', {
      prompt: textToImagePrompt({ steps: 3 }),
      client_id: 'c1',
      prompt_id: 'p1',
    })
    expect(await res.json()).toEqual({ prompt_id: 'p1', number: 0, node_errors: {} })
    await rec.until(done('p1'))
    const types = rec.messages.map((m) => m.type).filter((t) => t !== 'progress_state')
    expect(types.slice(0, 5)).toEqual(['status', 'status', 'status', 'execution_start', 'execution_cached'])
    expect(types.slice(-3)).toEqual(['execution_success', 'status', 'executing'])
    expect(rec.messages.filter((m) => m.type === 'progress').map((m) => m.data.value)).toEqual([1, 2, 3])
    expect(rec.binary.map((b) => decodeBinaryFrame(b).type)).toEqual(['preview', 'preview', 'preview'])
    const history = await (await fetch(`${s.url}/api/history/p1`)).json()
    expect(history.p1.status).toMatchObject({ status_str: 'success', completed: true })
  })

  it('sends execution events only to the submitter but progress to everyone when there is no client id', async () => {
    const s = await sim()
    const other = await connect(s.url, 'watcher')
    await post(s.url, '/prompt', { prompt: textToImagePrompt({ steps: 2 }), prompt_id: 'anon' })
    await other.until((m) => m.type === 'progress')
    await new Promise((r) => setTimeout(r, 50))
    expect(other.messages.some((m) => m.type === 'executing' || m.type === 'execution_start')).toBe(false)
  })

  it('switches previews to type 4 with metadata after feature negotiation', async () => {
    const s = await sim()
    const rec = await connect(s.url, 'm', true)
    await rec.until((m) => m.type === 'feature_flags')
    await post(s.url, '/prompt', { prompt: textToImagePrompt({ steps: 2 }), client_id: 'm', prompt_id: 'pm' })
    await rec.until(done('pm'))
    const frame = decodeBinaryFrame(rec.binary[0] ?? Buffer.alloc(0))
    expect(frame).toMatchObject({ type: 'preview', mime: 'image/jpeg', metadata: { prompt_id: 'pm', node_id: '3' } })
  })

  it('answers the 400 shapes for an unknown class and a bad combo value', async () => {
    const s = await sim()
    const unknown = await post(s.url, '/prompt', { prompt: { '1': { class_type: 'Nope', inputs: {} } } })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).error.type).toBe('invalid_prompt')
    const bad = textToImagePrompt({ checkpoint: 'missing.safetensors' })
    const res = await post(s.url, '/api/prompt', { prompt: bad })
    const body = await res.json()
    expect(res.status).toBe(400)
    expect(body.error.type).toBe('prompt_outputs_failed_validation')
    expect(body.node_errors['4'].errors[0].type).toBe('value_not_in_list')
  })

  it('runs front-queued prompts first and never deletes the running prompt', async () => {
    const s = await sim({ timeScale: 0.05 })
    await post(s.url, '/prompt', { prompt: textToImagePrompt({ seed: 1 }), prompt_id: 'a' })
    await post(s.url, '/prompt', { prompt: textToImagePrompt({ seed: 2 }), prompt_id: 'b' })
    await post(s.url, '/prompt', { prompt: textToImagePrompt({ seed: 3 }), prompt_id: 'c', front: true })
    while (s.state.running === null) await new Promise((r) => setTimeout(r, 5))
    const queue = await (await fetch(`${s.url}/queue`)).json()
    expect(queue.queue_running[0][1]).toBe('a')
    expect(queue.queue_pending.map((r: unknown[]) => r[1]).sort()).toEqual(['b', 'c'])
    await post(s.url, '/queue', { delete: ['a', 'b'] })
    expect(s.state.running).toBe('a')
    expect(s.state.pending).toEqual(['c'])
  })

  it('reports an out-of-memory execution_error when the workflow needs more VRAM than the GPU has', async () => {
    const s = await sim({ vramGb: 8 })
    const rec = await connect(s.url, 'o')
    await post(s.url, '/prompt', { prompt: textToVideoPrompt({ steps: 2 }), client_id: 'o', prompt_id: 'v' })
    await rec.until(done('v'))
    const err = rec.messages.find((m) => m.type === 'execution_error')
    expect(err?.data.exception_type).toBe('torch.OutOfMemoryError')
    expect(String(err?.data.exception_message)).toContain('out of memory')
  })

  it('serves deterministic PNGs and animated WEBPs made with sharp', async () => {
    const s = await sim({ vramGb: 48 })
    const rec = await connect(s.url, 'f')
    await post(s.url, '/prompt', {
      prompt: textToImagePrompt({ steps: 1, width: 128, height: 96 }),
      client_id: 'f',
      prompt_id: 'i',
    })
    await post(s.url, '/prompt', {
      prompt: textToVideoPrompt({ steps: 1, width: 64, height: 64, length: 9 }),
      client_id: 'f',
      prompt_id: 'w',
    })
    await rec.until(done('w'))
    const png = Buffer.from(
      await (await fetch(`${s.url}/view?filename=AIPipeline_00001_.png&type=output`)).arrayBuffer(),
    )
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 128, height: 96 })
    const webp = await fetch(`${s.url}/api/view?filename=AIPipeline_video_00001_.webp&type=output&subfolder=`)
    expect(webp.headers.get('content-type')).toBe('image/webp')
    const meta = await sharp(Buffer.from(await webp.arrayBuffer()), { animated: true }).metadata()
    expect(meta.pages).toBeGreaterThan(1)
  })

  it('forgets everything and refuses connections after a crash until restarted', async () => {
    const s = await sim()
    await post(s.url, '/prompt', { prompt: textToImagePrompt({ steps: 1 }), prompt_id: 'x' })
    while (s.state.history.length === 0) await new Promise((r) => setTimeout(r, 5))
    await s.inject({ kind: 'crash' })
    await expect(fetch(`${s.url}/features`)).rejects.toThrow()
    await s.restart()
    expect(await (await fetch(`${s.url}/history/x`)).json()).toEqual({})
  })
})
