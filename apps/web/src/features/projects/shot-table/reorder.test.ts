import { keyBetween, keysBetween } from '@aipipeline/domain'
import { describe, expect, it } from 'vitest'
import { afterShotFor, optimisticKey } from './reorder'

const all = ['a', 'b', 'c', 'd', 'e']

describe('drag reorder', () => {
  it('places a shot dropped at the top of the list at the start of the edit', () => {
    expect(afterShotFor(all, all, 'c', 0)).toBeNull()
  })

  it('places it after the visible shot above when dropped between two', () => {
    expect(afterShotFor(all, all, 'e', 2)).toBe('b')
    expect(afterShotFor(all, all, 'a', 4)).toBe('e')
  })

  it('keeps hidden shots before the next visible one under a filter', () => {
    // Visible: a, c, e (b and d filtered out). Dropping e between a and c puts it after b.
    expect(afterShotFor(['a', 'c', 'e'], all, 'e', 1)).toBe('b')
  })

  it('computes a fractional key between the neighbours without renumbering others', () => {
    const keys = keysBetween(null, null, 3)
    const [i = '', k = '', m = ''] = keys
    const key = optimisticKey(keys, i)
    expect(key > i && key < k).toBe(true)
    expect(optimisticKey(keys, null) < i).toBe(true)
    expect(optimisticKey(keys, m) > m).toBe(true)
    expect(key).toBe(keyBetween(i, k))
  })
})
