// In-process event hub for the local adapter, shared by every queue instance on the same
// database handle: the server and its in-process worker see each other's events, and an
// enqueue wakes idle workers at once instead of after a poll interval.
// Events do not cross processes; scale-out deployments use BullMQ (QueueEvents on Redis).
import { EventEmitter } from 'node:events'
import type { JobEvent, JobEventListener } from './job-queue.port'

export interface LocalJobHub {
  emit(event: JobEvent): void
  on(name: string, listener: JobEventListener): () => void
  /** Tells idle workers of `name` that a job may be ready. */
  wake(name: string): void
  onWake(name: string, listener: () => void): () => void
}

const hubs = new WeakMap<object, LocalJobHub>()

function createHub(): LocalJobHub {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  const subscribe = (channel: string, fn: (...args: unknown[]) => void) => {
    emitter.on(channel, fn)
    return () => {
      emitter.off(channel, fn)
    }
  }
  return {
    emit: (event) => {
      emitter.emit(`job:${event.name}`, event)
    },
    on: (name, listener) =>
      subscribe(`job:${name}`, (event) => {
        if (isJobEvent(event)) listener(event)
      }),
    wake: (name) => {
      emitter.emit(`wake:${name}`)
    },
    onWake: (name, listener) => subscribe(`wake:${name}`, listener),
  }
}

function isJobEvent(value: unknown): value is JobEvent {
  return typeof value === 'object' && value !== null && 'type' in value && 'jobId' in value
}

/** The hub for one database handle (created on first use). */
export function localJobHub(db: object): LocalJobHub {
  let hub = hubs.get(db)
  if (!hub) {
    hub = createHub()
    hubs.set(db, hub)
  }
  return hub
}
