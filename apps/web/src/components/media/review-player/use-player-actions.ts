// What the player's buttons and keys do, as new controlled states handed to the parent: every
// target frame is computed from the current index (video-frame-clock.ts), never from a time.
import type { RefObject } from 'react'
import type { PlayerPlayback, PlayerView } from './review-player.types'
import { fasterSpeed, lastFrame, playerKeyAction, stepTarget, withLoopIn, withLoopOut } from './video-frame-clock'

export interface PlayerActionsInput {
  playback: PlayerPlayback
  count: number
  video: boolean
  onPlayback: (next: PlayerPlayback) => void
  onView: (next: PlayerView) => void
  root: RefObject<HTMLElement | null>
}

export function usePlayerActions({ playback, count, video, onPlayback, onView, root }: PlayerActionsInput) {
  const set = (patch: Partial<PlayerPlayback>) => onPlayback({ ...playback, ...patch })
  // A step or jump while playing stops on the frame it names.
  const seek = (frame: number) => set({ frame: stepTarget(frame, 0, count), playing: false })
  const first = () => seek(playback.loop ? playback.loop.start : 0)
  const last = () => seek(playback.loop ? playback.loop.end : lastFrame(count))
  const toggle = () => video && set({ playing: !playback.playing })
  const step = (by: number) => seek(stepTarget(playback.frame, by, count))
  const loopIn = () => set({ loop: withLoopIn(playback.loop, playback.frame, count) })
  const loopOut = () => set({ loop: withLoopOut(playback.loop, playback.frame, count) })
  const fullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
    else void root.current?.requestFullscreen().catch(() => {})
  }

  /** Handles a key press; false when the key is not the player's. */
  const key = (k: string, shift: boolean): boolean => {
    const action = playerKeyAction(k, shift)
    if (!action) return false
    if (action.kind === 'fullscreen') {
      fullscreen()
      return true
    }
    if (!video) return false
    switch (action.kind) {
      case 'toggle':
        toggle()
        break
      case 'pause':
        if (playback.playing) set({ playing: false })
        break
      case 'play':
        set(playback.playing ? { speed: fasterSpeed(playback.speed) } : { playing: true, speed: 1 })
        break
      case 'step':
        step(action.by)
        break
      case 'first':
        first()
        break
      case 'last':
        last()
        break
      case 'loopIn':
        loopIn()
        break
      case 'loopOut':
        loopOut()
        break
    }
    return true
  }

  return {
    toggle,
    step,
    first,
    last,
    seek,
    loopIn,
    loopOut,
    clearLoop: () => set({ loop: null }),
    speed: (speed: number) => set({ speed }),
    fullscreen,
    view: onView,
    key,
  }
}
