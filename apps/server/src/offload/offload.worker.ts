// The worker thread's side of the offload pool: loads the task's module by URL, runs it,
// and answers its value or the DomainError it threw as data.
import { DomainError } from '@aipipeline/domain'
import { isOffloadTask, OffloadMessage, type OffloadOutcome, transportError } from './offload-task'

/** Runs one offloaded task; errors other than DomainErrors reject (an internal error, 500). */
export async function runOffloadTask(message: unknown): Promise<OffloadOutcome> {
  const { module, name, input } = OffloadMessage.parse(message)
  const loaded: Record<string, unknown> = await import(module)
  const task = loaded[name]
  if (!isOffloadTask(task) || task.name !== name) throw new Error(`${module} exports no offload task "${name}"`)
  try {
    return { ok: true, value: await task.run(input) }
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, error: transportError(err) }
    throw err
  }
}
