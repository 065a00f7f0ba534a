import { describe, expect, it } from 'vitest'
import { newId } from './ids'

describe('newId', () => {
  it('sorts ids made in the same millisecond in the order they were made', () => {
    const ms = Date.UTC(2026, 10, 21, 12, 0, 0)
    const ids = Array.from({ length: 5000 }, () => newId(ms))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('never sorts a later id before an earlier one when the clock steps back', () => {
    const ms = Date.UTC(2026, 10, 21, 12, 0, 1)
    const first = newId(ms)
    const second = newId(ms - 5)
    expect(second > first).toBe(true)
  })

  it('is a version 7, RFC variant UUID carrying its millisecond timestamp', () => {
    const ms = Date.UTC(2030, 0, 1)
    const id = newId(ms)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms)
  })
})
