// Runs every registered handler against a queue: the body of `aipipeline worker`, and of the
// in-process worker in embedded mode. Stopping is graceful: claim nothing more, let running
// handlers finish up to a timeout, then abort them and hand their jobs back to the queue.
import type { JobHandlerRegistry } from './job-handlers'
import type { JobQueue } from './job-queue.port'

export interface StartWorkerOptions {
  queue: JobQueue
  registry: JobHandlerRegistry
  /** Default per-name concurrency for handlers that do not set their own. Default 1. */
  concurrency?: number
  /** How long running handlers may take to finish on stop. Default 30 s. */
  shutdownTimeoutMs?: number
  /** Stop on SIGTERM and SIGINT (the CLI sets this; tests and embedded mode do not). */
  handleSignals?: boolean
  /** Called once the worker has fully stopped (e.g. to exit the process). */
  onStopped?: () => void
}

export interface RunningWorker {
  /** Names of the jobs this worker takes. */
  names: string[]
  /** Graceful stop, then closes the queue. Safe to call twice. */
  stop(): Promise<void>
}

/** Starts processing every registered job name on `queue`. */
export async function startWorker(opts: StartWorkerOptions): Promise<RunningWorker> {
  const handlers = opts.registry.list()
  for (const h of handlers) {
    await opts.queue.process(h.name, (job) => h.run(job), { concurrency: h.concurrency ?? opts.concurrency ?? 1 })
  }
  let stopping: Promise<void> | undefined
  const onSignal = () => void stop()
  function stop(): Promise<void> {
    stopping ??= (async () => {
      process.off('SIGTERM', onSignal)
      process.off('SIGINT', onSignal)
      await opts.queue.stopProcessing({ timeoutMs: opts.shutdownTimeoutMs ?? 30_000 })
      await opts.queue.close()
      opts.onStopped?.()
    })()
    return stopping
  }
  if (opts.handleSignals) {
    process.once('SIGTERM', onSignal)
    process.once('SIGINT', onSignal)
  }
  return { names: handlers.map((h) => h.name), stop }
}
