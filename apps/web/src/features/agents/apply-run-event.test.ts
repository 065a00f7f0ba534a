import type { AgentRunSummary } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { applyRunEvent } from './apply-run-event'

const usage = { model: null, inputTokens: 0, outputTokens: 0, costMicros: 0, calls: 0, repairs: 0 }
const run: AgentRunSummary = {
  id: 'r1',
  projectId: 'p1',
  pipeline: 'script-analysis',
  status: 'running',
  progress: 10,
  progressMessage: null,
  jobId: 'j1',
  createdBy: 'u1',
  label: 'radio.fountain',
  usage,
  error: null,
  decision: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:01.000Z',
  finishedAt: null,
}
const event = (over: Partial<Parameters<typeof applyRunEvent>[1]>) => ({
  runId: 'r1',
  projectId: 'p1',
  pipeline: 'script-analysis' as const,
  status: 'running' as const,
  progress: 50,
  message: 'chunk 1 of 2',
  usage: { ...usage, calls: 1, costMicros: 120 },
  at: '2025-01-01T00:00:02.000Z',
  ...over,
})

describe('live run updates', () => {
  it('moves a running run forward without a refetch', () => {
    const { list, refetch } = applyRunEvent([run], event({}))
    expect(list[0]).toMatchObject({ progress: 50, progressMessage: 'chunk 1 of 2', usage: { costMicros: 120 } })
    expect(refetch).toBe(false)
  })

  it('ignores an event older than what the list shows', () => {
    const { list } = applyRunEvent([run], event({ at: '2025-01-01T00:00:00.500Z' }))
    expect(list[0]?.progress).toBe(10)
  })

  it('refetches for a run it has not seen and when a run finishes', () => {
    expect(applyRunEvent([run], event({ runId: 'other' })).refetch).toBe(true)
    expect(applyRunEvent([run], event({ status: 'completed', progress: 100 })).refetch).toBe(true)
  })
})
