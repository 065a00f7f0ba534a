// Tasks, their assignees, comments and versions.
import { Role } from '@aipipeline/domain'
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type {
  CommentsTable,
  TasksTable,
  VersionFilesTable,
  VersionInputsTable,
  VersionsTable,
} from '../../tables/production.tables'
import { parseJson, stringList } from './production-records'

export type TaskRow = TasksTable

export interface CommentRecord {
  id: string
  projectId: string
  taskId: string
  authorId: string
  authorRole: Role
  text: string
  statusId: string | null
  previousStatusId: string | null
  forClient: boolean
  mentions: { userIds: string[]; departments: string[] }
  versionIds: string[]
  /** A review note's frame or range in its first version's media; null for other comments. */
  frames: { start: number; end: number } | null
  createdAt: string
}

const MentionsJson = z.object({ userIds: z.array(z.string()), departments: z.array(z.string()) })

function toComment({ frameStart, frameEnd, ...r }: CommentsTable): CommentRecord {
  return {
    ...r,
    frames: frameStart === null || frameEnd === null ? null : { start: frameStart, end: frameEnd },
    authorRole: Role.parse(r.authorRole),
    forClient: r.forClient === 1,
    mentions: parseJson(MentionsJson, r.mentions),
    versionIds: stringList(r.versionIds),
  }
}

export const VersionProvenance = z.object({
  renderJobId: z.string().nullable(),
  prompt: z.string().nullable(),
  negativePrompt: z.string().nullable(),
  seed: z.number().nullable(),
  model: z.string().nullable(),
  parameters: z.record(z.string(), z.unknown()),
})
export type VersionProvenance = z.infer<typeof VersionProvenance>

export interface VersionRecord extends Omit<VersionsTable, 'provenance'> {
  provenance: VersionProvenance
}

export type VersionFileRecord = VersionFilesTable
export type VersionInputRecord = VersionInputsTable

function toVersion(row: VersionsTable): VersionRecord {
  return { ...row, provenance: parseJson(VersionProvenance, row.provenance) }
}

export function createTaskRepository(db: Db) {
  return {
    async findById(id: string): Promise<TaskRow | undefined> {
      return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst()
    },

    async findByIds(ids: readonly string[]): Promise<TaskRow[]> {
      if (ids.length === 0) return []
      const out: TaskRow[] = []
      for (let i = 0; i < ids.length; i += 500) {
        out.push(
          ...(await db
            .selectFrom('tasks')
            .selectAll()
            .where('id', 'in', ids.slice(i, i + 500))
            .execute()),
        )
      }
      return out
    },

    async assigneesOf(taskIds: readonly string[]): Promise<Map<string, string[]>> {
      const map = new Map<string, string[]>()
      for (let i = 0; i < taskIds.length; i += 500) {
        const rows = await db
          .selectFrom('taskAssignees')
          .select(['taskId', 'userId'])
          .where('taskId', 'in', taskIds.slice(i, i + 500))
          .execute()
        for (const r of rows) map.set(r.taskId, [...(map.get(r.taskId) ?? []), r.userId])
      }
      return map
    },

    /** Whether any task of the shot is assigned to the user. */
    async isAssignedToShot(userId: string, shotId: string): Promise<boolean> {
      const row = await db
        .selectFrom('taskAssignees as a')
        .innerJoin('tasks as t', 't.id', 'a.taskId')
        .select('a.taskId')
        .where('t.shotId', '=', shotId)
        .where('a.userId', '=', userId)
        .limit(1)
        .executeTakeFirst()
      return row !== undefined
    },

    async update(
      id: string,
      patch: Partial<Omit<TaskRow, 'id' | 'projectId' | 'shotId' | 'taskTypeId' | 'createdAt'>>,
    ): Promise<void> {
      await db
        .updateTable('tasks')
        .set({ ...patch, updatedAt: isoNow() })
        .where('id', '=', id)
        .execute()
    },

    /** Replaces a task's assignees. */
    async setAssignees(projectId: string, taskId: string, userIds: readonly string[]): Promise<void> {
      await db.deleteFrom('taskAssignees').where('taskId', '=', taskId).execute()
      if (userIds.length > 0) {
        await db
          .insertInto('taskAssignees')
          .values(userIds.map((userId) => ({ taskId, userId, projectId })))
          .execute()
      }
    },

    /** Inserts comments in bulk (a batch comment writes one per task). */
    async insertComments(
      comments: readonly (Omit<CommentRecord, 'id' | 'createdAt' | 'frames'> & {
        createdAt?: string
        frames?: CommentRecord['frames']
      })[],
    ): Promise<CommentRecord[]> {
      const now = isoNow()
      const records: CommentRecord[] = comments.map((c) => ({
        ...c,
        frames: c.frames ?? null,
        id: newId(),
        createdAt: c.createdAt ?? now,
      }))
      for (let i = 0; i < records.length; i += 300) {
        await db
          .insertInto('comments')
          .values(
            records.slice(i, i + 300).map(({ frames, ...r }) => ({
              ...r,
              frameStart: frames?.start ?? null,
              frameEnd: frames?.end ?? null,
              forClient: r.forClient ? 1 : 0,
              mentions: JSON.stringify(r.mentions),
              versionIds: JSON.stringify(r.versionIds),
            })),
          )
          .execute()
      }
      return records
    },

    async comments(taskIds: readonly string[]): Promise<CommentRecord[]> {
      if (taskIds.length === 0) return []
      const rows = await db
        .selectFrom('comments')
        .selectAll()
        .where('taskId', 'in', taskIds)
        .orderBy('createdAt')
        .orderBy('id')
        .execute()
      return rows.map(toComment)
    },

    async nextVersionNumber(taskId: string): Promise<number> {
      const row = await db
        .selectFrom('versions')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('taskId', '=', taskId)
        .executeTakeFirst()
      return Number(row?.n ?? 0) + 1
    },

    /** Inserts a version with its files and inputs (call in a transaction); `id` may be chosen beforehand. */
    async insertVersion(
      v: Omit<VersionRecord, 'id' | 'createdAt' | 'renderOutputId'> & { id?: string; renderOutputId?: string | null },
      files: readonly Omit<VersionFileRecord, 'id' | 'versionId' | 'createdAt'>[],
      inputs: readonly Omit<VersionInputRecord, 'versionId'>[] = [],
    ): Promise<VersionRecord & { files: VersionFileRecord[] }> {
      const now = isoNow()
      const record: VersionRecord = {
        ...v,
        renderOutputId: v.renderOutputId ?? null,
        id: v.id ?? newId(),
        createdAt: now,
      }
      await db
        .insertInto('versions')
        .values({ ...record, provenance: JSON.stringify(record.provenance) })
        .execute()
      const fileRows = files.map((f) => ({ ...f, id: newId(), versionId: record.id, createdAt: now }))
      if (fileRows.length > 0) await db.insertInto('versionFiles').values(fileRows).execute()
      if (inputs.length > 0) {
        await db
          .insertInto('versionInputs')
          .values(inputs.map((i) => ({ ...i, versionId: record.id })))
          .execute()
      }
      return { ...record, files: fileRows }
    },

    async findVersion(id: string): Promise<VersionRecord | undefined> {
      const row = await db.selectFrom('versions').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toVersion(row) : undefined
    },

    async findVersionsByIds(ids: readonly string[]): Promise<VersionRecord[]> {
      if (ids.length === 0) return []
      const rows = await db.selectFrom('versions').selectAll().where('id', 'in', ids).execute()
      return rows.map(toVersion)
    },

    /** The version made from one farm output, if it was ingested. */
    async findVersionByOutput(renderJobId: string, renderOutputId: string): Promise<VersionRecord | undefined> {
      const row = await db
        .selectFrom('versions')
        .selectAll()
        .where('renderJobId', '=', renderJobId)
        .where('renderOutputId', '=', renderOutputId)
        .executeTakeFirst()
      return row ? toVersion(row) : undefined
    },

    /** The versions already made from a render job's outputs (one indexed read for all of them). */
    async versionsOfRenderJob(renderJobId: string): Promise<VersionRecord[]> {
      const rows = await db.selectFrom('versions').selectAll().where('renderJobId', '=', renderJobId).execute()
      return rows.map(toVersion)
    },

    /** Lineage: the versions a version was made from. */
    async versionInputs(versionIds: readonly string[]): Promise<VersionInputRecord[]> {
      if (versionIds.length === 0) return []
      return db
        .selectFrom('versionInputs')
        .selectAll()
        .where('versionId', 'in', versionIds)
        .orderBy('parameter')
        .execute()
    },

    async versions(taskIds: readonly string[]): Promise<VersionRecord[]> {
      if (taskIds.length === 0) return []
      const rows = await db
        .selectFrom('versions')
        .selectAll()
        .where('taskId', 'in', taskIds)
        .orderBy('taskId')
        .orderBy('number')
        .execute()
      return rows.map(toVersion)
    },

    async versionFiles(versionIds: readonly string[]): Promise<VersionFileRecord[]> {
      if (versionIds.length === 0) return []
      return db.selectFrom('versionFiles').selectAll().where('versionId', 'in', versionIds).orderBy('name').execute()
    },

    async findVersionFile(id: string): Promise<VersionFileRecord | undefined> {
      return db.selectFrom('versionFiles').selectAll().where('id', '=', id).executeTakeFirst()
    },
  }
}
export type TaskRepository = ReturnType<typeof createTaskRepository>
