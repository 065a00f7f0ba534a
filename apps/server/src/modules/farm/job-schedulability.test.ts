// The queue summary on the Farm page: a burst of changes sends one summary at once and the last
// state after the burst, never leaving the page on a stale count.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FarmEvents } from './farm-events'
import { JobSchedulability } from './job-schedulability'

type QueueCounts = Parameters<FarmEvents['queue']>[0]

describe('queue summary', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function setup() {
    let queued = 0
    const sent: QueueCounts[] = []
    const schedulability = new JobSchedulability({
      jobs: {
        setUnschedulable: async () => true,
        inStates: async () => [],
        countByState: async () => [{ state: 'queued', priority: 0, count: queued }],
      },
      events: { job: () => {}, queue: (counts) => sent.push(counts) },
    })
    return { schedulability, sent, setQueued: (n: number) => (queued = n) }
  }

  it('sends the first change at once and the last state of a burst after it', async () => {
    const { schedulability, sent, setQueued } = setup()
    setQueued(1)
    schedulability.emitQueue()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.map((c) => c.queued)).toEqual([1])
    for (const n of [2, 3, 4]) {
      setQueued(n)
      schedulability.emitQueue()
    }
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.map((c) => c.queued)).toEqual([1])
    await vi.advanceTimersByTimeAsync(300)
    expect(sent.map((c) => c.queued)).toEqual([1, 4])
  })

  it('sends nothing more once stopped', async () => {
    const { schedulability, sent, setQueued } = setup()
    schedulability.emitQueue()
    setQueued(5)
    schedulability.emitQueue()
    schedulability.stop()
    await vi.advanceTimersByTimeAsync(300)
    expect(sent.map((c) => c.queued)).toEqual([0])
  })
})
