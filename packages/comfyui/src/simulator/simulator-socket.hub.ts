import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { z } from 'zod'
import { encodePreviewFrame, encodePreviewWithMetadataFrame } from '../protocol/binary-frame.codec'
import type { PreviewMetadata } from '../protocol/ws-message.schema'

// WebSocket sessions keyed by client id, with ComfyUI's delivery rules: a newer socket with the
// same id replaces the older one in the map (the older stays open but receives nothing), events
// go to one sid or to everyone, and there is no server heartbeat.

interface Session {
  ws: WebSocket
  previewMetadata: boolean
}

const FeatureFlagsMessage = z.object({
  type: z.literal('feature_flags'),
  data: z.looseObject({ supports_preview_metadata: z.boolean().optional() }),
})

export interface SocketHubOptions {
  serverFeatures: () => Record<string, unknown>
  /** Messages sent right after `status` to a (re)connecting client. */
  onConnect: (sid: string) => Array<{ type: string; data: unknown }>
  queueRemaining: () => number
}

export class SocketHub {
  readonly wss = new WebSocketServer({ noServer: true })
  private readonly sessions = new Map<string, Session>()
  /** Simulates the "socket open but silent" failure: nothing is sent while true. */
  silent = false
  sentMessages = 0

  constructor(private readonly opts: SocketHubOptions) {}

  /** Number of sockets that would receive a targeted message. */
  get size(): number {
    return this.sessions.size
  }

  /** Upgrades an HTTP request on /ws or /api/ws into a session. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://sim')
    const sid = url.searchParams.get('clientId') || randomUUID().replaceAll('-', '')
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(sid, ws))
  }

  private attach(sid: string, ws: WebSocket): void {
    const session: Session = { ws, previewMetadata: false }
    this.sessions.set(sid, session)
    ws.on('close', () => {
      if (this.sessions.get(sid) === session) this.sessions.delete(sid)
    })
    ws.on('error', () => ws.terminate())
    ws.on('message', (data, isBinary) => {
      if (isBinary) return
      let json: unknown
      try {
        json = JSON.parse(data.toString())
      } catch {
        return
      }
      const msg = FeatureFlagsMessage.safeParse(json)
      if (!msg.success) return
      session.previewMetadata = msg.data.data.supports_preview_metadata === true
      this.sendTo(session, { type: 'feature_flags', data: this.opts.serverFeatures() })
    })
    this.sendTo(session, {
      type: 'status',
      data: { status: { exec_info: { queue_remaining: this.opts.queueRemaining() } }, sid },
    })
    for (const msg of this.opts.onConnect(sid)) this.sendTo(session, msg)
  }

  private sendTo(session: Session, msg: unknown): void {
    this.sendText(session, JSON.stringify(msg))
  }

  private sendText(session: Session, text: string): void {
    if (this.silent || session.ws.readyState !== session.ws.OPEN) return
    this.sentMessages++
    session.ws.send(text)
  }

  /** `send_sync(event, data, sid)`: to one session, or to all when sid is null. */
  send(type: string, data: unknown, sid: string | null): void {
    const targets = sid === null ? [...this.sessions.values()] : [this.sessions.get(sid)]
    // Serialised once, however many sockets receive it.
    let text: string | null = null
    for (const s of targets) {
      if (s === undefined) continue
      text ??= JSON.stringify({ type, data })
      this.sendText(s, text)
    }
  }

  /** Sends a preview: type 4 (`meta`) to sessions that negotiated metadata, type 1 (`plain`) to the others. */
  sendPreview(image: Buffer, mime: string, meta: PreviewMetadata, sid: string | null, kind: 'meta' | 'plain'): void {
    const targets = sid === null ? [...this.sessions.values()] : [this.sessions.get(sid)].filter((s) => s !== undefined)
    for (const s of targets) {
      // ComfyUI sends the type-4 frame before `progress` and the type-1 frame after it.
      if (s.previewMetadata !== (kind === 'meta')) continue
      if (this.silent || s.ws.readyState !== s.ws.OPEN) continue
      this.sentMessages++
      s.ws.send(
        s.previewMetadata
          ? encodePreviewWithMetadataFrame({ ...meta, image_type: mime }, image)
          : encodePreviewFrame(mime, image),
      )
    }
  }

  /** Drops every socket abruptly, as a crashed process would. */
  terminateAll(): void {
    for (const client of this.wss.clients) client.terminate()
    this.sessions.clear()
  }
}
