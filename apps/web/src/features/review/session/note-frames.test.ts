import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { frameRefLabel, framesOfChoice } from './note-frames'

describe('note frame references', () => {
  it('reads as project frame numbers', () => {
    expect(frameRefLabel({ start: 11, end: 11 }, 1001)).toBe('1012')
    expect(frameRefLabel({ start: 11, end: 19 }, 1001)).toBe('1012–1020')
  })

  it('a marked range always starts at or before its end and keeps both marks', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        const frames = framesOfChoice({ kind: 'range', in: a, out: b })
        expect(frames).toEqual({ start: Math.min(a, b), end: Math.max(a, b) })
      }),
    )
  })

  it('the frame on screen is a one-frame reference; no choice is no reference', () => {
    expect(framesOfChoice({ kind: 'frame', frame: 7 })).toEqual({ start: 7, end: 7 })
    expect(framesOfChoice({ kind: 'none' })).toBeUndefined()
  })
})
