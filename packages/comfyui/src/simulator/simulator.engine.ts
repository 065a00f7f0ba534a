import { randomBytes, randomUUID } from 'node:crypto'
import { z } from 'zod'
import { parseApiPrompt, toComfyNodeErrors, toComfyValidationResponse, validateApiPrompt } from '../workflow'
import type { ObjectInfo } from '../workflow/object-info.schema'
import { PromptHeap, type QueuedPrompt } from './prompt-heap'
import { type ExecutorContext, executePrompt, type PromptOutcome } from './simulator-executor'
import { estimateVramGb, isSampler, type SimGraph } from './simulator-graph'
import type { MediaDescriptor } from './simulator-media'
import { FileCounters, type NodeRun, outputFor } from './simulator-outputs'
import type { SocketHub } from './simulator-socket.hub'

// The in-memory ComfyUI: PromptQueue (heap + one running item + history), the classic output
// cache and the output files. Everything here is forgotten on crash/restart, like ComfyUI.

const SENSITIVE_EXTRA_DATA_KEYS = ['auth_token_comfy_org', 'api_key_comfy_org']
const MAXIMUM_HISTORY_SIZE = 10000

export const PromptRequestSchema = z.looseObject({
  prompt: z.unknown().optional(),
  client_id: z.string().optional(),
  prompt_id: z.string().optional(),
  extra_data: z.record(z.string(), z.unknown()).optional(),
  number: z.number().optional(),
  front: z.boolean().optional(),
  partial_execution_targets: z.array(z.string()).optional(),
})

export type StoredFile = { kind: 'media'; media: MediaDescriptor } | { kind: 'bytes'; bytes: Buffer }

export interface EngineOptions {
  objectInfo: () => ObjectInfo
  hub: SocketHub
  vramGb: number
  /** Real milliseconds per nominal millisecond (timeScale / speed); 0 = instant. */
  msFactor: () => number
  previewFrames: () => Buffer[]
}

export class SimulatorEngine {
  readonly queue = new PromptHeap()
  running: QueuedPrompt | null = null
  readonly history = new Map<string, Record<string, unknown>>()
  readonly files = new Map<string, StoredFile>()
  readonly oomTargets: Array<{ nodeId?: string; classType?: string }> = []
  hang = false
  completed = 0
  private readonly cache = new Map<string, NodeRun['output']>()
  private readonly counters = new FileCounters()
  private counter = 0
  private interruptFlag = false
  private lastNode: string | null = null
  private epoch = 0
  private wake: (() => void) | null = null
  private stopped = false
  /**
   * The simulated GPU's clock: the real time (ms) at which the work booked so far is done. Waits
   * sleep until this deadline instead of for a duration, so a late timer or a busy event loop
   * (eight simulators in one process, a loaded CI machine) does not stretch a run: the GPU's
   * time does not depend on how busy its host's CPU is. See `wait`.
   */
  private gpuDueAt = 0

  constructor(private readonly opts: EngineOptions) {
    void this.workerLoop()
  }

  get queueRemaining(): number {
    return this.queue.size + (this.running ? 1 : 0)
  }

  /** Messages for a (re)connecting socket: ComfyUI re-sends `executing` without prompt_id. */
  onConnect(sid: string): Array<{ type: string; data: unknown }> {
    if (this.running?.clientId !== sid || this.lastNode === null) return []
    return [{ type: 'executing', data: { node: this.lastNode } }]
  }

  /** Handles POST /prompt; returns the HTTP status and JSON body. */
  submit(json: unknown): { status: number; body: unknown } {
    const req = PromptRequestSchema.safeParse(json)
    if (!req.success || req.data.prompt === undefined) {
      const error = { type: 'no_prompt', message: 'No prompt provided', details: 'No prompt provided', extra_info: {} }
      return { status: 400, body: { error, node_errors: {} } }
    }
    const body = req.data
    const parsed = parseApiPrompt(body.prompt)
    if (!parsed.ok) return toComfyValidationResponse(parsed.errors)
    const opts = body.partial_execution_targets ? { partialExecutionTargets: body.partial_execution_targets } : {}
    const result = validateApiPrompt(parsed.prompt, this.opts.objectInfo(), opts)
    if (!result.ok) return toComfyValidationResponse(result.errors)
    const promptId = body.prompt_id ?? randomUUID()
    const number = body.number ?? (body.front ? -this.counter : this.counter)
    this.counter++
    const extraData: Record<string, unknown> = { ...(body.extra_data ?? {}), create_time: Date.now() }
    if (body.client_id !== undefined) extraData.client_id = body.client_id
    const clientId = typeof extraData.client_id === 'string' ? extraData.client_id : null
    const graph: SimGraph = parsed.prompt
    this.queue.push({
      number,
      promptId,
      prompt: graph,
      extraData,
      outputs: result.outputs,
      executionOrder: result.executionOrder,
      clientId,
    })
    this.queueUpdated()
    this.wake?.()
    return { status: 200, body: { prompt_id: promptId, number, node_errors: toComfyNodeErrors(result.errors) } }
  }

  /** POST /interrupt: targeted when `promptId` is given (no-op unless it is running). */
  interrupt(promptId: string | undefined): void {
    if (promptId !== undefined && this.running?.promptId !== promptId) return
    if (this.running) this.interruptFlag = true
  }

  /** POST /queue {delete}: pending items only; the running prompt is untouched. */
  deleteQueued(ids: string[]): void {
    if (this.queue.remove(new Set(ids)) > 0) this.queueUpdated()
  }

  clearQueue(): void {
    this.queue.clear()
    this.queueUpdated()
  }

  queueRow(item: QueuedPrompt): unknown[] {
    const extra = { ...item.extraData }
    for (const key of SENSITIVE_EXTRA_DATA_KEYS) delete extra[key]
    return [item.number, item.promptId, item.prompt, extra, item.outputs]
  }

  /** POST /free with free_memory: drops cached node outputs (files stay). */
  freeMemory(): void {
    this.cache.clear()
  }

  /** Releases a hang: prompts start and progress again. */
  resume(): void {
    this.hang = false
    this.wake?.()
  }

  /** Forgets everything and abandons the running prompt without another message (crash). */
  reset(): void {
    this.epoch++
    this.queue.clear()
    this.running = null
    this.history.clear()
    this.cache.clear()
    this.counters.clear()
    this.lastNode = null
    for (const key of [...this.files.keys()]) if (!key.startsWith('input/')) this.files.delete(key)
    this.wake?.()
  }

  stop(): void {
    this.stopped = true
    this.epoch++
    this.wake?.()
  }

  private queueUpdated(): void {
    this.opts.hub.send('status', { status: { exec_info: { queue_remaining: this.queueRemaining } } }, null)
  }

  private async workerLoop(): Promise<void> {
    while (!this.stopped) {
      if (this.hang || this.queue.size === 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve
        })
        this.wake = null
        continue
      }
      // Yield to the event loop between prompts so HTTP and sockets stay served at zero duration.
      await new Promise((resolve) => setImmediate(resolve))
      if (this.hang) continue
      const item = this.queue.pop()
      if (item === undefined) continue
      this.running = item
      this.interruptFlag = false
      this.queueUpdated()
      // A prompt waiting in the queue starts where the previous one ended, not when this loop got
      // round to it; one that arrived at an idle GPU starts when it arrived.
      this.gpuDueAt = Math.max(this.gpuDueAt, createTime(item), Date.now() - MAX_CATCH_UP_MS)
      const epoch = this.epoch
      const outcome = await executePrompt(this.context(epoch), item)
      if (outcome === null || epoch !== this.epoch) continue
      this.finish(item, outcome)
    }
  }

  private finish(item: QueuedPrompt, outcome: PromptOutcome): void {
    const meta: Record<string, unknown> = {}
    for (const id of Object.keys(outcome.outputs)) {
      meta[id] = { node_id: id, display_node: id, parent_node: null, real_node_id: id }
    }
    const status = {
      status_str: outcome.status === 'success' ? 'success' : 'error',
      completed: outcome.status === 'success',
      messages: outcome.messages,
    }
    this.history.set(item.promptId, { prompt: this.queueRow(item), outputs: outcome.outputs, status, meta })
    if (this.history.size > MAXIMUM_HISTORY_SIZE) {
      const oldest = this.history.keys().next()
      if (!oldest.done) this.history.delete(oldest.value)
    }
    this.running = null
    this.lastNode = null
    this.completed++
    // History is written and `status` broadcast before `executing: null` (main.py prompt_worker).
    this.queueUpdated()
    if (item.clientId !== null) this.opts.hub.send('executing', { node: null, prompt_id: item.promptId }, item.clientId)
  }

  private context(epoch: number): ExecutorContext {
    const hub = this.opts.hub
    const tempTag = randomBytes(3).toString('hex')
    return {
      send: (type, data, sid) => {
        if (epoch === this.epoch) hub.send(type, data, sid)
      },
      preview: (promptId, nodeId, step, sid, kind) => {
        const frames = this.opts.previewFrames()
        const image = frames[step % Math.max(1, frames.length)]
        if (image === undefined || epoch !== this.epoch) return
        hub.sendPreview(
          image,
          'image/jpeg',
          { node_id: nodeId, prompt_id: promptId, display_node_id: nodeId, parent_node_id: null, real_node_id: nodeId },
          sid,
          kind,
        )
      },
      wait: (nominalMs) => this.wait(nominalMs, epoch),
      interruptRequested: () => this.interruptFlag,
      cachedOutput: (key) => this.cache.get(key) ?? undefined,
      isCached: (key) => this.cache.has(key),
      runOutputNode: (item, id, key) => {
        const run = outputFor(item.prompt, id, key, this.counters, tempTag)
        for (const f of run.files)
          this.files.set(fileKey(f.file.type, f.file.subfolder, f.file.filename), { kind: 'media', media: f.media })
        return run.output
      },
      storeCache: (key, output) => {
        this.cache.set(key, output)
      },
      oomNode: (item) => this.oomNode(item),
      vramGb: this.opts.vramGb,
      setLastNode: (id) => {
        this.lastNode = id
      },
    }
  }

  private oomNode(item: QueuedPrompt): string | null {
    for (const id of item.executionOrder) {
      const node = item.prompt[id]
      if (node === undefined) continue
      if (this.oomTargets.some((t) => t.nodeId === id || t.classType === node.class_type)) return id
    }
    if (estimateVramGb(item.prompt) <= this.opts.vramGb) return null
    // Memory runs out where the model and latents meet the GPU: the first sampler.
    return (
      item.executionOrder.find((id) => {
        const node = item.prompt[id]
        return node !== undefined && isSampler(node)
      }) ?? null
    )
  }

  private async wait(nominalMs: number, epoch: number): Promise<boolean> {
    const ms = nominalMs * this.opts.msFactor()
    if (ms > 0) {
      this.gpuDueAt = Math.max(this.gpuDueAt, Date.now() - MAX_CATCH_UP_MS) + ms
      const delay = this.gpuDueAt - Date.now()
      // Behind the GPU clock: catch up, but still yield so sockets and other simulators run.
      if (delay >= 1) await new Promise((resolve) => setTimeout(resolve, delay))
      else await new Promise((resolve) => setImmediate(resolve))
    }
    if (this.hang) {
      while (this.hang && epoch === this.epoch) await new Promise((resolve) => setTimeout(resolve, 20))
      // A hung GPU did no work: the time it hung is not credited to what follows.
      this.gpuDueAt = Date.now()
    }
    return epoch === this.epoch
  }
}

/**
 * The most the GPU clock may run ahead of the event loop before it is pulled forward: a stall
 * longer than this (a debugger pause, a suspended host) is treated as the GPU standing still.
 */
const MAX_CATCH_UP_MS = 1000

function createTime(item: QueuedPrompt): number {
  const t = item.extraData.create_time
  return typeof t === 'number' ? t : Date.now()
}

/** Key of a stored file: type, subfolder and name as /view addresses it. */
export function fileKey(type: string, subfolder: string, filename: string): string {
  return `${type}/${subfolder}/${filename}`
}
