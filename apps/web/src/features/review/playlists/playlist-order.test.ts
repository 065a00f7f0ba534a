import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { itemsInOrder, moveItem } from './playlist-order'

const uniqueIds = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 })

describe('moving a playlist item', () => {
  it('puts the dragged item where the target stood', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd'])
    expect(moveItem(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c'])
    expect(moveItem(['a', 'b'], 'b', 'a')).toEqual(['a', 'b'].reverse())
  })

  it('keeps every item exactly once, with the moved one at the target’s old index', () => {
    fc.assert(
      fc.property(uniqueIds, fc.nat(), fc.nat(), (ids, i, j) => {
        const moved = ids[i % ids.length] ?? ''
        const target = ids[j % ids.length] ?? ''
        const next = moveItem(ids, moved, target)
        expect([...next].sort()).toEqual([...ids].sort())
        expect(next.indexOf(moved)).toBe(ids.indexOf(target))
        // Everything else keeps its relative order.
        expect(next.filter((id) => id !== moved)).toEqual(ids.filter((id) => id !== moved))
      }),
    )
  })

  it('changes nothing for an unknown item or target', () => {
    expect(moveItem(['a', 'b'], 'x', 'a')).toEqual(['a', 'b'])
    expect(moveItem(['a', 'b'], 'a', 'x')).toEqual(['a', 'b'])
  })
})

describe('showing items in a pending order', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]

  it('follows an order that names every item once', () => {
    expect(itemsInOrder(items, ['c', 'a', 'b']).map((i) => i.id)).toEqual(['c', 'a', 'b'])
  })

  it('falls back to the items as they are when the order is stale', () => {
    expect(itemsInOrder(items, null).map((i) => i.id)).toEqual(['a', 'b', 'c'])
    expect(itemsInOrder(items, ['c', 'a']).map((i) => i.id)).toEqual(['a', 'b', 'c'])
    expect(itemsInOrder(items, ['c', 'c', 'a']).map((i) => i.id)).toEqual(['a', 'b', 'c'])
    expect(itemsInOrder(items, ['c', 'x', 'a']).map((i) => i.id)).toEqual(['a', 'b', 'c'])
  })

  it('never loses or repeats an item, whatever the order says', () => {
    fc.assert(
      fc.property(uniqueIds, fc.array(fc.string({ maxLength: 6 }), { maxLength: 30 }), (ids, order) => {
        const shown = itemsInOrder(
          ids.map((id) => ({ id })),
          order,
        ).map((i) => i.id)
        expect([...shown].sort()).toEqual([...ids].sort())
      }),
    )
  })
})
