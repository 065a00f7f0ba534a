import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sharp from 'sharp'
import { z } from 'zod'
import type { ObjectInfo } from '../workflow/object-info.schema'
import { fileKey, type SimulatorEngine, type StoredFile } from './simulator.engine'
import { mimeForFilename, renderMedia } from './simulator-media'

// ComfyUI's HTTP routes (server.py). The dispatcher strips a leading `/api`, so every route
// answers under both `/x` and `/api/x` like PromptServer.add_routes.

export interface RouteContext {
  engine: SimulatorEngine
  objectInfo: () => ObjectInfo
  systemStats: () => unknown
  features: () => Record<string, unknown>
  models: () => Record<string, string[]>
  onInputsChanged: () => void
  jobsApi: boolean
  /** The status /view answers for output files while the fail-downloads fault is on, else null. */
  failDownloads: () => number | null
  /** The status /upload/* answers while the fail-uploads fault is on, else null. */
  failUploads: () => number | null
  /** Notes an upload as it was stored (tests read exactly what a backend received). */
  recordUpload: (upload: SimulatorUpload) => void
  /** Every upload so far (GET /sim/uploads, the simulator's own test route). */
  uploads: () => SimulatorUpload[]
}

/** One upload the simulator stored, as a test reads it back. */
export interface SimulatorUpload {
  route: 'image' | 'mask'
  /** The name it was stored under (renamed `name (1).ext` on a clash with other content). */
  name: string
  /** The name the client sent. */
  requestedName: string
  subfolder: string
  type: string
  /** sha256 of the bytes the client sent. */
  receivedSha256: string
  /** sha256 of the stored file (for masks: the original with the mask's alpha). */
  storedSha256: string
  /** The same name already held the same content, so nothing new was written. */
  reused: boolean
  /** Masks: the alpha channel of the stored file, one byte per pixel, row-major. */
  alpha: { width: number; height: number; data: Buffer } | null
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

async function alphaOf(png: Buffer): Promise<SimulatorUpload['alpha']> {
  const { data, info } = await sharp(png).ensureAlpha().extractChannel(3).raw().toBuffer({ resolveWithObject: true })
  return { width: info.width, height: info.height, data }
}

const MODEL_FOLDERS = ['checkpoints', 'loras', 'vae', 'text_encoders', 'diffusion_models', 'clip_vision']
  .concat(['style_models', 'embeddings', 'diffusers', 'vae_approx', 'controlnet', 'gligen', 'upscale_models'])
  .concat(['hypernetworks', 'photomaker', 'classifiers', 'model_patches', 'audio_encoders'])

const QueueBody = z.looseObject({ clear: z.boolean().optional(), delete: z.array(z.string()).optional() })
const FreeBody = z.looseObject({ unload_models: z.boolean().optional(), free_memory: z.boolean().optional() })
const OriginalRef = z.looseObject({
  filename: z.string(),
  subfolder: z.string().default(''),
  type: z.string().default('input'),
})
const InterruptBody = z.looseObject({ prompt_id: z.string().optional() })

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

function empty(res: ServerResponse, status = 200): void {
  res.writeHead(status, { 'content-length': 0 })
  res.end()
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  return Buffer.concat(chunks)
}

/** JSON body, or undefined for an empty or invalid one (ComfyUI tolerates both on /interrupt). */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const buf = await readBody(req)
  if (buf.length === 0) return undefined
  try {
    return JSON.parse(buf.toString('utf8'))
  } catch {
    return undefined
  }
}

const renderCache = new Map<StoredFile, Promise<Buffer>>()

async function fileBytes(file: StoredFile): Promise<Buffer> {
  if (file.kind === 'bytes') return file.bytes
  let pending = renderCache.get(file)
  if (pending === undefined) {
    pending = renderMedia(file.media)
    renderCache.set(file, pending)
    // A small memo: /view is usually hit once or twice per file.
    if (renderCache.size > 64) {
      const first = renderCache.keys().next()
      if (!first.done) renderCache.delete(first.value)
    }
  }
  return pending
}

async function view(ctx: RouteContext, url: URL, res: ServerResponse): Promise<void> {
  let filename = url.searchParams.get('filename') ?? ''
  let type = url.searchParams.get('type') || 'output'
  const annotated = /^(.*) \[(output|input|temp)\]$/.exec(filename)
  if (annotated?.[1] !== undefined && annotated[2] !== undefined) {
    filename = annotated[1]
    type = annotated[2]
  }
  const subfolder = url.searchParams.get('subfolder') ?? ''
  if (filename === '' || filename.startsWith('/') || filename.includes('..')) return empty(res, 400)
  if (subfolder.startsWith('/') || subfolder.split('/').includes('..')) return empty(res, 403)
  const file = ctx.engine.files.get(fileKey(type, subfolder, filename))
  if (file === undefined) return empty(res, 404)
  const failing = ctx.failDownloads()
  if (failing !== null && type === 'output') return empty(res, failing)
  const bytes = await fileBytes(file)
  res.writeHead(200, {
    'content-type': mimeForFilename(filename),
    'content-length': bytes.length,
    'content-disposition': `filename="${filename}"`,
  })
  res.end(bytes)
}

/** /upload/mask: the original image with the uploaded mask's alpha channel, as a PNG. */
async function applyMask(ctx: RouteContext, refJson: string, mask: Buffer): Promise<Buffer | null> {
  let raw: unknown
  try {
    raw = JSON.parse(refJson)
  } catch {
    return null
  }
  const ref = OriginalRef.safeParse(raw)
  if (!ref.success) return null
  const original = ctx.engine.files.get(fileKey(ref.data.type, ref.data.subfolder, ref.data.filename))
  if (original === undefined) return null
  try {
    const rgb = await sharp(await fileBytes(original))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    const { width, height } = rgb.info
    const alpha = await sharp(mask).ensureAlpha().extractChannel(3).resize(width, height).raw().toBuffer()
    return await sharp(rgb.data, { raw: { width, height, channels: 3 } })
      .joinChannel(alpha, { raw: { width, height, channels: 1 } })
      .png()
      .toBuffer()
  } catch {
    return null
  }
}

async function upload(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req)
  const failing = ctx.failUploads()
  if (failing !== null) return empty(res, failing)
  let form: FormData
  try {
    form = await new Request('http://sim/upload', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: new Uint8Array(body),
    }).formData()
  } catch {
    return empty(res, 400)
  }
  const image = form.get('image')
  if (image === null || typeof image === 'string') return empty(res, 400)
  const type = String(form.get('type') ?? 'input') || 'input'
  const subfolder = String(form.get('subfolder') ?? '')
  const overwrite = ['true', '1'].includes(String(form.get('overwrite') ?? ''))
  if (subfolder.startsWith('/') || subfolder.split('/').includes('..') || image.name.includes('..'))
    return empty(res, 400)
  const received: Buffer = Buffer.from(await image.arrayBuffer())
  let bytes = received
  const ref = form.get('original_ref')
  if (typeof ref === 'string') {
    const masked = await applyMask(ctx, ref, bytes)
    if (masked === null) return empty(res, 400)
    bytes = masked
  }
  let name = image.name || 'image.png'
  const dot = name.lastIndexOf('.')
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
  // Name clash → "name (1).ext", unless the existing file has the same content.
  let reused = false
  for (let i = 1; !overwrite; i++) {
    const existing = ctx.engine.files.get(fileKey(type, subfolder, name))
    if (existing === undefined) break
    if (existing.kind === 'bytes' && existing.bytes.equals(bytes)) {
      reused = true
      break
    }
    name = `${stem} (${i})${ext}`
  }
  ctx.engine.files.set(fileKey(type, subfolder, name), { kind: 'bytes', bytes })
  ctx.onInputsChanged()
  ctx.recordUpload({
    route: typeof ref === 'string' ? 'mask' : 'image',
    name,
    requestedName: image.name,
    subfolder,
    type,
    receivedSha256: sha256(received),
    storedSha256: sha256(bytes),
    reused,
    alpha: typeof ref === 'string' ? await alphaOf(bytes) : null,
  })
  json(res, 200, { name, subfolder, type })
}

function history(ctx: RouteContext, url: URL, res: ServerResponse): void {
  const entries = [...ctx.engine.history.entries()]
  const max = Number(url.searchParams.get('max_items') ?? Number.NaN)
  const offset = Number(url.searchParams.get('offset') ?? Number.NaN)
  let slice = entries
  if (Number.isFinite(offset)) slice = entries.slice(offset, Number.isFinite(max) ? offset + max : undefined)
  else if (Number.isFinite(max)) slice = entries.slice(Math.max(0, entries.length - max))
  json(res, 200, Object.fromEntries(slice))
}

function jobs(ctx: RouteContext, path: string, res: ServerResponse): void {
  const e = ctx.engine
  const job = (id: string): Record<string, unknown> | null => {
    if (e.running?.promptId === id) return { id, status: 'in_progress', priority: e.running.number }
    const pending = e.queue.items.find((i) => i.promptId === id)
    if (pending) return { id, status: 'pending', priority: pending.number }
    const h = e.history.get(id)
    if (!h) return null
    const parsed = z
      .looseObject({ status: z.looseObject({ status_str: z.string() }), outputs: z.record(z.string(), z.unknown()) })
      .safeParse(h)
    const ok = parsed.success && parsed.data.status.status_str === 'success'
    return { id, status: ok ? 'completed' : 'failed', outputs: parsed.success ? parsed.data.outputs : {} }
  }
  const id = path.slice('/jobs/'.length)
  if (path === '/jobs') {
    const ids = [
      ...(e.running ? [e.running.promptId] : []),
      ...e.queue.items.map((i) => i.promptId),
      ...e.history.keys(),
    ]
    const list = ids.map(job).filter((j) => j !== null)
    json(res, 200, { jobs: list, pagination: { offset: 0, limit: list.length, total: list.length, has_more: false } })
    return
  }
  const found = job(id)
  if (found) json(res, 200, found)
  else json(res, 404, { error: 'Job not found' })
}

type Handler = (ctx: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void

const exact: Record<string, Handler> = {
  'GET /prompt': (ctx, _req, res) => json(res, 200, { exec_info: { queue_remaining: ctx.engine.queueRemaining } }),
  'POST /prompt': async (ctx, req, res) => {
    const raw = await readBody(req)
    let body: unknown
    try {
      body = JSON.parse(raw.toString('utf8'))
    } catch {
      // aiohttp's unhandled JSON exception: a plain-text 500.
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end('500 Internal Server Error')
      return
    }
    const out = ctx.engine.submit(body)
    json(res, out.status, out.body)
  },
  'GET /queue': ({ engine: e }, _req, res) =>
    json(res, 200, {
      queue_running: e.running ? [e.queueRow(e.running)] : [],
      queue_pending: e.queue.items.map((i) => e.queueRow(i)),
    }),
  'POST /queue': async ({ engine }, req, res) => {
    const body = QueueBody.safeParse(await readJson(req))
    if (body.success && body.data.clear) engine.clearQueue()
    if (body.success && body.data.delete) engine.deleteQueued(body.data.delete)
    empty(res)
  },
  'GET /history': (ctx, _req, res, url) => history(ctx, url, res),
  'POST /history': async ({ engine }, req, res) => {
    const body = QueueBody.safeParse(await readJson(req))
    if (body.success && body.data.clear) engine.history.clear()
    if (body.success) for (const id of body.data.delete ?? []) engine.history.delete(id)
    empty(res)
  },
  'POST /interrupt': async ({ engine }, req, res) => {
    const body = InterruptBody.safeParse(await readJson(req))
    engine.interrupt(body.success ? body.data.prompt_id : undefined)
    empty(res)
  },
  'POST /free': async ({ engine }, req, res) => {
    const body = FreeBody.safeParse(await readJson(req))
    // free_memory also resets the executor caches, so the next prompt re-runs its loaders.
    if (body.success && body.data.free_memory) engine.freeMemory()
    empty(res)
  },
  'GET /view': (ctx, _req, res, url) => view(ctx, url, res),
  'POST /upload/image': upload,
  'POST /upload/mask': upload,
  'GET /object_info': (ctx, _req, res) => json(res, 200, ctx.objectInfo()),
  'GET /system_stats': (ctx, _req, res) => json(res, 200, ctx.systemStats()),
  'GET /features': (ctx, _req, res) => json(res, 200, ctx.features()),
  'GET /models': (_ctx, _req, res) => json(res, 200, MODEL_FOLDERS),
  'GET /embeddings': (ctx, _req, res) =>
    json(
      res,
      200,
      (ctx.models().embeddings ?? []).map((f) => f.replace(/\.[^.]+$/, '')),
    ),
  'GET /extensions': (_ctx, _req, res) => json(res, 200, []),
  // Not a ComfyUI route: what this simulator received, for tests driving it from another process.
  'GET /sim/uploads': (ctx, _req, res) =>
    json(
      res,
      200,
      ctx.uploads().map((u) => ({
        ...u,
        alpha:
          u.alpha === null
            ? null
            : { width: u.alpha.width, height: u.alpha.height, base64: u.alpha.data.toString('base64') },
      })),
    ),
}

/** Routes with a path parameter: `[method, prefix, handler(param)]`. */
const prefixed: Array<[string, string, (ctx: RouteContext, res: ServerResponse, param: string) => void]> = [
  [
    'GET',
    '/history/',
    (ctx, res, id) => {
      const entry = ctx.engine.history.get(id)
      json(res, 200, entry ? { [id]: entry } : {})
    },
  ],
  [
    'GET',
    '/object_info/',
    (ctx, res, cls) => {
      const def = ctx.objectInfo()[cls]
      json(res, 200, def ? { [cls]: def } : {})
    },
  ],
  [
    'GET',
    '/models/',
    (ctx, res, folder) =>
      MODEL_FOLDERS.includes(folder) ? json(res, 200, ctx.models()[folder] ?? []) : empty(res, 404),
  ],
]

/** Routes one request, answering 404 like aiohttp when nothing matches. */
export async function route(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim')
  const path = url.pathname.startsWith('/api/') ? url.pathname.slice(4) : url.pathname
  const method = req.method ?? 'GET'
  const handler = exact[`${method} ${path}`]
  if (handler) {
    await handler(ctx, req, res, url)
    return
  }
  for (const [m, prefix, h] of prefixed) {
    if (method === m && path.startsWith(prefix)) {
      h(ctx, res, decodeURIComponent(path.slice(prefix.length)))
      return
    }
  }
  if (ctx.jobsApi && method === 'GET' && (path === '/jobs' || path.startsWith('/jobs/'))) {
    jobs(ctx, path, res)
    return
  }
  res.writeHead(404, { 'content-type': 'text/plain' })
  res.end('404: Not Found')
}
