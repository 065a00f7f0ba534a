// The behaviour every JobQueue adapter must have. Each adapter's test file calls
// runJobQueueContract with a factory for queue instances that share one store.
import { afterEach, expect, it } from 'vitest'
import { z } from 'zod'
import { type JobEvent, type JobQueue, type JobState, UnrecoverableJobError } from './job-queue.port'

export interface JobQueueFactory {
  /** A new queue instance on the suite's shared store (several may run at once). */
  makeQueue(opts: { workerId: string; lockMs?: number }): Promise<JobQueue>
}

/** Polls until `check` returns a value other than undefined, or fails naming `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Waits until a job reaches one of `states`. */
export function waitForState(queue: JobQueue, jobId: string, states: JobState[]) {
  return waitFor(`job ${jobId} to be ${states.join('|')}`, async () => {
    const job = await queue.getJob(jobId)
    return job && states.includes(job.state) ? job : undefined
  })
}

function gate() {
  let open: () => void = () => {}
  const opened = new Promise<void>((r) => {
    open = r
  })
  return { open, opened }
}

const Labelled = z.object({ label: z.string() })
const Numbered = z.object({ n: z.number() })

let counter = 0
function uniqueName(what: string): string {
  counter += 1
  return `${what}-${process.pid}-${Date.now().toString(36)}-${counter}`
}

/** Declares the contract tests (call inside a describe). */
export function runJobQueueContract(factory: () => JobQueueFactory): void {
  const open: JobQueue[] = []
  const queue = async (workerId = 'w1', lockMs?: number) => {
    const q = await factory().makeQueue({ workerId, lockMs })
    open.push(q)
    return q
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()))
  })

  it('runs a job, stores its result and announces completion', async () => {
    const q = await queue()
    const name = uniqueName('run')
    const events: JobEvent[] = []
    await q.on(name, (e) => events.push(e))
    await q.process(name, async (job) => ({ doubled: Numbered.parse(job.data).n * 2 }))
    const job = await q.enqueue(name, { n: 21 })
    expect(job).toMatchObject({ name, state: 'queued', data: { n: 21 }, attemptsMade: 0 })
    const done = await waitForState(q, job.id, ['completed'])
    expect(done.result).toEqual({ doubled: 42 })
    expect(done.attemptsMade).toBe(1)
    expect(done.finishedAt).not.toBeNull()
    await waitFor('completed event', async () => events.find((e) => e.type === 'completed'))
    expect(events.find((e) => e.type === 'completed')).toMatchObject({ jobId: job.id, result: { doubled: 42 } })
  })

  it('returns the existing job when the same jobId is enqueued again', async () => {
    const q = await queue()
    const name = uniqueName('idem')
    const first = await q.enqueue(name, { v: 1 }, { jobId: `${name}-key` })
    const again = await q.enqueue(name, { v: 2 }, { jobId: `${name}-key` })
    expect(again.id).toBe(first.id)
    expect(again.data).toEqual({ v: 1 })
    expect(await q.listJobs(name)).toHaveLength(1)
  })

  it('rejects job ids that cannot be stored on every adapter', async () => {
    const q = await queue()
    await expect(q.enqueue(uniqueName('bad-id'), {}, { jobId: 'a:b' })).rejects.toThrow(/may not contain/)
    await expect(q.enqueue(uniqueName('bad-id'), {}, { jobId: '42' })).rejects.toThrow(/integer/)
  })

  it('runs higher priority numbers first, first-in first-out within a priority', async () => {
    const q = await queue()
    const name = uniqueName('prio')
    const order: string[] = []
    for (const [label, priority] of [
      ['low', -5],
      ['mid', 0],
      ['high-a', 10],
      ['high-b', 10],
    ] as const) {
      await q.enqueue(name, { label }, { priority })
    }
    await q.process(name, async (job) => {
      order.push(Labelled.parse(job.data).label)
    })
    await waitFor('all four jobs', async () => (order.length === 4 ? true : undefined))
    expect(order).toEqual(['high-a', 'high-b', 'mid', 'low'])
  })

  it('holds a delayed job back while later undelayed work runs', async () => {
    const q = await queue()
    const name = uniqueName('delay')
    const order: string[] = []
    await q.process(name, async (job) => {
      order.push(Labelled.parse(job.data).label)
    })
    const delayed = await q.enqueue(name, { label: 'delayed' }, { delay: 800 })
    expect((await q.getJob(delayed.id))?.state).toBe('queued')
    await q.enqueue(name, { label: 'now' })
    await waitForState(q, delayed.id, ['completed'])
    expect(order).toEqual(['now', 'delayed'])
  })

  it('retries a failing job with backoff and succeeds on a later attempt', async () => {
    const q = await queue()
    const name = uniqueName('retry')
    const attempts: number[] = []
    await q.process(name, async (job) => {
      attempts.push(job.attempt)
      if (job.attempt < 3) throw new Error(`flaky ${job.attempt}`)
      return 'ok'
    })
    const job = await q.enqueue(name, {}, { attempts: 3, backoff: { type: 'exponential', delay: 50, jitter: 0.5 } })
    const done = await waitForState(q, job.id, ['completed'])
    expect(attempts).toEqual([1, 2, 3])
    expect(done).toMatchObject({ result: 'ok', attemptsMade: 3 })
  })

  it('fails a job for good once its attempts are used up', async () => {
    const q = await queue()
    const name = uniqueName('exhaust')
    const events: JobEvent[] = []
    await q.on(name, (e) => events.push(e))
    let calls = 0
    await q.process(name, async () => {
      calls += 1
      throw new Error('render node exploded')
    })
    const job = await q.enqueue(name, {}, { attempts: 2, backoff: { type: 'fixed', delay: 20 } })
    const failed = await waitForState(q, job.id, ['failed'])
    expect(failed).toMatchObject({ attemptsMade: 2, error: 'render node exploded' })
    expect(calls).toBe(2)
    await waitFor('failed event', async () => events.find((e) => e.type === 'failed'))
    expect(events.filter((e) => e.type === 'failed')).toEqual([
      { type: 'failed', jobId: job.id, name, error: 'render node exploded' },
    ])
  })

  it('does not retry an unrecoverable error', async () => {
    const q = await queue()
    const name = uniqueName('unrecoverable')
    let calls = 0
    await q.process(name, async () => {
      calls += 1
      throw new UnrecoverableJobError('bad payload')
    })
    const job = await q.enqueue(name, {}, { attempts: 5 })
    expect(await waitForState(q, job.id, ['failed'])).toMatchObject({ error: 'bad payload' })
    expect(calls).toBe(1)
  })

  it('reports progress from the handler as events and on the job', async () => {
    const q = await queue()
    const name = uniqueName('progress')
    const events: JobEvent[] = []
    await q.on(name, (e) => events.push(e))
    await q.process(name, async (job) => {
      await job.updateProgress(40, 'denoising')
      await job.updateProgress(100)
    })
    const job = await q.enqueue(name, {})
    const done = await waitForState(q, job.id, ['completed'])
    expect(done.progress).toBe(100)
    const progress = await waitFor('two progress events', async () => {
      const p = events.filter((e) => e.type === 'progress')
      return p.length === 2 ? p : undefined
    })
    expect(progress).toEqual([
      { type: 'progress', jobId: job.id, name, progress: 40, message: 'denoising' },
      { type: 'progress', jobId: job.id, name, progress: 100, message: null },
    ])
  })

  it('never runs more jobs of one name at once than its concurrency', async () => {
    const q = await queue()
    const name = uniqueName('concurrency')
    let running = 0
    let maxRunning = 0
    await q.process(
      name,
      async () => {
        running += 1
        maxRunning = Math.max(maxRunning, running)
        await new Promise((r) => setTimeout(r, 150))
        running -= 1
      },
      { concurrency: 2 },
    )
    const jobs = await Promise.all([1, 2, 3, 4, 5].map((i) => q.enqueue(name, { i })))
    for (const j of jobs) await waitForState(q, j.id, ['completed'])
    expect(maxRunning).toBe(2)
  })

  it('never starts a job canceled while queued', async () => {
    const q = await queue()
    const name = uniqueName('cancel-queued')
    const seen: string[] = []
    const doomed = await q.enqueue(name, { label: 'doomed' }, { priority: 10 })
    const sentinel = await q.enqueue(name, { label: 'sentinel' }, { priority: -10 })
    expect(await q.cancel(doomed.id)).toBe(true)
    await q.process(name, async (job) => {
      seen.push(Labelled.parse(job.data).label)
    })
    await waitForState(q, sentinel.id, ['completed'])
    expect(seen).toEqual(['sentinel'])
    expect((await q.getJob(doomed.id))?.state).toBe('canceled')
    expect(await q.cancel(doomed.id)).toBe(false)
  })

  it('aborts the signal of a running job when it is canceled, without retrying it', async () => {
    const q = await queue()
    const name = uniqueName('cancel-active')
    const started = gate()
    let calls = 0
    let sawAbort = false
    await q.process(name, async (job) => {
      calls += 1
      started.open()
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }))
      sawAbort = job.signal.aborted
      throw new Error('stopped')
    })
    const job = await q.enqueue(name, {}, { attempts: 3 })
    await started.opened
    expect(await q.cancel(job.id)).toBe(true)
    await waitFor('handler to see the abort', async () => (sawAbort ? true : undefined))
    expect((await waitForState(q, job.id, ['canceled'])).state).toBe('canceled')
    await new Promise((r) => setTimeout(r, 300))
    expect(calls).toBe(1)
    expect((await q.getJob(job.id))?.state).toBe('canceled')
  })

  it('finds jobs by id and lists them by state', async () => {
    const q = await queue()
    const name = uniqueName('list')
    await q.process(name, async () => 'done')
    const a = await q.enqueue(name, { i: 1 })
    const b = await q.enqueue(name, { i: 2 })
    const later = await q.enqueue(name, { i: 3 }, { delay: 60_000 })
    await waitForState(q, a.id, ['completed'])
    await waitForState(q, b.id, ['completed'])
    const completed = await q.listJobs(name, { state: 'completed' })
    expect(completed.map((j) => j.id).sort()).toEqual([a.id, b.id].sort())
    expect((await q.listJobs(name, { state: 'queued' })).map((j) => j.id)).toEqual([later.id])
    expect(await q.listJobs(name, { state: 'failed' })).toEqual([])
    expect(await q.getJob('no-such-job')).toBeUndefined()
    expect(await q.cancel('no-such-job')).toBe(false)
  })

  it('fires a cron schedule once per tick even with several workers', async () => {
    const workers = [await queue('cron-a'), await queue('cron-b'), await queue('cron-c')]
    const [first] = workers
    if (!first) throw new Error('no queue')
    const name = uniqueName('cron')
    const runs: string[] = []
    for (const w of workers) await w.process(name, async (job) => void runs.push(job.id))
    const scheduleId = uniqueName('every-second')
    const startedMs = Date.now()
    await first.schedule(scheduleId, '* * * * * *', name, { kind: 'tick' })
    await waitFor('three ticks', async () => (runs.length >= 3 ? true : undefined))
    expect(await first.unschedule(scheduleId)).toBe(true)
    const endedMs = Date.now()
    await new Promise((r) => setTimeout(r, 1200))
    // At most one job per whole second that began while the schedule existed.
    const ticksElapsed = Math.floor(endedMs / 1000) - Math.floor(startedMs / 1000)
    expect(new Set(runs).size).toBe(runs.length)
    expect(runs.length).toBeLessThanOrEqual(ticksElapsed + 1)
    expect(await first.unschedule(scheduleId)).toBe(false)
  })

  it('rejects an invalid cron expression with a clear error', async () => {
    const q = await queue()
    await expect(q.schedule(uniqueName('bad-cron'), 'every day', uniqueName('x'), {})).rejects.toThrow(/cron/)
  })

  it('aborts a handler that overruns a graceful stop and hands its job to another worker', async () => {
    const first = await queue('stop-first')
    const name = uniqueName('overrun')
    const started = gate()
    await first.process(name, async (job) => {
      started.open()
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }))
      return 'abandoned'
    })
    const job = await first.enqueue(name, {})
    await started.opened
    await first.stopProcessing({ timeoutMs: 200 })
    const second = await queue('stop-second')
    await second.process(name, async () => 'done elsewhere')
    expect(await waitForState(second, job.id, ['completed'])).toMatchObject({
      result: 'done elsewhere',
      attemptsMade: 1,
    })
  })

  it('lets running jobs finish on a graceful stop and then takes no more', async () => {
    const q = await queue()
    const name = uniqueName('stop')
    const started = gate()
    await q.process(name, async () => {
      started.open()
      await new Promise((r) => setTimeout(r, 200))
      return 'finished'
    })
    const job = await q.enqueue(name, {})
    await started.opened
    await q.stopProcessing({ timeoutMs: 5_000 })
    expect((await q.getJob(job.id))?.state).toBe('completed')
    const after = await q.enqueue(name, {})
    await new Promise((r) => setTimeout(r, 300))
    expect((await q.getJob(after.id))?.state).toBe('queued')
  })
}
