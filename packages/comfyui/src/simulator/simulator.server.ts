import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import type { ObjectInfo } from '../workflow/object-info.schema'
import {
  DEFAULT_INSTALLED_MODELS,
  defaultObjectInfo,
  type InstalledModels,
  withInstalledModels,
} from './default-object-info'
import { SimulatorEngine } from './simulator.engine'
import { type RouteContext, route, type SimulatorUpload } from './simulator-http.routes'
import { renderPreviewFrames } from './simulator-media'
import { SocketHub } from './simulator-socket.hub'

// A ComfyUI server double over real HTTP and WebSocket (node:http + ws) with fault injection.

export type SimulatorFault =
  /** Drops every socket, forgets queue and history, refuses connections until restart(). */
  | { kind: 'crash' }
  /** Crash, then listen again on the same port (after `delayMs`, default 0). */
  | { kind: 'restart'; delayMs?: number }
  /** Accepts prompts but never progresses (running prompt freezes at its next tick). */
  | { kind: 'hang' }
  /** Drops every WebSocket (network blip); the server keeps running and keeps its state. */
  | { kind: 'drop-sockets' }
  /** Sockets stay open but the server sends nothing on them. */
  | { kind: 'silent-socket' }
  /** The matching node raises torch.OutOfMemoryError whenever it runs. */
  | { kind: 'oom'; nodeId?: string; classType?: string }
  /** The port opens only `delayMs` after start/restart (ComfyUI loading custom nodes). */
  | { kind: 'slow-start'; delayMs: number }
  /**
   * GET /view answers `status` (default 500) for output files: prompts still finish, but their
   * results cannot be fetched (full disk, files cleaned up, a proxy in front failing).
   */
  | { kind: 'fail-downloads'; status?: number }
  /** /upload/image and /upload/mask answer `status` (default 500): inputs cannot reach the backend. */
  | { kind: 'fail-uploads'; status?: number }

export interface SimulatorOptions {
  port?: number
  host?: string
  /** Node definitions; defaults to our authored set. Loader combos follow `installedModels`. */
  objectInfo?: ObjectInfo
  /** GPU speed factor: 2 runs twice as fast as 1. */
  speed?: number
  /** Real ms per nominal ms; 0.01 makes a 20-step 512² image take ~12 ms; 0 = instant. */
  timeScale?: number
  vramGb?: number
  installedModels?: InstalledModels
  name?: string
  faults?: SimulatorFault[]
  /** Send preview frames on sampler steps (ComfyUI needs --preview-method for this). */
  previews?: boolean
  /** Serve the newer `/api/jobs` routes. */
  jobsApi?: boolean
}

export interface SimulatorState {
  name: string
  listening: boolean
  running: string | null
  pending: string[]
  history: string[]
  completed: number
  connectedClients: number
  sentMessages: number
  hang: boolean
  silentSocket: boolean
}

export interface Simulator {
  readonly url: string
  readonly port: number
  readonly name: string
  readonly state: SimulatorState
  inject(fault: SimulatorFault): Promise<void>
  /** Every upload received so far, oldest first (kept across crashes: a log for tests). */
  uploads(): SimulatorUpload[]
  /** Removes hang, silent-socket, OOM, download and upload faults. */
  clearFaults(): void
  restart(): Promise<void>
  close(): Promise<void>
}

const GB = 1024 ** 3

/** The running server: engine, socket hub, HTTP listener and fault switches. */
class SimulatorInstance implements Simulator {
  readonly name: string
  private readonly host: string
  private readonly hub: SocketHub
  private readonly engine: SimulatorEngine
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  private readonly baseInfo: ObjectInfo
  private readonly installed: InstalledModels
  private infoCache: ObjectInfo | null = null
  private slowStartMs = 0
  private failDownloads: number | null = null
  private failUploads: number | null = null
  private readonly uploadLog: SimulatorUpload[] = []
  private listening = false
  private currentPort: number

  constructor(
    private readonly options: SimulatorOptions,
    previews: Buffer[],
  ) {
    this.name = options.name ?? 'comfyui-sim'
    this.host = options.host ?? '127.0.0.1'
    this.currentPort = options.port ?? 0
    this.installed = options.installedModels ?? DEFAULT_INSTALLED_MODELS
    this.baseInfo = options.objectInfo
      ? options.installedModels
        ? withInstalledModels(options.objectInfo, this.installed)
        : options.objectInfo
      : defaultObjectInfo(this.installed)
    const msFactor = (options.timeScale ?? 1) / Math.max(0.001, options.speed ?? 1)
    this.hub = new SocketHub({
      serverFeatures: () => this.features(),
      onConnect: (sid) => this.engine.onConnect(sid),
      queueRemaining: () => this.engine.queueRemaining,
    })
    this.engine = new SimulatorEngine({
      objectInfo: () => this.objectInfo(),
      hub: this.hub,
      vramGb: this.vramGb,
      msFactor: () => msFactor,
      previewFrames: () => previews,
    })
    this.server = this.createHttpServer()
  }

  get url(): string {
    return `http://${this.host}:${this.currentPort}`
  }

  get port(): number {
    return this.currentPort
  }

  private get vramGb(): number {
    return this.options.vramGb ?? 24
  }

  get state(): SimulatorState {
    return {
      name: this.name,
      listening: this.listening,
      running: this.engine.running?.promptId ?? null,
      pending: this.engine.queue.items.map((i) => i.promptId),
      history: [...this.engine.history.keys()],
      completed: this.engine.completed,
      connectedClients: this.hub.size,
      sentMessages: this.hub.sentMessages,
      hang: this.engine.hang,
      silentSocket: this.hub.silent,
    }
  }

  private features(): Record<string, unknown> {
    return { supports_preview_metadata: true, max_upload_size: 100 * 1024 * 1024 }
  }

  // LoadImage and LoadVideo list the input folder, so uploads show up in its combo like on ComfyUI.
  private objectInfo(): ObjectInfo {
    if (this.infoCache) return this.infoCache
    const inputs = [...this.engine.files.keys()]
      .filter((k) => k.startsWith('input/'))
      .map((k) => k.slice('input/'.length).replace(/^\//, ''))
    const info = structuredClone(this.baseInfo)
    for (const cls of ['LoadImage', 'LoadImageMask']) {
      const spec = info[cls]?.input.required?.image
      if (spec && Array.isArray(spec[0])) spec[0] = inputs.sort()
    }
    // LoadVideo is a V3 node: its list sits in the options of a COMBO spec.
    const video = info.LoadVideo?.input.required?.file?.[1]
    if (video !== undefined) video.options = [...inputs].sort()
    this.infoCache = info
    return info
  }

  private systemStats(): unknown {
    const vram = this.vramGb * GB
    return {
      system: {
        os: 'posix',
        ram_total: 64 * GB,
        ram_free: 48 * GB,
        comfyui_version: '0.3.64',
        required_frontend_version: '1.27.10',
        python_version: '3.12.3 (simulated)',
        pytorch_version: '2.8.0+cu128',
        embedded_python: false,
        argv: ['main.py', '--listen', this.host],
      },
      devices: [
        {
          name: `cuda:0 ${this.name} (simulated, ${this.vramGb} GB)`,
          type: 'cuda',
          index: 0,
          vram_total: vram,
          vram_free: (this.engine.running ? 0.4 : 0.9) * vram,
          torch_vram_total: 0,
          torch_vram_free: 0,
        },
      ],
    }
  }

  private createHttpServer(): Server {
    const ctx: RouteContext = {
      engine: this.engine,
      objectInfo: () => this.objectInfo(),
      systemStats: () => this.systemStats(),
      features: () => this.features(),
      models: () => this.installed,
      onInputsChanged: () => {
        this.infoCache = null
      },
      jobsApi: this.options.jobsApi === true,
      failDownloads: () => this.failDownloads,
      failUploads: () => this.failUploads,
      recordUpload: (upload) => {
        this.uploadLog.push(upload)
      },
      uploads: () => this.uploads(),
    }
    const server = createServer((req, res) => {
      route(ctx, req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(String(err))
      })
    })
    server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    server.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://sim').pathname
      if (path === '/ws' || path === '/api/ws') this.hub.handleUpgrade(req, socket, head)
      else socket.destroy()
    })
    return server
  }

  async listen(): Promise<void> {
    if (this.slowStartMs > 0) await new Promise((r) => setTimeout(r, this.slowStartMs))
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.currentPort, this.host, () => {
        this.server.off('error', reject)
        const addr = this.server.address()
        if (addr !== null && typeof addr === 'object') this.currentPort = addr.port
        this.listening = true
        resolve()
      })
    })
  }

  private async crash(): Promise<void> {
    this.hub.terminateAll()
    this.engine.reset()
    this.infoCache = null
    if (!this.listening) return
    this.listening = false
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    for (const s of this.sockets) s.destroy()
    await closed
  }

  clearFaults(): void {
    this.hub.silent = false
    this.engine.oomTargets.length = 0
    this.failDownloads = null
    this.failUploads = null
    this.engine.resume()
  }

  uploads(): SimulatorUpload[] {
    return [...this.uploadLog]
  }

  async inject(fault: SimulatorFault): Promise<void> {
    switch (fault.kind) {
      case 'crash':
        return this.crash()
      case 'restart':
        await this.crash()
        this.clearFaults()
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
        return this.listen()
      case 'drop-sockets':
        this.hub.terminateAll()
        return
      case 'hang':
        this.engine.hang = true
        return
      case 'silent-socket':
        this.hub.silent = true
        return
      case 'oom': {
        const { nodeId, classType } = fault
        this.engine.oomTargets.push({ ...(nodeId ? { nodeId } : {}), ...(classType ? { classType } : {}) })
        return
      }
      case 'slow-start':
        this.slowStartMs = fault.delayMs
        return
      case 'fail-downloads':
        this.failDownloads = fault.status ?? 500
        return
      case 'fail-uploads':
        this.failUploads = fault.status ?? 500
        return
    }
  }

  restart(): Promise<void> {
    return this.inject({ kind: 'restart' })
  }

  async close(): Promise<void> {
    this.engine.stop()
    await this.crash()
    this.hub.wss.close()
  }
}

/** Starts one simulated ComfyUI server; resolves once it listens (after any slow-start delay). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const previews = options.previews === false ? [] : await renderPreviewFrames(4)
  const sim = new SimulatorInstance(options, previews)
  for (const fault of options.faults ?? []) await sim.inject(fault)
  await sim.listen()
  return sim
}
