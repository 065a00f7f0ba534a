import { afterEach, describe, expect, it, vi } from 'vitest'
import { newId } from './ids'

const timestampOf = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)

describe('newId', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sorts ids made in the same millisecond in the order they were made', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 10, 21, 12, 0, 0) })
    const ids = Array.from({ length: 5000 }, () => newId())
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('never sorts a later id before an earlier one when the clock steps back', () => {
    const ms = Date.UTC(2026, 10, 21, 12, 0, 1)
    vi.useFakeTimers({ toFake: ['Date'], now: ms })
    const first = newId()
    vi.setSystemTime(ms - 5)
    const second = newId()
    expect(second > first).toBe(true)
  })

  it('is a version 7, RFC variant UUID carrying its millisecond timestamp', () => {
    const ms = Date.UTC(2030, 0, 1)
    vi.useFakeTimers({ toFake: ['Date'], now: ms })
    const id = newId()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(timestampOf(id)).toBe(ms)
  })
})
