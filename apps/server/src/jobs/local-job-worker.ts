// Takes jobs of one name from the database and runs them, at most `concurrency` at once.
// While a handler runs, a heartbeat extends the job's lock; if this process dies the
// heartbeat stops and another worker claims the job once the lock expires. A heartbeat
// that finds the lock gone (job canceled, or taken over after a stall) aborts the handler.
import { isoNow, type JobRepository, newId, type StoredJob } from '@aipipeline/db'
import {
  CANCELED_MESSAGE,
  errorMessage,
  type JobContext,
  type JobHandler,
  UnrecoverableJobError,
} from './job-queue.port'
import { retryDelayMs } from './job-timing'
import type { LocalJobHub } from './local-job-events'

export interface LocalWorkerSettings {
  repo: JobRepository
  hub: LocalJobHub
  workerId: string
  lockMs: number
  pollIntervalMs: number
  now: () => number
  onError: (err: unknown) => void
}

interface RunningJob {
  token: string
  controller: AbortController
  done: Promise<void>
}

// Why a handler's signal was aborted; decides what happens to the job afterwards.
class AbortReason extends Error {
  constructor(readonly kind: 'canceled' | 'lock-lost' | 'shutdown') {
    super(kind === 'canceled' ? CANCELED_MESSAGE : `job aborted: ${kind}`)
  }
}

/** One polling loop for one job name. */
export class LocalNameWorker {
  private readonly running = new Map<string, RunningJob>()
  private stopped = false
  private wakeUp: (() => void) | undefined
  // A wake-up that arrives while the loop is busy must not be lost: the next sleep skips.
  private wokenWhileBusy = false
  private readonly loopDone: Promise<void>
  private readonly unsubscribeWake: () => void

  constructor(
    private readonly s: LocalWorkerSettings,
    private readonly name: string,
    private readonly handler: JobHandler,
    private readonly concurrency: number,
  ) {
    this.unsubscribeWake = s.hub.onWake(name, () => this.wake())
    this.loopDone = this.loop()
  }

  /** Aborts the handler of a job running in this process (after it was canceled in the database). */
  abortLocal(jobId: string): void {
    this.running.get(jobId)?.controller.abort(new AbortReason('canceled'))
  }

  /** Stops claiming, waits up to `timeoutMs` for handlers, then aborts and releases the rest. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true
    this.unsubscribeWake()
    this.wake()
    await this.loopDone
    const all = Promise.all([...this.running.values()].map((r) => r.done))
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
    })
    const outcome = await Promise.race([all.then(() => 'done' as const), timedOut])
    clearTimeout(timer)
    if (outcome === 'done') return
    for (const [jobId, job] of this.running) {
      job.controller.abort(new AbortReason('shutdown'))
      await this.s.repo.release(jobId, job.token, isoNow(this.s.now())).catch(this.s.onError)
    }
  }

  private wake(): void {
    if (this.wakeUp) this.wakeUp()
    else this.wokenWhileBusy = true
  }

  private sleep(ms: number): Promise<void> {
    if (this.wokenWhileBusy) {
      this.wokenWhileBusy = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.wakeUp = undefined
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.wakeUp = done
    })
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (this.running.size >= this.concurrency) {
        await this.sleep(this.s.pollIntervalMs)
        continue
      }
      try {
        const job = await this.claim()
        if (job && !this.stopped) {
          this.start(job.job, job.token)
          continue
        }
        if (job) await this.s.repo.release(job.job.id, job.token, isoNow(this.s.now()))
      } catch (err) {
        this.s.onError(err)
      }
      await this.sleep(this.s.pollIntervalMs)
    }
  }

  private async claim(): Promise<{ job: StoredJob; token: string } | undefined> {
    // A lost race against another claimer returns nothing although work remains: try again.
    for (let tries = 0; tries < 5; tries++) {
      const token = `${this.s.workerId}/${newId()}`
      const nowMs = this.s.now()
      const job = await this.s.repo.claimNext(this.name, token, isoNow(nowMs), isoNow(nowMs + this.s.lockMs))
      if (job) return { job, token }
      if (!(await this.s.repo.hasClaimable(this.name, isoNow(nowMs)))) return undefined
    }
    return undefined
  }

  private start(job: StoredJob, token: string): void {
    const controller = new AbortController()
    const done = this.run(job, token, controller).finally(() => {
      this.running.delete(job.id)
      this.wake()
    })
    this.running.set(job.id, { token, controller, done })
  }

  private async run(job: StoredJob, token: string, controller: AbortController): Promise<void> {
    const { repo, hub } = this.s
    const heartbeat = setInterval(
      () => {
        repo
          .extendLock(job.id, token, isoNow(this.s.now() + this.s.lockMs))
          .then((held) => {
            if (!held && !controller.signal.aborted) controller.abort(new AbortReason('lock-lost'))
          })
          .catch(this.s.onError)
      },
      Math.max(10, Math.floor(this.s.lockMs / 3)),
    )
    hub.emit({ type: 'active', jobId: job.id, name: job.name })
    try {
      const result = await this.handler(this.context(job, token, controller.signal))
      if (controller.signal.aborted) return
      if (await repo.complete(job.id, token, result, isoNow(this.s.now()))) {
        hub.emit({ type: 'completed', jobId: job.id, name: job.name, result: result ?? null })
      }
    } catch (err) {
      // Canceled, lost or released jobs are already settled in the database.
      if (controller.signal.aborted) return
      await this.fail(job, token, err)
    } finally {
      clearInterval(heartbeat)
    }
  }

  private async fail(job: StoredJob, token: string, err: unknown): Promise<void> {
    const attemptsMade = job.attemptsMade + 1
    const final = err instanceof UnrecoverableJobError || attemptsMade >= job.maxAttempts
    const nowMs = this.s.now()
    const retryAt = final ? null : isoNow(nowMs + retryDelayMs(job.backoff ?? undefined, attemptsMade))
    const error = errorMessage(err)
    const failed = await this.s.repo.fail(job.id, token, { error, now: isoNow(nowMs), retryAt })
    if (failed && final) this.s.hub.emit({ type: 'failed', jobId: job.id, name: job.name, error })
  }

  private context(job: StoredJob, token: string, signal: AbortSignal): JobContext {
    return {
      id: job.id,
      name: job.name,
      data: job.data,
      attempt: job.attemptsMade + 1,
      signal,
      updateProgress: async (percent, message) => {
        const progress = Math.min(100, Math.max(0, percent))
        if (await this.s.repo.setProgress(job.id, token, progress, message ?? null)) {
          this.s.hub.emit({ type: 'progress', jobId: job.id, name: job.name, progress, message: message ?? null })
        }
      },
    }
  }
}
