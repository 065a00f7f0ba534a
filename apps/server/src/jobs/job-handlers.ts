// Typed job handlers. Modules register a handler with the zod schema of its data; the
// payload is parsed before the handler runs, so handlers trust their input. A payload that
// does not parse fails the job at once (retrying cannot fix it) with the field paths named.
import { z } from 'zod'
import {
  type EnqueueOptions,
  type JobContext,
  type JobQueue,
  type JobRecord,
  UnrecoverableJobError,
} from './job-queue.port'

export interface JobDefinition<T> {
  name: string
  schema: z.ZodType<T>
}

export interface RegisteredJobHandler {
  name: string
  /** Per-name concurrency; the worker's default when absent. */
  concurrency: number | undefined
  /** Parses the payload, then calls the typed handler. */
  run(job: JobContext): Promise<unknown>
}

export interface JobHandlerRegistry {
  /** Registers the handler for jobs named `name`; a second handler for one name is refused. */
  registerJobHandler<T>(
    name: string,
    schema: z.ZodType<T>,
    handler: (job: JobContext<T>) => Promise<unknown>,
    opts?: { concurrency?: number },
  ): void
  list(): RegisteredJobHandler[]
  get(name: string): RegisteredJobHandler | undefined
}

/** Names a job and its payload schema once, for producers and the handler alike. */
export function defineJob<T>(name: string, schema: z.ZodType<T>): JobDefinition<T> {
  return { name, schema }
}

/** Enqueues a defined job after checking its payload, so a bad payload fails at the caller. */
export async function enqueueJob<T>(
  queue: JobQueue,
  def: JobDefinition<T>,
  data: T,
  opts?: EnqueueOptions,
): Promise<JobRecord> {
  return queue.enqueue(def.name, def.schema.parse(data), opts)
}

/** Creates an empty registry. */
export function createJobHandlerRegistry(): JobHandlerRegistry {
  const handlers = new Map<string, RegisteredJobHandler>()
  return {
    registerJobHandler(name, schema, handler, opts) {
      if (handlers.has(name)) throw new Error(`a handler for jobs named "${name}" is already registered`)
      handlers.set(name, {
        name,
        concurrency: opts?.concurrency,
        async run(job) {
          const parsed = schema.safeParse(job.data)
          if (!parsed.success) {
            throw new UnrecoverableJobError(`invalid data for job "${name}": ${z.prettifyError(parsed.error)}`)
          }
          return handler({ ...job, data: parsed.data })
        },
      })
    },
    list: () => [...handlers.values()],
    get: (name) => handlers.get(name),
  }
}
