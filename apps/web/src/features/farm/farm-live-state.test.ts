import type { FarmBackend, RenderJob } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { applyBackendEvent, applyJobEvent, queueOrder } from './farm-live-state'

const backend = (over: Partial<FarmBackend> = {}): FarmBackend => ({
  id: 'b1',
  name: 'gpu-1',
  url: 'http://gpu-1:8188',
  tags: [],
  maxInFlight: 2,
  enabled: true,
  state: 'online',
  stateReason: null,
  vramGb: 24,
  comfyVersion: null,
  loadedModel: null,
  speed: null,
  inFlight: 0,
  currentJobIds: [],
  nodeClassCount: 10,
  models: {},
  gpuMetrics: null,
  capabilitiesAt: null,
  lastSeenAt: null,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  ...over,
})

const job = (over: Partial<RenderJob> = {}): RenderJob => ({
  id: 'j1',
  name: 'shot 010',
  state: 'queued',
  priority: 50,
  progress: 0,
  backendId: null,
  attemptCount: 0,
  maxAttempts: 3,
  groupId: null,
  templateId: null,
  shotId: null,
  taskId: null,
  submittedBy: null,
  requirements: { nodeClasses: [], models: [], tags: [], minVramGb: 0 },
  primaryModel: null,
  unschedulableReason: null,
  error: null,
  nextAttemptAt: null,
  queuedAt: '2030-01-01T00:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  ...over,
})

const backendEvent = {
  id: 'b1',
  name: 'gpu-1',
  state: 'offline' as const,
  stateReason: 'connection refused',
  loadedModel: 'flux1-dev.safetensors',
  inFlight: 1,
  currentJobIds: ['j1'],
  vramGb: 24,
}

describe('live farm state', () => {
  it('patches a known backend and keeps what the event does not carry', () => {
    const { list, refetch } = applyBackendEvent([backend({ gpuMetrics: { at: 'x', gpus: [] } })], backendEvent)
    expect(refetch).toBe(false)
    expect(list[0]).toMatchObject({ state: 'offline', loadedModel: 'flux1-dev.safetensors', currentJobIds: ['j1'] })
    expect(list[0]?.gpuMetrics).toEqual({ at: 'x', gpus: [] })
  })

  it('drops a removed backend and asks for a refetch on an unknown one', () => {
    expect(applyBackendEvent([backend()], { ...backendEvent, removed: true }).list).toEqual([])
    expect(applyBackendEvent([backend()], { ...backendEvent, id: 'b2' }).refetch).toBe(true)
  })

  it('moves a job through its states and refetches when it finishes', () => {
    const event = {
      jobId: 'j1',
      state: 'running' as const,
      priority: 60,
      backendId: 'b1',
      attempt: 1,
      error: null,
      at: 'x',
    }
    const running = applyJobEvent([job()], event)
    expect(running).toMatchObject({
      refetch: false,
      list: [{ state: 'running', priority: 60, backendId: 'b1', attemptCount: 1 }],
    })
    const done = applyJobEvent(running.list, { ...event, state: 'succeeded' })
    expect(done.refetch).toBe(true)
    expect(done.list[0]?.progress).toBe(1)
  })

  it('orders running, assigned, queued by priority then age, then finished newest first', () => {
    const jobs = [
      job({ id: 'done-old', state: 'succeeded', finishedAt: '2030-01-01T00:01:00.000Z' }),
      job({ id: 'low', priority: 10 }),
      job({ id: 'done-new', state: 'failed', finishedAt: '2030-01-01T00:02:00.000Z' }),
      job({ id: 'high-late', priority: 90, queuedAt: '2030-01-01T00:00:09.000Z' }),
      job({ id: 'high-early', priority: 90, queuedAt: '2030-01-01T00:00:01.000Z' }),
      job({ id: 'run', state: 'running' }),
    ]
    expect(queueOrder(jobs).map((j) => j.id)).toEqual(['run', 'high-early', 'high-late', 'low', 'done-new', 'done-old'])
  })
})
