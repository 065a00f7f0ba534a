import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { z } from 'zod'
import {
  FeaturesSchema,
  HistorySchema,
  JobListSchema,
  JobSchema,
  ModelListSchema,
  type NodeErrors,
  PromptAcceptedSchema,
  PromptQueueInfoSchema,
  PromptRejectedSchema,
  QueueSchema,
  SystemStatsSchema,
  UploadResultSchema,
} from '../protocol/http-response.schema'
import { NodeDef, type ObjectInfo } from '../workflow/object-info.schema'
import { ComfyHttpError, type ComfyLogger, silentLogger } from './client-errors'
import { ComfyHttp } from './comfy-http'
import { ComfySocket, type ReconnectPolicy, type SocketEvent } from './comfy-socket'
import { type ComfyOutputFile, outputFiles } from './output-files'
import { PromptDispatcher } from './prompt-dispatcher'
import type { PromptGraphLike } from './prompt-progress'
import type { PromptWatch } from './prompt-watch'

export interface ComfyClientOptions {
  baseUrl: string
  /** Fixed per backend: ComfyUI sends execution events only to the submitter's client id. */
  clientId: string
  fetch?: typeof fetch
  logger?: ComfyLogger
  /** Reconnect after this much socket silence; long on purpose (model loads are silent). Default 15 min. */
  inactivityTimeoutMs?: number
  reconnect?: Partial<ReconnectPolicy>
  /** A watched prompt polls /history when the socket is closed or silent this long. Default 10 s. */
  silenceBeforePollMs?: number
  /** Poll interval of that fallback. Default 2 s. */
  pollIntervalMs?: number
  /** HTTP timeout for JSON routes (not downloads). Default 60 s. */
  requestTimeoutMs?: number
  /** Whether /interrupt honours `prompt_id` (ComfyUI ≥ 0.3.60); `auto` reads /system_stats. */
  targetedInterrupt?: boolean | 'auto'
}

export interface SubmitOptions {
  /** Our id for the prompt (a UUID), known before the HTTP reply. */
  promptId: string
  front?: boolean
  number?: number
  extraData?: Record<string, unknown>
  partialExecutionTargets?: string[]
}

/** A node's own validation errors, as ComfyUI lists them in `node_errors`. */
export interface PerNodeError {
  nodeId: string
  classType: string
  errors: Array<{ type: string; message: string; details: string; extraInfo: Record<string, unknown> }>
  dependentOutputs: string[]
}

export type SubmitResult =
  /** Queued; `nodeErrors` lists outputs ComfyUI dropped (200 with node_errors). */
  | { status: 'accepted'; promptId: string; number: number; nodeErrors: PerNodeError[] }
  | { status: 'rejected'; error: { type: string; message: string; details: string }; nodeErrors: PerNodeError[] }

export interface UploadOptions {
  type?: 'input' | 'temp' | 'output'
  subfolder?: string
  overwrite?: boolean
}

const RawObjectInfo = z.record(z.string(), z.unknown())

function perNodeErrors(nodeErrors: NodeErrors): PerNodeError[] {
  return Object.entries(nodeErrors).map(([nodeId, e]) => ({
    nodeId,
    classType: e.class_type,
    dependentOutputs: e.dependent_outputs,
    errors: e.errors.map((x) => ({ type: x.type, message: x.message, details: x.details, extraInfo: x.extra_info })),
  }))
}

/** Client for one ComfyUI backend (real or simulated): HTTP routes plus one WebSocket. */
export class ComfyClient {
  readonly baseUrl: string
  readonly clientId: string
  private readonly http: ComfyHttp
  private readonly socket: ComfySocket
  private readonly dispatcher: PromptDispatcher
  private readonly logger: ComfyLogger
  private readonly listeners = new Set<(e: SocketEvent) => void>()
  private readonly graphs = new Map<string, PromptGraphLike>()
  private objectInfoCache: Promise<ObjectInfo> | null = null
  private jobsApi: Promise<boolean> | null = null
  private targeted: Promise<boolean> | null

  constructor(private readonly opts: ComfyClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '')
    this.clientId = opts.clientId
    this.logger = opts.logger ?? silentLogger
    this.http = new ComfyHttp(this.baseUrl, opts.fetch ?? fetch, opts.requestTimeoutMs ?? 60_000)
    this.targeted = typeof opts.targetedInterrupt === 'boolean' ? Promise.resolve(opts.targetedInterrupt) : null
    const wsUrl = `${this.baseUrl.replace(/^http/, 'ws')}/ws?clientId=${encodeURIComponent(this.clientId)}`
    this.dispatcher = new PromptDispatcher({
      history: (id) => this.history(id),
      queuedIds: async () => {
        const q = await this.queue()
        return new Set([...q.queue_running, ...q.queue_pending].map((row) => row[1]))
      },
      socketHealthy: () => this.socket.isOpen && Date.now() - this.socket.lastMessageAt < this.silenceMs,
      pollIntervalMs: opts.pollIntervalMs ?? 2000,
      logger: this.logger,
    })
    this.socket = new ComfySocket({
      url: wsUrl,
      logger: this.logger,
      inactivityTimeoutMs: opts.inactivityTimeoutMs ?? 15 * 60_000,
      reconnect: { initialDelayMs: 250, maxDelayMs: 30_000, factor: 2, jitter: 0.25, ...opts.reconnect },
      onEvent: (e) => {
        this.dispatcher.handle(e)
        for (const l of this.listeners) l(e)
      },
    })
  }

  private get silenceMs(): number {
    return this.opts.silenceBeforePollMs ?? 10_000
  }

  /** Opens the WebSocket (idempotent); resolves once connected. */
  connect(): Promise<void> {
    return this.socket.connect()
  }

  /** Closes the socket and stops every watch's polling. */
  close(): void {
    this.socket.close()
    this.dispatcher.close()
  }

  get connected(): boolean {
    return this.socket.isOpen
  }

  /** Subscribes to every decoded socket event (including `unknown` and `malformed`). */
  onEvent(listener: (e: SocketEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** POST /prompt with our prompt id and client id. */
  async submit(prompt: PromptGraphLike, options: SubmitOptions): Promise<SubmitResult> {
    const body: Record<string, unknown> = { prompt, client_id: this.clientId, prompt_id: options.promptId }
    if (options.front) body.front = true
    if (options.number !== undefined) body.number = options.number
    if (options.extraData) body.extra_data = options.extraData
    if (options.partialExecutionTargets) body.partial_execution_targets = options.partialExecutionTargets
    this.graphs.set(options.promptId, prompt)
    // Registered before the POST: on a fast server, events can beat the HTTP reply.
    const w = this.dispatcher.watch(options.promptId, prompt, () => this.graphs.delete(options.promptId), false)
    let res: Response
    try {
      res = await this.http.request('POST', '/prompt', { json: body })
    } catch (err) {
      w.discard()
      throw err
    }
    if (res.status === 400) {
      w.discard()
      const rejected = await this.http.parse('/prompt', res, PromptRejectedSchema)
      const { type, message, details } = rejected.error
      return { status: 'rejected', error: { type, message, details }, nodeErrors: perNodeErrors(rejected.node_errors) }
    }
    if (!res.ok) {
      w.discard()
      throw new ComfyHttpError('POST', '/prompt', res.status, await res.text())
    }
    const ok = await this.http.parse('/prompt', res, PromptAcceptedSchema)
    this.dispatcher.arm(w)
    return { status: 'accepted', promptId: ok.prompt_id, number: ok.number, nodeErrors: perNodeErrors(ok.node_errors) }
  }

  /** Typed event stream of one prompt; completes after `executing: null` and the history fetch. */
  watch(promptId: string, options: { prompt?: PromptGraphLike } = {}): PromptWatch {
    void this.connect()
    const graph = options.prompt ?? this.graphs.get(promptId)
    return this.dispatcher.watch(promptId, graph, () => this.graphs.delete(promptId))
  }

  /** Files listed in a history entry (non-file keys such as `animated` skipped). */
  outputs(history: Parameters<typeof outputFiles>[0]): ComfyOutputFile[] {
    return outputFiles(history)
  }

  /** Streams one output file from /view into `writable` (never buffered whole). */
  async download(
    file: Pick<ComfyOutputFile, 'filename' | 'subfolder' | 'type'>,
    writable: Writable,
  ): Promise<{ bytes: number; mime: string | null }> {
    const q = new URLSearchParams({ filename: file.filename, subfolder: file.subfolder, type: file.type })
    const res = await this.http.request('GET', `/view?${q}`, { timeout: false })
    if (!res.ok || res.body === null) throw new ComfyHttpError('GET', '/view', res.status, await res.text())
    let bytes = 0
    // fetch's body is a web ReadableStream; the DOM and node:stream/web typings differ only nominally.
    const source = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>)
    source.on('data', (chunk: Buffer) => {
      bytes += chunk.length
    })
    await pipeline(source, writable)
    return { bytes, mime: res.headers.get('content-type') }
  }

  /** POST /upload/image (multipart). */
  uploadImage(data: Uint8Array | Blob, filename: string, options: UploadOptions = {}) {
    return this.upload('/upload/image', data, filename, options)
  }

  /** POST /upload/mask; ComfyUI copies the mask's alpha onto `originalRef`. */
  uploadMask(
    data: Uint8Array | Blob,
    filename: string,
    originalRef: { filename: string; subfolder?: string; type?: string },
    options: UploadOptions = {},
  ) {
    return this.upload('/upload/mask', data, filename, options, { original_ref: JSON.stringify(originalRef) })
  }

  private async upload(
    path: string,
    data: Uint8Array | Blob,
    filename: string,
    options: UploadOptions,
    extra: Record<string, string> = {},
  ) {
    const form = new FormData()
    form.append('image', data instanceof Blob ? data : new Blob([new Uint8Array(data)]), filename)
    form.append('type', options.type ?? 'input')
    if (options.subfolder) form.append('subfolder', options.subfolder)
    if (options.overwrite) form.append('overwrite', 'true')
    for (const [k, v] of Object.entries(extra)) form.append(k, v)
    const res = await this.http.request('POST', path, { body: form })
    if (!res.ok) throw new ComfyHttpError('POST', path, res.status, await res.text())
    return this.http.parse(path, res, UploadResultSchema)
  }

  /**
   * Cancel = delete from the queue, then interrupt with prompt_id. A server without targeted
   * interrupt treats that as global, so it is sent there only when our prompt is the running one.
   */
  async cancel(promptId: string): Promise<{ interrupted: boolean }> {
    await this.http.postEmpty('/queue', { delete: [promptId] })
    if (!(await this.supportsTargetedInterrupt())) {
      const q = await this.queue()
      if (!q.queue_running.some((row) => row[1] === promptId)) return { interrupted: false }
    }
    await this.http.postEmpty('/interrupt', { prompt_id: promptId })
    return { interrupted: true }
  }

  private supportsTargetedInterrupt(): Promise<boolean> {
    this.targeted ??= this.systemStats()
      .then((s) => versionAtLeast(s.system.comfyui_version ?? '0', [0, 3, 60]))
      .catch(() => false)
    return this.targeted
  }

  /** POST /history {delete}. */
  deleteHistory(promptIds: string[]): Promise<void> {
    return this.http.postEmpty('/history', { delete: promptIds })
  }

  /** GET /object_info, cached per client; slow on real servers, so call refreshObjectInfo() explicitly. */
  objectInfo(): Promise<ObjectInfo> {
    this.objectInfoCache ??= this.fetchObjectInfo().catch((err: unknown) => {
      this.objectInfoCache = null
      throw err
    })
    return this.objectInfoCache
  }

  refreshObjectInfo(): Promise<ObjectInfo> {
    this.objectInfoCache = null
    return this.objectInfo()
  }

  private async fetchObjectInfo(): Promise<ObjectInfo> {
    const raw = await this.http.getJson('/object_info', RawObjectInfo)
    const info: ObjectInfo = {}
    // One odd custom node must not hide the hundreds of good ones: skip and log it.
    for (const [name, def] of Object.entries(raw)) {
      const parsed = NodeDef.safeParse(def)
      if (parsed.success) info[name] = parsed.data
      else this.logger.warn({ node: name, baseUrl: this.baseUrl }, 'object_info: skipped unparsable node definition')
    }
    return info
  }

  systemStats() {
    return this.http.getJson('/system_stats', SystemStatsSchema)
  }

  features() {
    return this.http.getJson('/features', FeaturesSchema)
  }

  /** GET /models (folder names) or /models/{folder} (file names). */
  models(folder?: string) {
    return this.http.getJson(
      folder === undefined ? '/models' : `/models/${encodeURIComponent(folder)}`,
      ModelListSchema,
    )
  }

  queue() {
    return this.http.getJson('/queue', QueueSchema)
  }

  async queueRemaining(): Promise<number> {
    return (await this.http.getJson('/prompt', PromptQueueInfoSchema)).exec_info.queue_remaining
  }

  /** GET /history/{id}: the entry, or null while unknown, queued or running. */
  async history(promptId: string) {
    const all = await this.http.getJson(`/history/${encodeURIComponent(promptId)}`, HistorySchema)
    return all[promptId] ?? null
  }

  /** Whether the newer `/api/jobs` routes exist on this server (probed once). */
  hasJobsApi(): Promise<boolean> {
    this.jobsApi ??= this.http
      .request('GET', '/api/jobs?limit=1')
      .then(async (res) => res.ok && JobListSchema.safeParse(await res.json()).success)
      .catch(() => false)
    return this.jobsApi
  }

  /** GET /api/jobs/{id}, or null when the server lacks the jobs API or the job. */
  async job(promptId: string) {
    if (!(await this.hasJobsApi())) return null
    const res = await this.http.request('GET', `/api/jobs/${encodeURIComponent(promptId)}`)
    if (res.status === 404) return null
    if (!res.ok) throw new ComfyHttpError('GET', '/api/jobs', res.status, await res.text())
    return this.http.parse('/api/jobs', res, JobSchema)
  }
}

function versionAtLeast(version: string, min: [number, number, number]): boolean {
  const parts = version.split(/[.+-]/).map((p) => Number.parseInt(p, 10))
  for (let i = 0; i < 3; i++) {
    const v = Number.isFinite(parts[i]) ? (parts[i] ?? 0) : 0
    if (v !== min[i]) return v > (min[i] ?? 0)
  }
  return true
}
