import { exponentialDelayMs } from '@aipipeline/domain'
import WebSocket from 'ws'
import { type BinaryFrame, decodeBinaryFrame } from '../protocol/binary-frame.codec'
import { parseWsText, type WsEvent } from '../protocol/ws-message.schema'
import type { ComfyLogger } from './client-errors'

// One WebSocket per backend with a fixed clientId: feature negotiation on open, reconnect with
// exponential backoff and jitter, and an inactivity timeout that is deliberately long because
// ComfyUI sends nothing while it loads a model (the HTTP history fallback covers silence).

export type SocketEvent = WsEvent | BinaryFrame | { type: 'socket_open' } | { type: 'socket_closed' }

export interface ReconnectPolicy {
  initialDelayMs: number
  maxDelayMs: number
  factor: number
  /** ±fraction of the delay, so a farm of clients does not reconnect in lockstep. */
  jitter: number
}

export interface ComfySocketOptions {
  url: string
  logger: ComfyLogger
  reconnect: ReconnectPolicy
  inactivityTimeoutMs: number
  onEvent: (event: SocketEvent) => void
}

/** Backoff delay for the n-th consecutive failed attempt (0-based). */
export function backoffDelay(policy: ReconnectPolicy, attempt: number, random: () => number = Math.random): number {
  const { initialDelayMs: initialMs, maxDelayMs: maxMs, factor, jitter } = policy
  return exponentialDelayMs({ initialMs, maxMs, factor, jitter }, attempt, random)
}

export class ComfySocket {
  private ws: WebSocket | null = null
  private attempt = 0
  private reconnectTimer: NodeJS.Timeout | null = null
  private inactivityTimer: NodeJS.Timeout | null = null
  private closedByUser = false
  private openWaiters: Array<() => void> = []
  lastMessageAt = 0

  constructor(private readonly opts: ComfySocketOptions) {}

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN
  }

  /** Opens the socket if needed; resolves when it is open (keeps retrying in the background). */
  connect(): Promise<void> {
    this.closedByUser = false
    if (this.isOpen) return Promise.resolve()
    const opened = new Promise<void>((resolve) => this.openWaiters.push(resolve))
    if (this.ws === null && this.reconnectTimer === null) this.open()
    return opened
  }

  close(): void {
    this.closedByUser = true
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    if (this.inactivityTimer) clearTimeout(this.inactivityTimer)
    this.reconnectTimer = null
    this.inactivityTimer = null
    this.ws?.terminate()
    this.ws = null
  }

  private open(): void {
    const ws = new WebSocket(this.opts.url)
    this.ws = ws
    ws.on('open', () => {
      this.attempt = 0
      // Ask for type-4 previews that carry prompt_id and node_id (ComfyUI falls back to type 1).
      ws.send(JSON.stringify({ type: 'feature_flags', data: { supports_preview_metadata: true } }))
      this.touch()
      this.opts.onEvent({ type: 'socket_open' })
      for (const resolve of this.openWaiters.splice(0)) resolve()
    })
    ws.on('message', (data, isBinary) => {
      this.touch()
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
      this.opts.onEvent(isBinary ? decodeBinaryFrame(buf) : parseWsText(buf.toString('utf8')))
    })
    ws.on('error', (err) => this.opts.logger.debug({ err: err.message, url: this.opts.url }, 'comfyui socket error'))
    ws.on('close', () => {
      if (this.ws !== ws) return
      this.ws = null
      if (this.inactivityTimer) clearTimeout(this.inactivityTimer)
      this.opts.onEvent({ type: 'socket_closed' })
      if (!this.closedByUser) this.scheduleReconnect()
    })
  }

  private scheduleReconnect(): void {
    const delay = backoffDelay(this.opts.reconnect, this.attempt++)
    this.opts.logger.debug({ delay, attempt: this.attempt, url: this.opts.url }, 'comfyui socket reconnect scheduled')
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      if (!this.closedByUser) this.open()
    }, delay)
  }

  private touch(): void {
    this.lastMessageAt = Date.now()
    if (this.inactivityTimer) clearTimeout(this.inactivityTimer)
    this.inactivityTimer = setTimeout(() => {
      this.opts.logger.warn({ url: this.opts.url }, 'comfyui socket silent too long; reconnecting')
      this.ws?.terminate()
    }, this.opts.inactivityTimeoutMs)
    this.inactivityTimer.unref()
  }
}
