import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stepToNeighbour } from './list-keyboard'

// Rows 60 px high, 4 px apart, starting at 100.
const rows = [0, 1, 2, 3].map((i) => ({ top: 100 + i * 64, height: 60 }))

describe('moving a held item with the arrow keys', () => {
  it('jumps onto the next row’s centre, down or up', () => {
    expect(stepToNeighbour(rows, { top: 100, height: 60 }, 'down')).toBe(64)
    expect(stepToNeighbour(rows, { top: 228, height: 60 }, 'up')).toBe(-64)
  })

  it('stops at either end of the list', () => {
    expect(stepToNeighbour(rows, { top: 292, height: 60 }, 'down')).toBeNull()
    expect(stepToNeighbour(rows, { top: 100, height: 60 }, 'up')).toBeNull()
  })

  it('reaches each later row with one press per row, whatever the row heights', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 10, max: 200 }), { minLength: 2, maxLength: 20 }), (heights) => {
        let top = 0
        const slots = heights.map((height) => {
          const slot = { top, height }
          top += height + 4
          return slot
        })
        const first = slots[0] ?? { top: 0, height: 10 }
        let held = { ...first }
        for (let i = 1; i < slots.length; i++) {
          const dy = stepToNeighbour(slots, held, 'down')
          expect(dy).not.toBeNull()
          held = { top: held.top + (dy ?? 0), height: held.height }
          const slot = slots[i] ?? first
          expect(held.top + held.height / 2).toBeCloseTo(slot.top + slot.height / 2)
        }
        expect(stepToNeighbour(slots, held, 'down')).toBeNull()
      }),
    )
  })
})
