// One browser's connection to a playlist's live review room, without React: joins it (the
// join answers the whole state, so a late joiner lands where the room is), applies the
// server's numbered events strictly in seq order, and asks for the whole state again after a
// gap that does not fill within GAP_WAIT_MS. A reconnected socket is in no room any more, so
// it joins again, which also answers the whole state.
import type { AnnotationChanges, ReviewComment, RoomState } from '@aipipeline/contracts'
import type { Socket } from 'socket.io-client'
import { emitWithAck, onServerEvent } from '../../../api/realtime'
import { applyRoomEvent, type RoomEvent } from './room-events'
import { hasGap, hold, receive, resetTo, type SequenceState, startSequence } from './room-sequence'

/** How long a gap in seq may stay open before the whole state is asked for again. */
export const GAP_WAIT_MS = 500

export interface RoomListeners {
  onComment(itemId: string, comment: ReviewComment): void
  onAnnotations(changes: AnnotationChanges): void
  /** The playlist changed (items, order, choices). */
  onPlaylist(): void
}

export interface RoomClientOptions {
  socket: Socket
  playlistId: string
  listeners: RoomListeners
  /** The room's state after every applied change (null until joined). */
  onState(state: RoomState | null): void
  /** The last refusal or failure as the server's error code; null after a success. */
  onError(code: string | null): void
  gapWaitMs?: number
}

export class ReviewRoomClient {
  private room: RoomState | null = null
  private sequence: SequenceState<RoomEvent> = startSequence(0)
  private gapTimer: ReturnType<typeof setTimeout> | null = null
  private unsubscribe: (() => void) | null = null
  /** After stop, late answers to a join or sync are ignored. */
  private stopped = false
  private readonly join = () => void this.fetchWhole('review:join')

  constructor(private readonly options: RoomClientOptions) {}

  /** Listens to the room's events and joins (now if connected, and after every reconnect). */
  start(): void {
    const { socket } = this.options
    this.stopped = false
    this.unsubscribe = this.subscribe()
    socket.on('connect', this.join)
    if (socket.connected) this.join()
  }

  /** Stops listening and leaves the room. */
  stop(): void {
    const { socket, playlistId } = this.options
    this.stopped = true
    this.unsubscribe?.()
    this.unsubscribe = null
    socket.off('connect', this.join)
    this.clearGapTimer()
    this.room = null
    this.sequence = startSequence(0)
    if (socket.connected) void emitWithAck(socket, 'review:leave', { playlistId })
  }

  /** Asks for the whole state again; resolves whether the room answered it. */
  sync(): Promise<boolean> {
    return this.fetchWhole('review:sync')
  }

  private async fetchWhole(name: 'review:join' | 'review:sync'): Promise<boolean> {
    const ack = await emitWithAck(this.options.socket, name, { playlistId: this.options.playlistId })
    if (this.stopped) return false
    if (!ack.ok) {
      this.options.onError(ack.reason ?? ack.error)
      return false
    }
    this.options.onError(null)
    this.applyWhole(ack.state)
    return true
  }

  private applyWhole(whole: RoomState): void {
    const step = resetTo(this.sequence, whole.seq)
    this.sequence = step.state
    this.room = whole
    this.applyInOrder(step.ready)
    if (!hasGap(this.sequence)) this.clearGapTimer()
  }

  private applyInOrder(events: RoomEvent[]): void {
    const { listeners } = this.options
    for (const event of events) {
      if (event.kind === 'comment') listeners.onComment(event.itemId, event.comment)
      if (event.kind === 'annotations') listeners.onAnnotations(event.changes)
      if (event.kind === 'playlist') listeners.onPlaylist()
      if (this.room) this.room = applyRoomEvent(this.room, event)
    }
    this.options.onState(this.room)
  }

  private deliver(event: RoomEvent): void {
    // Events that beat the join's answer wait for it.
    if (this.room === null) {
      this.sequence = hold(this.sequence, event)
      return
    }
    if (event.kind === 'state') {
      if (event.seq > this.sequence.applied) this.applyWhole(event.state)
      return
    }
    const step = receive(this.sequence, event)
    this.sequence = step.state
    if (step.ready.length > 0) this.applyInOrder(step.ready)
    if (!hasGap(this.sequence)) this.clearGapTimer()
    else if (this.gapTimer === null) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null
        if (hasGap(this.sequence)) void this.sync()
      }, this.options.gapWaitMs ?? GAP_WAIT_MS)
    }
  }

  private clearGapTimer(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer)
    this.gapTimer = null
  }

  /** Each contract server event of this playlist, as a RoomEvent; returns the unsubscribe. */
  private subscribe(): () => void {
    const { socket, playlistId } = this.options
    const deliver = (event: RoomEvent) => this.deliver(event)
    const mine =
      <E extends { playlistId: string }>(handler: (e: E) => void) =>
      (e: E) => {
        if (e.playlistId === playlistId) handler(e)
      }
    const offs = [
      onServerEvent(
        socket,
        'review:state',
        mine((e) => deliver({ kind: 'state', seq: e.seq, state: e.state })),
      ),
      onServerEvent(
        socket,
        'review:playback',
        mine((e) => deliver({ kind: 'playback', ...e })),
      ),
      onServerEvent(
        socket,
        'review:presence',
        mine((e) => deliver({ kind: 'presence', ...e })),
      ),
      onServerEvent(
        socket,
        'review:annotations',
        mine((e) => deliver({ kind: 'annotations', ...e })),
      ),
      onServerEvent(
        socket,
        'review:comment',
        mine((e) => deliver({ kind: 'comment', ...e })),
      ),
      onServerEvent(
        socket,
        'review:playlist',
        mine((e) => deliver({ kind: 'playlist', seq: e.seq })),
      ),
    ]
    return () => {
      for (const off of offs) off()
    }
  }
}
