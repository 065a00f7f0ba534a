import { DEFAULT_ROOM_PLAYBACK, type RoomPlayback } from '@aipipeline/contracts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { followRoom, isOwnChange, playbackChange, sendDelay } from './playback-follow'

const base: RoomPlayback = { ...DEFAULT_ROOM_PLAYBACK, itemId: 'i1', versionId: 'v1', frame: 10 }
const playing: RoomPlayback = { ...base, playing: true }

describe('shared playback', () => {
  it('sends play, pause, seeks while paused, speed, item, compare and zoom at once', () => {
    expect(playbackChange(base, { ...base, playing: true })).toBe('immediate')
    expect(playbackChange(playing, { ...playing, playing: false, frame: 40 })).toBe('immediate')
    expect(playbackChange(base, { ...base, frame: 11 })).toBe('immediate')
    expect(playbackChange(base, { ...base, speed: 2 })).toBe('immediate')
    expect(playbackChange(base, { ...base, itemId: 'i2' })).toBe('immediate')
    expect(playbackChange(base, { ...base, compare: { ...base.compare, mode: 'wipe' } })).toBe('immediate')
    expect(playbackChange(base, { ...base, zoom: { ...base.zoom, scale: 2, mode: 'custom' } })).toBe('immediate')
    expect(playbackChange(base, { ...base })).toBe('none')
  })

  it('throttles the frame of a playing video to one send per interval', () => {
    expect(sendDelay(null, 0, playing, 0)).toBe(0)
    expect(sendDelay(playing, 1000, { ...playing, frame: 11 }, 1100, 250)).toBe(150)
    expect(sendDelay(playing, 1000, { ...playing, frame: 30 }, 1300, 250)).toBe(0)
    expect(sendDelay(playing, 1000, { ...playing, playing: false }, 1001, 250)).toBe(0)
    expect(sendDelay(playing, 1000, playing, 1001, 250)).toBeNull()
  })

  it('never sends playing frames more often than the interval, whatever the timing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), (gaps) => {
        let now = 0
        let lastSent: RoomPlayback | null = playing
        let lastSentAt = 0
        let frame = playing.frame
        for (const gap of gaps) {
          now += gap
          frame += 1
          const next = { ...playing, frame }
          const delay = sendDelay(lastSent, lastSentAt, next, now, 250)
          if (delay === 0) {
            expect(now - lastSentAt).toBeGreaterThanOrEqual(250)
            lastSent = next
            lastSentAt = now
          }
        }
      }),
    )
  })

  it('a follower snaps to the room’s frame when paused, and keeps its own while both play close by', () => {
    expect(followRoom({ ...playing, frame: 50 }, { ...base, frame: 42 }).frame).toBe(42)
    expect(followRoom({ ...playing, frame: 45 }, { ...playing, frame: 42 }).frame).toBe(45)
    expect(followRoom({ ...playing, frame: 90 }, { ...playing, frame: 42 }).frame).toBe(42)
    expect(followRoom({ ...base, frame: 5 }, { ...playing, frame: 42 }).frame).toBe(42)
    expect(followRoom({ ...playing, frame: 45 }, { ...playing, itemId: 'i2', frame: 0 })).toEqual({
      ...playing,
      itemId: 'i2',
      frame: 0,
    })
  })

  it('a follower detaches on its own seek or pause, not on frames ticking while the room plays', () => {
    expect(isOwnChange(playing, { ...playing, frame: 11 }, playing)).toBe(false)
    expect(isOwnChange(playing, { ...playing, playing: false }, playing)).toBe(true)
    expect(isOwnChange(base, { ...base, frame: 20 }, base)).toBe(true)
    expect(isOwnChange(base, base, base)).toBe(false)
    expect(isOwnChange({ ...base, frame: 3 }, base, base)).toBe(false)
  })
})
