// The saved view's sort as a playlist applies it: a stable reordering of the shots that came in
// editorial order, empty values last, descending the mirror of ascending for distinct values.
import type { ShotListRecord } from '@aipipeline/db'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortShots } from './playlist-sources'

const shot = fc.record({
  code: fc.string({ maxLength: 4 }),
  description: fc.string({ maxLength: 4 }),
  frameIn: fc.option(fc.integer({ min: 1001, max: 1100 }), { nil: null }),
  frameOut: fc.option(fc.integer({ min: 1101, max: 1200 }), { nil: null }),
})
const shots = fc.array(shot, { maxLength: 30 }).map((list) =>
  list.map(
    (s, i): ShotListRecord => ({
      ...s,
      id: `s${i}`,
      sequenceId: 'q',
      orderKey: `a${String(i).padStart(3, '0')}`,
      thumbnailVersionId: null,
      customFields: {},
      updatedAt: '',
    }),
  ),
)
const key = fc.constantFrom('order', 'code', 'description', 'frameIn', 'frameOut', 'duration' as const)

describe('sortShots', () => {
  it('returns every shot exactly once', () => {
    fc.assert(
      fc.property(shots, key, fc.boolean(), (list, k, desc) => {
        const out = sortShots(list, { key: k, desc })
        expect(out.map((s) => s.id).sort()).toEqual(list.map((s) => s.id).sort())
      }),
    )
  })

  it('keeps editorial order for `order` and between equal values, and puts empty frames last', () => {
    fc.assert(
      fc.property(shots, fc.boolean(), (list, desc) => {
        expect(sortShots(list, { key: 'order', desc: false })).toEqual(list)
        const out = sortShots(list, { key: 'frameIn', desc })
        const firstEmpty = out.findIndex((s) => s.frameIn === null)
        if (firstEmpty >= 0) expect(out.slice(firstEmpty).every((s) => s.frameIn === null)).toBe(true)
        for (let i = 1; i < out.length; i++) {
          const a = out[i - 1]
          const b = out[i]
          if (a && b && a.frameIn === b.frameIn) expect(a.orderKey < b.orderKey).toBe(true)
          if (a?.frameIn != null && b?.frameIn != null)
            expect(desc ? a.frameIn >= b.frameIn : a.frameIn <= b.frameIn).toBe(true)
        }
      }),
    )
  })
})
