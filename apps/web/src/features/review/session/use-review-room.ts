// A browser's seat in a playlist's live review room: joins it (the join answers the whole
// state, so a late joiner lands where the room is), applies the server's numbered events
// strictly in seq order, and asks for the whole state again after a gap that does not fill
// or after a reconnect. Playback the presenter sends is throttled here (see playback-follow).
import type {
  AnnotationChanges,
  AnnotationOp,
  ReviewComment,
  RoomParticipant,
  RoomPlayback,
  RoomState,
} from '@aipipeline/contracts'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import { emitWithAck, onServerEvent } from '../../../api/realtime'
import { useRealtimeSocket } from '../../../api/realtime-context'
import { sendDelay } from './playback-follow'
import { applyRoomEvent, type RoomEvent } from './room-events'
import { hasGap, hold, receive, resetTo, type SequenceState, startSequence } from './room-sequence'

/** How long a gap in seq may stay open before the whole state is asked for again. */
const GAP_WAIT_MS = 500

export interface RoomListeners {
  onComment(itemId: string, comment: ReviewComment): void
  onAnnotations(changes: AnnotationChanges): void
  /** The playlist changed (items, order, choices). */
  onPlaylist(): void
}

export interface ReviewRoom {
  state: RoomState | null
  participants: RoomParticipant[]
  presenterId: string | null
  isPresenter: boolean
  /** This viewer stopped following the presenter (until resync). */
  detached: boolean
  /** The last refusal or failure, as the server's error code. */
  error: string | null
  detach(): void
  resync(): Promise<void>
  sendPlayback(playback: RoomPlayback): void
  take(): Promise<void>
  release(): Promise<void>
  give(participantId: string): Promise<void>
  draw(versionId: string, ops: AnnotationOp[]): Promise<AnnotationChanges | null>
}

/** Turns each contract server event of this playlist into a RoomEvent; returns the unsubscribe. */
function subscribe(socket: Socket, playlistId: string, deliver: (event: RoomEvent) => void): () => void {
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

/** Joins `playlistId`'s room while mounted; `selfId` is the user's (or guest's) participant id. */
export function useReviewRoom(playlistId: string, selfId: string, listeners: RoomListeners): ReviewRoom {
  const socket = useRealtimeSocket()
  const [state, setState] = useState<RoomState | null>(null)
  const [detached, setDetached] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const latestListeners = useRef(listeners)
  latestListeners.current = listeners
  const room = useRef<RoomState | null>(null)
  const sequence = useRef<SequenceState<RoomEvent>>(startSequence(0))
  const gapTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const applyInOrder = useCallback((events: RoomEvent[]) => {
    for (const event of events) {
      if (event.kind === 'comment') latestListeners.current.onComment(event.itemId, event.comment)
      if (event.kind === 'annotations') latestListeners.current.onAnnotations(event.changes)
      if (event.kind === 'playlist') latestListeners.current.onPlaylist()
      if (room.current) room.current = applyRoomEvent(room.current, event)
    }
    setState(room.current)
  }, [])

  const applyWhole = useCallback(
    (whole: RoomState) => {
      const step = resetTo(sequence.current, whole.seq)
      sequence.current = step.state
      room.current = whole
      applyInOrder(step.ready)
    },
    [applyInOrder],
  )

  const fetchWhole = useCallback(
    async (name: 'review:join' | 'review:sync') => {
      if (!socket) return false
      const ack = await emitWithAck(socket, name, { playlistId })
      if (!ack.ok) {
        setError(ack.error)
        return false
      }
      setError(null)
      applyWhole(ack.state)
      return true
    },
    [socket, playlistId, applyWhole],
  )

  const deliver = useCallback(
    (event: RoomEvent) => {
      if (room.current === null) {
        sequence.current = hold(sequence.current, event)
        return
      }
      if (event.kind === 'state') {
        if (event.seq > sequence.current.applied) applyWhole(event.state)
        return
      }
      const step = receive(sequence.current, event)
      sequence.current = step.state
      if (step.ready.length > 0) applyInOrder(step.ready)
      if (!hasGap(sequence.current)) {
        if (gapTimer.current) clearTimeout(gapTimer.current)
        gapTimer.current = null
      } else if (gapTimer.current === null) {
        gapTimer.current = setTimeout(() => {
          gapTimer.current = null
          if (hasGap(sequence.current)) void fetchWhole('review:sync')
        }, GAP_WAIT_MS)
      }
    },
    [applyWhole, applyInOrder, fetchWhole],
  )

  useEffect(() => {
    if (!socket) return
    const off = subscribe(socket, playlistId, deliver)
    // A reconnected socket is in no room any more: join again, which answers the whole state.
    const join = () => void fetchWhole('review:join')
    socket.on('connect', join)
    if (socket.connected) join()
    return () => {
      off()
      socket.off('connect', join)
      if (gapTimer.current) clearTimeout(gapTimer.current)
      gapTimer.current = null
      room.current = null
      sequence.current = startSequence(0)
      setState(null)
      if (socket.connected) void emitWithAck(socket, 'review:leave', { playlistId })
    }
  }, [socket, playlistId, deliver, fetchWhole])

  const sender = usePlaybackSender(socket, playlistId, setError)

  const presenter = useCallback(
    async (action: 'take' | 'give' | 'release', participantId?: string) => {
      if (!socket) return
      const ack = await emitWithAck(socket, 'review:presenter', {
        playlistId,
        action,
        ...(participantId === undefined ? {} : { participantId }),
      })
      setError(ack.ok ? null : ack.error)
    },
    [socket, playlistId],
  )

  const draw = useCallback(
    async (versionId: string, ops: AnnotationOp[]) => {
      if (!socket || ops.length === 0) return null
      const ack = await emitWithAck(socket, 'review:draw', { playlistId, versionId, ops })
      if (!ack.ok) {
        setError(ack.error)
        return null
      }
      latestListeners.current.onAnnotations(ack.changes)
      return ack.changes
    },
    [socket, playlistId],
  )

  const resync = useCallback(async () => {
    if (await fetchWhole('review:sync')) setDetached(false)
  }, [fetchWhole])

  return useMemo(
    () => ({
      state,
      participants: state?.participants ?? [],
      presenterId: state?.presenterId ?? null,
      isPresenter: state !== null && state.presenterId === selfId,
      detached,
      error,
      detach: () => setDetached(true),
      resync,
      sendPlayback: sender,
      take: () => presenter('take'),
      release: () => presenter('release'),
      give: (participantId: string) => presenter('give', participantId),
      draw,
    }),
    [state, selfId, detached, error, resync, sender, presenter, draw],
  )
}

/** The presenter's playback sender: changes at once, a playing frame at most every interval. */
function usePlaybackSender(socket: Socket | null, playlistId: string, onError: (code: string | null) => void) {
  const lastSent = useRef<RoomPlayback | null>(null)
  const lastSentAt = useRef(0)
  const pending = useRef<RoomPlayback | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  return useCallback(
    (playback: RoomPlayback) => {
      if (!socket) return
      const flush = () => {
        timer.current = null
        const next = pending.current
        if (!next) return
        pending.current = null
        lastSent.current = next
        lastSentAt.current = Date.now()
        void emitWithAck(socket, 'review:playback', { playlistId, playback: next }).then((ack) =>
          onError(ack.ok ? null : ack.error),
        )
      }
      pending.current = playback
      const delay = sendDelay(lastSent.current, lastSentAt.current, playback, Date.now())
      if (delay === null) {
        pending.current = null
        return
      }
      if (delay === 0) {
        if (timer.current) clearTimeout(timer.current)
        flush()
      } else if (timer.current === null) {
        timer.current = setTimeout(flush, delay)
      }
    },
    [socket, playlistId, onError],
  )
}
