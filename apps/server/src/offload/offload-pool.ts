// A small pool of worker threads (piscina) for CPU-bound parsing, so one large screenplay,
// workflow or spreadsheet cannot stall the event loop that answers every other request.
// Threads start on first use and stop when idle; the studio closes the pool on shutdown.
import { RateLimited } from '@aipipeline/domain'
import { Piscina } from 'piscina'
import { OffloadOutcome, type OffloadTask, rebuildError } from './offload-task'

export interface OffloadPool {
  /** Runs `task` on a worker thread; a DomainError thrown there is thrown here as the same class. */
  run<I, O>(task: OffloadTask<I, O>, input: I): Promise<O>
  /** Runs `task` on a worker thread when `large`, else inline (a thread hop costs more than small work). */
  runSized<I, O>(task: OffloadTask<I, O>, input: I, large: boolean): Promise<O>
  /** Tasks finished on worker threads since the pool started. */
  completed(): number
  close(): Promise<void>
}

export interface OffloadPoolOptions {
  /** Worker threads at most. */
  threads: number
  /** Idle threads stop after this long (ms). */
  idleTimeoutMs?: number
}

const QUEUE_PER_THREAD = 16

export function createOffloadPool(options: OffloadPoolOptions): OffloadPool {
  let pool: Piscina | null = null
  let closed = false
  // Created on first use: a studio that never parses anything large starts no thread.
  const piscina = (): Piscina => {
    if (closed) throw new Error('the offload pool is closed')
    pool ??= new Piscina({
      filename: new URL('./offload-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: options.idleTimeoutMs ?? 30_000,
      maxQueue: options.threads * QUEUE_PER_THREAD,
    })
    return pool
  }

  async function run<I, O>(task: OffloadTask<I, O>, input: I): Promise<O> {
    let answer: unknown
    try {
      answer = await piscina().run({ module: task.module, name: task.name, input })
    } catch (err) {
      if (err instanceof Error && /queue is at limit/i.test(err.message)) {
        throw new RateLimited('the studio is busy reading other large files; try again in a moment', 5)
      }
      throw err
    }
    const outcome = OffloadOutcome.parse(answer)
    if (!outcome.ok) throw rebuildError(outcome.error)
    // The value comes from `task.run` itself, in the same sources on the worker thread: it
    // is our own output, not outside data, and parsing it again here would cost the event
    // loop what the thread just saved.
    return outcome.value as O
  }

  return {
    run,
    async runSized(task, input, large) {
      return large ? run(task, input) : task.run(input)
    },
    completed: () => pool?.completed ?? 0,
    async close() {
      closed = true
      await pool?.destroy()
      pool = null
    },
  }
}

/** Runs every task inline: for unit harnesses that test a service without threads. */
export const inlineOffload: OffloadPool = {
  async run(task, input) {
    return task.run(input)
  },
  async runSized(task, input) {
    return task.run(input)
  },
  completed: () => 0,
  async close() {},
}
