// Saved shot table views: a person's own and the ones shared with the project. The view
// itself is JSON text here; the service parses it with the contract's schema.
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'

export interface ShotTableViewRecord {
  id: string
  projectId: string
  ownerId: string
  name: string
  shared: boolean
  /** JSON text of the view. */
  view: string
  updatedAt: string
}

const COLUMNS = ['id', 'projectId', 'ownerId', 'name', 'shared', 'view', 'updatedAt'] as const
const toRecord = (r: { shared: number } & Omit<ShotTableViewRecord, 'shared'>): ShotTableViewRecord => ({
  ...r,
  shared: r.shared === 1,
})

export function createShotTableViewRepository(db: Db) {
  return {
    /** The caller's views and every shared view of the project, by name. */
    async visible(projectId: string, userId: string): Promise<ShotTableViewRecord[]> {
      const rows = await db
        .selectFrom('shotTableViews')
        .select(COLUMNS)
        .where('projectId', '=', projectId)
        .where((eb) => eb.or([eb('ownerId', '=', userId), eb('shared', '=', 1)]))
        .orderBy('name')
        .orderBy('id')
        .execute()
      return rows.map(toRecord)
    },

    async find(id: string): Promise<ShotTableViewRecord | undefined> {
      const row = await db.selectFrom('shotTableViews').select(COLUMNS).where('id', '=', id).executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    /** Saves a view under its owner's name: a view of the same name is replaced. */
    async save(input: Omit<ShotTableViewRecord, 'id' | 'updatedAt'>): Promise<ShotTableViewRecord> {
      const now = isoNow()
      const existing = await db
        .selectFrom('shotTableViews')
        .select('id')
        .where('projectId', '=', input.projectId)
        .where('ownerId', '=', input.ownerId)
        .where('name', '=', input.name)
        .executeTakeFirst()
      const shared = input.shared ? 1 : 0
      if (existing) {
        await db
          .updateTable('shotTableViews')
          .set({ shared, view: input.view, updatedAt: now })
          .where('id', '=', existing.id)
          .execute()
        return { ...input, id: existing.id, updatedAt: now }
      }
      const id = newId()
      await db
        .insertInto('shotTableViews')
        .values({ id, ...input, shared, createdAt: now, updatedAt: now })
        .execute()
      return { ...input, id, updatedAt: now }
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('shotTableViews').where('id', '=', id).execute()
    },
  }
}
export type ShotTableViewRepository = ReturnType<typeof createShotTableViewRepository>
