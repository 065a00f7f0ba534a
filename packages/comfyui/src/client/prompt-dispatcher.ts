import type { HistoryEntry } from '../protocol/http-response.schema'
import type { ComfyLogger } from './client-errors'
import type { SocketEvent } from './comfy-socket'
import type { PromptGraphLike } from './prompt-progress'
import { type PromptEvent, PromptWatch } from './prompt-watch'

// Routes socket events to per-prompt watches by prompt_id, and runs the HTTP fallback: when the
// socket is closed or silent, each open watch polls /history/{id}; a prompt that is in neither
// the queue nor the history is reported lost (never done).

export interface DispatcherDeps {
  history(promptId: string): Promise<HistoryEntry | null>
  queuedIds(): Promise<Set<string>>
  socketHealthy(): boolean
  pollIntervalMs: number
  logger: ComfyLogger
}

export class PromptDispatcher {
  private readonly watches = new Map<string, PromptWatch>()
  /** The prompt this socket last saw running: type-1 previews carry no prompt id. */
  private current: string | null = null
  private timer: NodeJS.Timeout | null = null
  private polling = false
  private queueCheck: NodeJS.Timeout | null = null

  constructor(private readonly deps: DispatcherDeps) {}

  /** The watch of `promptId`, created on first use; `armed: false` pre-registers it before submit. */
  watch(promptId: string, graph: PromptGraphLike | undefined, onDone: () => void, armed = true): PromptWatch {
    const existing = this.watches.get(promptId)
    if (existing) {
      if (armed) this.arm(existing)
      return existing
    }
    const w = new PromptWatch(promptId, graph, () => {
      this.watches.delete(promptId)
      onDone()
      if (this.watches.size === 0) this.stopTimer()
    })
    w.armed = false
    this.watches.set(promptId, w)
    if (this.timer === null) {
      this.timer = setInterval(() => void this.pollIfUnhealthy(), this.deps.pollIntervalMs)
      this.timer.unref()
    }
    // A watch opened after submit may have missed everything: look the prompt up once.
    if (armed) {
      w.armed = true
      void this.reconcile(w)
    }
    return w
  }

  /** Marks a watch's prompt as queued on the server, so polling may now conclude it is lost. */
  arm(w: PromptWatch): void {
    if (w.armed) return
    w.armed = true
    // The end may have beaten the submit reply (a busy event loop reads the 200 late); its
    // reconcile was skipped while unarmed, and a healthy socket would never poll for it.
    if (w.endSeen || !this.deps.socketHealthy()) void this.reconcile(w)
  }

  /** Drops a pre-registered watch whose submit failed. */
  discard(promptId: string): void {
    this.watches.get(promptId)?.discard()
  }

  close(): void {
    this.stopTimer()
    if (this.queueCheck) clearTimeout(this.queueCheck)
    this.queueCheck = null
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Routes one socket event to its prompt's watch. */
  handle(e: SocketEvent): void {
    if (e.type === 'socket_open') {
      // Events may have been missed while disconnected: check every open watch once.
      for (const w of this.watches.values()) void this.reconcile(w)
      return
    }
    if (e.type === 'status') {
      this.scheduleQueueCheck()
      return
    }
    if (e.type === 'malformed' || e.type === 'malformed_binary') {
      this.deps.logger.warn({ event: e }, 'comfyui sent a malformed message')
      return
    }
    if (e.type === 'executing' && e.data.node === null && e.data.prompt_id != null) {
      const pid = e.data.prompt_id
      if (this.current === pid) this.current = null
      // History is written before `executing: null`, so it is final now.
      const w = this.to(pid)
      if (w) {
        w.endSeen = true
        void this.reconcile(w)
      }
      return
    }
    const routed = this.toPromptEvent(e)
    if (routed) this.to(routed[0])?.push(routed[1])
  }

  private toPromptEvent(e: SocketEvent): [string, PromptEvent] | null {
    switch (e.type) {
      case 'execution_start':
        this.current = e.data.prompt_id
        return [e.data.prompt_id, { type: 'started' }]
      case 'execution_cached':
        return [e.data.prompt_id, { type: 'cached', nodes: e.data.nodes }]
      case 'executing':
        // On reconnect ComfyUI re-sends `executing` without prompt_id: nothing to route.
        if (e.data.prompt_id == null || e.data.node === null) return null
        this.current = e.data.prompt_id
        return [e.data.prompt_id, { type: 'executing', node: e.data.node, overall: 0 }]
      case 'progress': {
        const pid = e.data.prompt_id ?? this.current
        const node = e.data.node
        if (pid == null || node == null) return null
        return [pid, { type: 'progress', node, value: e.data.value, max: e.data.max, overall: 0 }]
      }
      case 'executed':
        return [e.data.prompt_id, { type: 'executed', node: e.data.node, output: e.data.output ?? {} }]
      case 'execution_error':
        return [e.data.prompt_id, { type: 'execution_error', error: e.data }]
      case 'execution_interrupted':
        return [e.data.prompt_id, { type: 'interrupted', node: e.data.node_id ?? null }]
      case 'preview': {
        // Type-1 frames carry no ids: they belong to the prompt this socket saw running.
        const pid = e.metadata?.prompt_id ?? this.current
        if (pid === null) return null
        return [pid, { type: 'preview', node: e.metadata?.node_id ?? null, mime: e.mime, image: e.image }]
      }
      default:
        return null
    }
  }

  /**
   * `status` is broadcast on every queue change, including someone else deleting our pending
   * prompt; re-check waiting prompts after it (at most once per poll interval).
   */
  private scheduleQueueCheck(): void {
    if (this.queueCheck !== null) return
    this.queueCheck = setTimeout(() => {
      this.queueCheck = null
      for (const w of this.watches.values()) if (!w.started) void this.reconcile(w)
    }, this.deps.pollIntervalMs)
    this.queueCheck.unref()
  }

  private to(promptId: string): PromptWatch | undefined {
    return this.watches.get(promptId)
  }

  private async pollIfUnhealthy(): Promise<void> {
    if (this.polling || this.deps.socketHealthy()) return
    this.polling = true
    try {
      for (const w of [...this.watches.values()]) await this.reconcile(w)
    } finally {
      this.polling = false
    }
  }

  /** Finishes `w` from /history when present; reports it lost when in neither queue nor history. */
  private async reconcile(w: PromptWatch): Promise<void> {
    if (!w.armed || w.isFinished) return
    try {
      const entry = await this.deps.history(w.promptId)
      if (entry) return w.finish(entry)
      const queued = await this.deps.queuedIds()
      if (queued.has(w.promptId) || w.isFinished) return
      // It may have finished between the two reads.
      const again = await this.deps.history(w.promptId)
      w.finish(again)
    } catch (err) {
      this.deps.logger.debug({ err: String(err), promptId: w.promptId }, 'comfyui history check failed; will retry')
    }
  }
}
