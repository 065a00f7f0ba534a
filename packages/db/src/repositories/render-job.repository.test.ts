import { describeEachEngine, newRenderJob, newRenderJobOutput } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { createBackendRepository, isUniqueViolation } from './backend.repository'
import { createRenderJobRepository } from './render-job.repository'

const job = newRenderJob

describeEachEngine('render job repository', (db) => {
  it('claims a queued job once and records the attempt', async () => {
    const repo = createRenderJobRepository(db().handle.db)
    const [j] = await repo.insertMany([job()])
    if (!j) throw new Error('not inserted')
    const claim = { jobId: j.id, backendId: 'b1', backendName: 'gpu-1', promptId: crypto.randomUUID() }
    expect(await repo.claim(claim)).toBe(1)
    expect(await repo.claim({ ...claim, promptId: crypto.randomUUID() })).toBeNull()
    const attempts = await repo.attempts(j.id)
    expect(attempts.map((a) => [a.number, a.backendName, a.outcome])).toEqual([[1, 'gpu-1', 'pending']])
  })

  it('settles a job exactly once even when completion is reported twice or by a stale attempt', async () => {
    const repo = createRenderJobRepository(db().handle.db)
    const [j] = await repo.insertMany([job()])
    if (!j) throw new Error('not inserted')
    const promptId = crypto.randomUUID()
    await repo.claim({ jobId: j.id, backendId: 'b1', backendName: 'gpu-1', promptId })
    expect(await repo.settle(j.id, 'another-prompt', 'succeeded')).toBe(false)
    expect(await repo.markRunning(j.id, promptId)).toBe(true)
    expect(await repo.settle(j.id, promptId, 'succeeded')).toBe(true)
    expect(await repo.settle(j.id, promptId, 'succeeded')).toBe(false)
    expect((await repo.get(j.id))?.state).toBe('succeeded')
  })

  it('stores each output file of a job once', async () => {
    const repo = createRenderJobRepository(db().handle.db)
    const [j] = await repo.insertMany([job()])
    if (!j) throw new Error('not inserted')
    const file = newRenderJobOutput(j.id)
    expect(await repo.insertOutput(file)).toBe(true)
    expect(await repo.insertOutput(file)).toBe(false)
    expect(await repo.outputs(j.id)).toHaveLength(1)
  })

  it('cancels a queued job so that it can no longer be claimed', async () => {
    const repo = createRenderJobRepository(db().handle.db)
    const [j] = await repo.insertMany([job()])
    if (!j) throw new Error('not inserted')
    expect((await repo.cancel(j.id))?.state).toBe('queued')
    expect(
      await repo.claim({ jobId: j.id, backendId: 'b', backendName: 'b', promptId: crypto.randomUUID() }),
    ).toBeNull()
    expect(await repo.retry(j.id)).toBe(true)
    expect((await repo.get(j.id))?.state).toBe('queued')
  })

  it('refuses a second backend with the same URL as a unique violation', async () => {
    const repo = createBackendRepository(db().handle.db)
    const input = {
      name: 'gpu',
      url: 'http://127.0.0.1:9',
      tags: [],
      maxInFlight: 2,
      enabled: true,
      state: 'online' as const,
      capabilities: { nodeClasses: [], models: {} },
      vramGb: 24,
      comfyVersion: null,
    }
    await repo.insert(input)
    const err = await repo.insert(input).catch((e: unknown) => e)
    expect(isUniqueViolation(err)).toBe(true)
  })
})
