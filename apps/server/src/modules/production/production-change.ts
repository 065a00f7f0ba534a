// How a production change is written: one transaction that also writes its activity row, the
// realtime `entity:action` event published after commit, and database refusals (duplicates,
// references a concurrent write added) turned into 409s. Shared by the services that change
// a project's settings, team, configuration and breakdown.
import { inProductionTransaction, type ProductionRepositories } from '@aipipeline/db'
import { Conflict } from '@aipipeline/domain'
import type { ActivityService, Change } from './activity.service'
import type { ProductionContext } from './production-context'

/** Runs one change in a transaction with its activity row, then publishes its event after commit. */
export function changeCommitter(ctx: Pick<ProductionContext, 'db'>, activity: ActivityService) {
  return async <T>(
    projectId: string,
    actorId: string,
    work: (r: ProductionRepositories) => Promise<{ result: T; change: Change }>,
  ): Promise<T> => {
    const { result, change } = await inProductionTransaction(ctx.db, async (r) => {
      const done = await work(r)
      await activity.record(r, projectId, actorId, [done.change])
      return done
    })
    await activity.publish(projectId, [change])
    return result
  }
}

/** The parts of a configuration change every event shares: studio-only, about no shot or task. */
export function studioOnlyChange(entityId: string, data: Record<string, unknown>) {
  return { entityId, shotId: null, taskId: null, taskIds: [], clientVisible: false, data }
}

/** The event payload header: which project, who, when. */
export function changeHeader(projectId: string, actorId: string) {
  return { projectId, actorId, at: new Date().toISOString() }
}

/** Whether a database error is a unique-key violation (either engine). */
export function isUniqueViolation(err: unknown): boolean {
  return /UNIQUE constraint failed|duplicate key value/.test(err instanceof Error ? err.message : '')
}

/** Runs an insert and turns a duplicate key into a 409 naming what clashed. */
export async function uniquely<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict(`${what} already exists`)
    throw err
  }
}

/**
 * A delete that a concurrent write made wrong (a task moved into the status, a comment landed
 * on a placeholder task) fails on a foreign key and rolls back; the caller may retry.
 */
export async function withoutDanglingReferences<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (/FOREIGN KEY constraint failed|violates foreign key constraint/.test(err instanceof Error ? err.message : ''))
      throw new Conflict(`${what} came into use while it was being deleted; nothing was deleted`)
    throw err
  }
}

/** Positions 0…n-1 in the current order, closing the gap a delete leaves. */
export const densely = (items: readonly { id: string }[]) => items.map((item, position) => ({ id: item.id, position }))
