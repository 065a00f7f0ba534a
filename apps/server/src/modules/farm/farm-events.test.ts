// Live progress on the Farm page: at most one event per interval per job, the first at once and
// the latest after a burst, so the last step always arrives; a finished job sends no stale step.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFarmEvents } from './farm-events'

describe('farm progress events', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function setup() {
    const steps: unknown[] = []
    const hub = {
      emit: (room: string, event: string, payload: unknown) => {
        if (room === 'farm' && event === 'farm:job-progress') steps.push(payload)
      },
    }
    const events = createFarmEvents(hub, { progressIntervalMs: 100, previewIntervalMs: 1000 })
    const progress = (jobId: string, step: number) =>
      events.progress({ jobId, backendId: 'b1', node: '3', step, max: 20, overall: step / 20 })
    return { events, steps, progress }
  }

  it('sends the first step at once and the latest step of a burst after the interval', async () => {
    const { steps, progress } = setup()
    for (const step of [1, 2, 3, 4]) progress('j1', step)
    expect(steps).toMatchObject([{ step: 1 }])
    await vi.advanceTimersByTimeAsync(150)
    expect(steps).toMatchObject([{ step: 1 }, { step: 4, overall: 20 }])
  })

  it('throttles each job on its own', () => {
    const { steps, progress } = setup()
    progress('j1', 1)
    progress('j2', 1)
    expect(steps).toMatchObject([{ jobId: 'j1' }, { jobId: 'j2' }])
  })

  it('drops a waiting step when the job finishes', async () => {
    const { events, steps, progress } = setup()
    progress('j1', 1)
    progress('j1', 2)
    events.job({ jobId: 'j1', state: 'succeeded', priority: 0, backendId: 'b1', attempt: 1, error: null })
    await vi.advanceTimersByTimeAsync(150)
    expect(steps).toMatchObject([{ step: 1 }])
  })
})
