import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasGap, hold, receive, resetTo, type SequenceState, startSequence } from './room-sequence'

interface Event {
  seq: number
  copy: number
}

/** Feeds events one by one and returns what was applied, in order. */
function feed(start: SequenceState<Event>, events: Event[]) {
  let state = start
  const applied: Event[] = []
  for (const event of events) {
    const step = receive(state, event)
    state = step.state
    applied.push(...step.ready)
  }
  return { state, applied }
}

describe('the order of room events', () => {
  it('applies any permutation of a run exactly once, in seq order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 40 }).chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n })),
        (from, order) => {
          const events = order.map((i) => ({ seq: from + 1 + i, copy: 0 }))
          const { state, applied } = feed(startSequence(from), events)
          expect(applied.map((e) => e.seq)).toEqual(order.map((_, i) => from + 1 + i))
          expect(state.applied).toBe(from + order.length)
          expect(hasGap(state)).toBe(false)
        },
      ),
    )
  })

  it('drops duplicates, even when they arrive again later, and events the state already covers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.integer({ min: 1, max: n }), { minLength: n, maxLength: 3 * n }),
            fc.shuffledSubarray(
              [...Array(n).keys()].map((i) => i + 1),
              { minLength: n },
            ),
          ),
        ),
        ([n, repeats, order]) => {
          const events = [...order, ...repeats].map((seq, copy) => ({ seq, copy }))
          const { applied } = feed(startSequence(0), events)
          expect(applied.map((e) => e.seq)).toEqual([...Array(n).keys()].map((i) => i + 1))
        },
      ),
    )
  })

  it('holds events after a gap until the missing one comes', () => {
    const { state, applied } = feed(startSequence(4), [
      { seq: 6, copy: 0 },
      { seq: 7, copy: 0 },
    ])
    expect(applied).toEqual([])
    expect(hasGap(state)).toBe(true)
    const filled = receive(state, { seq: 5, copy: 0 })
    expect(filled.ready.map((e) => e.seq)).toEqual([5, 6, 7])
    expect(hasGap(filled.state)).toBe(false)
  })

  it('after a full state, drops what it covers and applies what waited beyond it', () => {
    const { state } = feed(startSequence(1), [
      { seq: 3, copy: 0 },
      { seq: 5, copy: 0 },
      { seq: 6, copy: 0 },
    ])
    const synced = resetTo(state, 4)
    expect(synced.ready.map((e) => e.seq)).toEqual([5, 6])
    expect(synced.state.applied).toBe(6)
    expect(hasGap(synced.state)).toBe(false)
  })
})

describe('events before the join is answered', () => {
  it('wait for the joined state and apply only what comes after it', () => {
    let state = startSequence<Event>(0)
    for (const seq of [9, 7, 8]) state = hold(state, { seq, copy: 0 })
    const joined = resetTo(state, 7)
    expect(joined.ready.map((e) => e.seq)).toEqual([8, 9])
  })
})
