// This browser's playback of the review page, as the room's shared shape (item, version,
// frame, play state, loop, compare, zoom). The presenter's changes go to the room; followers
// take the room's (playing on their own clock in between); a follower's own seek, pause or
// item change detaches them until they re-sync. Without a presenter everyone is free.
import { DEFAULT_ROOM_PLAYBACK, type RoomPlayback } from '@aipipeline/contracts'
import { useCallback, useEffect, useRef, useState } from 'react'
import { followRoom, isOwnChange } from './playback-follow'
import type { ReviewRoom } from './use-review-room'

export interface SessionPlayback {
  playback: RoomPlayback
  /** Follows the presenter now (the player is driven by the room). */
  following: boolean
  change(next: RoomPlayback): void
}

export function useSessionPlayback(room: ReviewRoom): SessionPlayback {
  const [playback, setPlayback] = useState<RoomPlayback>(DEFAULT_ROOM_PLAYBACK)
  const latest = useRef(playback)
  latest.current = playback
  const following = !room.isPresenter && room.presenterId !== null && !room.detached
  const shared = room.state?.playback ?? null
  const landed = useRef(false)

  // A late joiner lands where the room is, presenter or not.
  useEffect(() => {
    if (landed.current || shared === null) return
    landed.current = true
    if (shared.itemId !== null) setPlayback(shared)
  }, [shared])

  useEffect(() => {
    if (following && shared !== null) setPlayback((local) => followRoom(local, shared))
  }, [following, shared])

  const { isPresenter, sendPlayback } = room
  const wasPresenter = useRef(false)
  useEffect(() => {
    // Taking the seat sends the whole playback, even if it equals what was sent last time.
    if (isPresenter) sendPlayback(playback, !wasPresenter.current)
    wasPresenter.current = isPresenter
  }, [isPresenter, sendPlayback, playback])

  const { detach } = room
  const change = useCallback(
    (next: RoomPlayback) => {
      if (following && shared !== null && isOwnChange(latest.current, next, shared)) detach()
      latest.current = next
      setPlayback(next)
    },
    [following, shared, detach],
  )

  return { playback, following, change }
}
