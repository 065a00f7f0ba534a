// A browser's seat in a playlist's live review room for React: the room client (joining,
// ordering, re-syncing) while mounted, the presenter's seat, and drawing through the room.
// Playback the presenter sends is throttled here (see playback-follow).
import type { AnnotationChanges, AnnotationOp, RoomParticipant, RoomPlayback, RoomState } from '@aipipeline/contracts'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import { emitWithAck } from '../../../api/realtime'
import { useRealtimeSocket } from '../../../api/realtime-context'
import { sendDelay } from './playback-follow'
import { ReviewRoomClient, type RoomListeners } from './review-room-client'

export type { RoomListeners } from './review-room-client'

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
  /** Sends the presenter's playback (throttled); `fresh` sends it whatever was sent before. */
  sendPlayback(playback: RoomPlayback, fresh?: boolean): void
  take(): Promise<void>
  release(): Promise<void>
  give(participantId: string): Promise<void>
  draw(versionId: string, ops: AnnotationOp[]): Promise<AnnotationChanges | null>
}

/** Joins `playlistId`'s room while mounted; `selfId` is the user's (or guest's) participant id. */
export function useReviewRoom(playlistId: string, selfId: string, listeners: RoomListeners): ReviewRoom {
  const socket = useRealtimeSocket()
  const [state, setState] = useState<RoomState | null>(null)
  const [detached, setDetached] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const latestListeners = useRef(listeners)
  latestListeners.current = listeners
  const [client, setClient] = useState<ReviewRoomClient | null>(null)

  useEffect(() => {
    if (!socket) return
    const room = new ReviewRoomClient({
      socket,
      playlistId,
      // The page's latest handlers, whatever render created the client.
      listeners: {
        onComment: (itemId, comment) => latestListeners.current.onComment(itemId, comment),
        onAnnotations: (changes) => latestListeners.current.onAnnotations(changes),
        onPlaylist: () => latestListeners.current.onPlaylist(),
      },
      onState: setState,
      onError: setError,
    })
    room.start()
    setClient(room)
    return () => {
      room.stop()
      setClient(null)
      setState(null)
    }
  }, [socket, playlistId])

  const sender = usePlaybackSender(socket, playlistId, setError)

  const presenter = useCallback(
    async (action: 'take' | 'give' | 'release', participantId?: string) => {
      if (!socket) return
      const ack = await emitWithAck(socket, 'review:presenter', {
        playlistId,
        action,
        ...(participantId === undefined ? {} : { participantId }),
      })
      setError(ack.ok ? null : (ack.reason ?? ack.error))
    },
    [socket, playlistId],
  )

  const draw = useCallback(
    async (versionId: string, ops: AnnotationOp[]) => {
      if (!socket || ops.length === 0) return null
      const ack = await emitWithAck(socket, 'review:draw', { playlistId, versionId, ops })
      if (!ack.ok) {
        setError(ack.reason ?? ack.error)
        return null
      }
      latestListeners.current.onAnnotations(ack.changes)
      return ack.changes
    },
    [socket, playlistId],
  )

  const resync = useCallback(async () => {
    if (client && (await client.sync())) setDetached(false)
  }, [client])

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
    (playback: RoomPlayback, fresh = false) => {
      if (!socket) return
      if (fresh) lastSent.current = null
      const flush = () => {
        timer.current = null
        const next = pending.current
        if (!next) return
        pending.current = null
        lastSent.current = next
        lastSentAt.current = Date.now()
        void emitWithAck(socket, 'review:playback', { playlistId, playback: next }).then((ack) =>
          onError(ack.ok ? null : (ack.reason ?? ack.error)),
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
