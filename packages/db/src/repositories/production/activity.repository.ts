// The activity log (every production change, newest first) and per-user notifications.
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type { NotificationsTable } from '../../tables/production.tables'
import { parseJson } from './production-records'

export interface ActivityRecord {
  id: string
  projectId: string
  actorId: string | null
  event: string
  entityId: string
  shotId: string | null
  taskId: string | null
  clientVisible: boolean
  data: Record<string, unknown>
  createdAt: string
}

export interface ActivityQuery {
  projectId: string
  shotId?: string | undefined
  clientVisibleOnly: boolean
  /** With clientVisibleOnly: also this user's own entries (a client's private comments). */
  alsoActorId?: string | undefined
  /** Vendor scope: only entries about these tasks. */
  taskIds?: readonly string[] | undefined
  /** Department scope: entries about no single task, or about a task of these types. */
  taskTypeIds?: readonly string[] | undefined
  before?: string | undefined
  limit: number
}

export type NotificationRecord = Omit<NotificationsTable, 'read'> & { read: boolean }

export function createActivityRepository(db: Db) {
  return {
    async insert(entries: readonly Omit<ActivityRecord, 'id' | 'createdAt'>[]): Promise<ActivityRecord[]> {
      const now = isoNow()
      const records = entries.map((e) => ({ ...e, id: newId(), createdAt: now }))
      for (let i = 0; i < records.length; i += 500) {
        const chunk = records.slice(i, i + 500)
        if (chunk.length === 0) continue
        await db
          .insertInto('activity')
          .values(chunk.map((r) => ({ ...r, clientVisible: r.clientVisible ? 1 : 0, data: JSON.stringify(r.data) })))
          .execute()
      }
      return records
    },

    async list(q: ActivityQuery): Promise<ActivityRecord[]> {
      let query = db.selectFrom('activity').selectAll().where('projectId', '=', q.projectId)
      if (q.shotId) query = query.where('shotId', '=', q.shotId)
      if (q.clientVisibleOnly) {
        const actor = q.alsoActorId
        query =
          actor === undefined
            ? query.where('clientVisible', '=', 1)
            : query.where((eb) => eb.or([eb('clientVisible', '=', 1), eb('actorId', '=', actor)]))
      }
      if (q.taskTypeIds) {
        const types = q.taskTypeIds
        query = query.where((eb) =>
          eb.or([
            eb('taskId', 'is', null),
            eb(
              'taskId',
              'in',
              eb
                .selectFrom('tasks')
                .select('tasks.id')
                .where('tasks.projectId', '=', q.projectId)
                .where('tasks.taskTypeId', 'in', types.length > 0 ? types : ['']),
            ),
          ]),
        )
      }
      if (q.taskIds) {
        if (q.taskIds.length === 0) return []
        query = query.where('taskId', 'in', q.taskIds)
      }
      if (q.before) query = query.where('id', '<', q.before)
      const rows = await query.orderBy('id', 'desc').limit(q.limit).execute()
      return rows.map((r) => ({
        ...r,
        clientVisible: r.clientVisible === 1,
        data: parseJson(z.record(z.string(), z.unknown()), r.data),
      }))
    },

    async notify(
      rows: readonly Omit<NotificationRecord, 'id' | 'createdAt' | 'read'>[],
    ): Promise<NotificationRecord[]> {
      if (rows.length === 0) return []
      const now = isoNow()
      const records = rows.map((r) => ({ ...r, id: newId(), read: false, createdAt: now }))
      await db
        .insertInto('notifications')
        .values(records.map((r) => ({ ...r, read: 0 })))
        .execute()
      return records
    },

    async notifications(userId: string, unreadOnly: boolean, limit: number): Promise<NotificationRecord[]> {
      let q = db.selectFrom('notifications').selectAll().where('userId', '=', userId)
      if (unreadOnly) q = q.where('read', '=', 0)
      const rows = await q.orderBy('id', 'desc').limit(limit).execute()
      return rows.map((r) => ({ ...r, read: r.read === 1 }))
    },

    async markRead(userId: string, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return
      await db
        .updateTable('notifications')
        .set({ read: 1 })
        .where('userId', '=', userId)
        .where('id', 'in', ids)
        .execute()
    },
  }
}
export type ActivityRepository = ReturnType<typeof createActivityRepository>
