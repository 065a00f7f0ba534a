import { describeEachEngine } from '@aipipeline/testing'
import { afterEach, expect, it } from 'vitest'
import { z } from 'zod'
import { createJobQueue } from './create-job-queue'
import { createJobHandlerRegistry, defineJob, enqueueJob } from './job-handlers'
import { waitFor, waitForState } from './job-queue.contract'
import type { JobQueue } from './job-queue.port'
import { startWorker } from './job-worker'

const Thumbnail = defineJob('thumbnail', z.object({ versionId: z.string(), width: z.number().int().positive() }))

describeEachEngine('job worker and handler registry', (testDb) => {
  const open: JobQueue[] = []
  const queue = (workerId: string) => {
    const q = createJobQueue({ db: testDb().handle.db, workerId, lockMs: 2_000, pollIntervalMs: 50 })
    open.push(q)
    return q
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()))
  })

  it('hands registered handlers their parsed, typed payload', async () => {
    const q = queue('typed')
    const registry = createJobHandlerRegistry()
    const widths: number[] = []
    registry.registerJobHandler(Thumbnail.name, Thumbnail.schema, async (job) => {
      widths.push(job.data.width)
      return `${job.data.versionId}@${job.data.width}`
    })
    const worker = await startWorker({ queue: q, registry })
    expect(worker.names).toEqual(['thumbnail'])
    const job = await enqueueJob(q, Thumbnail, { versionId: 'v001', width: 320 })
    expect((await waitForState(q, job.id, ['completed'])).result).toBe('v001@320')
    expect(widths).toEqual([320])
    await worker.stop()
  })

  it('fails a job with a bad payload at once, naming the field', async () => {
    const q = queue('bad-payload')
    const registry = createJobHandlerRegistry()
    let calls = 0
    registry.registerJobHandler(Thumbnail.name, Thumbnail.schema, async () => {
      calls += 1
    })
    await startWorker({ queue: q, registry })
    const job = await q.enqueue(Thumbnail.name, { versionId: 'v002', width: 'wide' }, { attempts: 5 })
    const failed = await waitForState(q, job.id, ['failed'])
    expect(failed.error).toMatch(/invalid data for job "thumbnail"/)
    expect(failed.error).toMatch(/width/)
    expect(failed.attemptsMade).toBe(1)
    expect(calls).toBe(0)
  })

  it('refuses a bad payload at the producer and a second handler for one name', async () => {
    const q = queue('producer')
    await expect(enqueueJob(q, Thumbnail, { versionId: 'v003', width: -1 })).rejects.toThrow()
    const registry = createJobHandlerRegistry()
    registry.registerJobHandler('report', z.object({}), async () => undefined)
    expect(() => registry.registerJobHandler('report', z.object({}), async () => undefined)).toThrow(/already/)
  })

  it('on stop, aborts a handler that overruns the timeout and hands its job to another worker', async () => {
    const first = queue('first')
    const registry = createJobHandlerRegistry()
    const aborted: string[] = []
    registry.registerJobHandler('slow-render', z.object({}), async (job) => {
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }))
      aborted.push(job.id)
    })
    const worker = await startWorker({ queue: first, registry, shutdownTimeoutMs: 200 })
    const job = await first.enqueue('slow-render', {})
    await waitForState(first, job.id, ['active'])
    await worker.stop()
    expect(aborted).toEqual([job.id])
    const second = queue('second')
    expect((await second.getJob(job.id))?.state).toBe('queued')
    await second.process('slow-render', async () => 'done elsewhere')
    const done = await waitForState(second, job.id, ['completed'])
    expect(done).toMatchObject({ result: 'done elsewhere', attemptsMade: 1 })
  })

  it('announces events across queue instances that share a database in one process', async () => {
    const producer = queue('producer-events')
    const consumer = queue('consumer-events')
    const seen: string[] = []
    await producer.on('shared-events', (e) => seen.push(e.type))
    await consumer.process('shared-events', async (job) => job.updateProgress(50))
    const job = await producer.enqueue('shared-events', {})
    await waitForState(producer, job.id, ['completed'])
    await waitFor('completed event', async () => (seen.includes('completed') ? true : undefined))
    expect(seen).toEqual(['active', 'progress', 'completed'])
  })
})
