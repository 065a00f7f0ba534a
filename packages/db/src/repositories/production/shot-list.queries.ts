// The shot list's hot reads (paged list, whole-project table): raw SQL with explicit camelCase
// aliases, only the columns a list shows, and no CamelCasePlugin pass over every row, which
// cost as much as the read itself at 40,000 tasks. Keyset pages compare row values
// `(sort, id) > (?, ?)`, which SQLite and Postgres both answer from the composite index.
import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../dialect/dialect-factory'
import { type CustomFieldValues, CustomFieldValues as CustomFieldValuesSchema, parseJson } from './production-records'
import type { ShotQuery } from './shot.repository'

/** The columns of a shot a list row shows (no CPE settings, folders or creation time). */
export interface ShotListRecord {
  id: string
  sequenceId: string
  code: string
  orderKey: string
  description: string
  frameIn: number | null
  frameOut: number | null
  thumbnailVersionId: string | null
  customFields: CustomFieldValues
  updatedAt: string
}

/** The columns of a task a list row shows. */
export interface TaskListRecord {
  id: string
  shotId: string
  taskTypeId: string
  statusId: string
  priority: number
  dueDate: string | null
  retakeCount: number
}

/** A task's newest version with its thumbnail file, if it has one. */
export interface LatestVersionRecord {
  taskId: string
  versionId: string
  number: number
  kind: string
  thumbnailFileId: string | null
  /** The task's approved version (null when none is approved). */
  approved: { versionId: string; number: number; kind: string; thumbnailFileId: string | null } | null
}

interface LatestVersionRow extends Omit<LatestVersionRecord, 'approved'> {
  approvedVersionId: string | null
  approvedNumber: number | string | null
  approvedKind: string | null
  approvedThumbnailFileId: string | null
}

type ShotListRow = Omit<ShotListRecord, 'customFields'> & { customFields: string }

const SORT_COLUMN = { order: sql.ref('s.order_key'), code: sql.ref('s.code'), updated: sql.ref('s.updated_at') }

const SHOT_COLUMNS = sql`s.id, s.sequence_id as "sequenceId", s.code, s.order_key as "orderKey", s.description,
  s.frame_in as "frameIn", s.frame_out as "frameOut", s.thumbnail_version_id as "thumbnailVersionId",
  s.custom_fields as "customFields", s.updated_at as "updatedAt"`

const TASK_COLUMNS = sql`t.id, t.shot_id as "shotId", t.task_type_id as "taskTypeId", t.status_id as "statusId",
  t.priority, t.due_date as "dueDate", t.retake_count as "retakeCount"`

// Most shots carry no custom values; skip the parser for the common empty object.
function customFields(text: string): CustomFieldValues {
  return text === '{}' ? {} : parseJson(CustomFieldValuesSchema, text)
}

function toShotList(r: ShotListRow): ShotListRecord {
  return { ...r, customFields: customFields(r.customFields) }
}

function escapeLike(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Ids in chunks under every engine's bound-parameter limit. */
function chunks<T>(items: readonly T[], size = 900): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function pageFilters(q: ShotQuery): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`s.project_id = ${q.projectId}`]
  if (q.sequenceIds && q.sequenceIds.length > 0) where.push(sql`s.sequence_id in (${sql.join(q.sequenceIds)})`)
  if (q.search) {
    const pattern = escapeLike(q.search)
    where.push(sql`(lower(s.code) like ${pattern} escape '\\' or lower(s.description) like ${pattern} escape '\\')`)
  }
  if (q.assignedTo && q.assignedTo.length > 0)
    where.push(sql`s.id in (select t.shot_id from task_assignees a join tasks t on t.id = a.task_id
      where a.project_id = ${q.projectId} and a.user_id in (${sql.join(q.assignedTo)}))`)
  if (q.statusIds && q.statusIds.length > 0) {
    const type = q.taskTypeId ? sql` and t.task_type_id = ${q.taskTypeId}` : sql``
    where.push(sql`s.id in (select t.shot_id from tasks t
      where t.project_id = ${q.projectId} and t.status_id in (${sql.join(q.statusIds)})${type})`)
  }
  if (q.after) {
    const op = sql.raw(q.descending ? '<' : '>')
    where.push(sql`(${SORT_COLUMN[q.sort]}, s.id) ${op} (${q.after.value}, ${q.after.id})`)
  }
  return where
}

export function createShotListQueries(db: Db) {
  const raw = db.withoutPlugins()
  return {
    /** One page of shots in sort order; ask for limit+1 rows to learn whether more exist. */
    async page(q: ShotQuery): Promise<ShotListRecord[]> {
      const dir = sql.raw(q.descending ? 'desc' : 'asc')
      const { rows } = await sql<ShotListRow>`select ${SHOT_COLUMNS} from shots s
        where ${sql.join(pageFilters(q), sql` and `)}
        order by ${SORT_COLUMN[q.sort]} ${dir}, s.id ${dir} limit ${q.limit}`.execute(raw)
      return rows.map(toShotList)
    },

    /** Every shot of a project in editorial order (the compact table). */
    async allShots(projectId: string): Promise<ShotListRecord[]> {
      const { rows } = await sql<ShotListRow>`select ${SHOT_COLUMNS} from shots s
        where s.project_id = ${projectId} order by s.order_key, s.id`.execute(raw)
      return rows.map(toShotList)
    },

    /**
     * The newest version of every task of a project that has one (the `(task_id, number)` key
     * finds it), with the task's approved version beside it.
     */
    async latestVersions(projectId: string): Promise<LatestVersionRecord[]> {
      const thumbnailOf = (alias: string) => sql`(select f.id from version_files f
        where f.version_id = ${sql.ref(`${alias}.id`)} and f.role = 'thumbnail' order by f.id limit 1)`
      const { rows } = await sql<LatestVersionRow>`select v.task_id as "taskId", v.id as "versionId", v.number,
          v.kind, ${thumbnailOf('v')} as "thumbnailFileId",
          a.id as "approvedVersionId", a.number as "approvedNumber", a.kind as "approvedKind",
          case when a.id is null then null else ${thumbnailOf('a')} end as "approvedThumbnailFileId"
        from versions v
        join tasks t on t.id = v.task_id
        left join versions a on a.id = t.approved_version_id
        where v.project_id = ${projectId}
          and v.number = (select max(w.number) from versions w where w.task_id = v.task_id)`.execute(raw)
      return rows.map(({ approvedVersionId, approvedNumber, approvedKind, approvedThumbnailFileId, ...r }) => ({
        ...r,
        number: Number(r.number),
        approved:
          approvedVersionId === null
            ? null
            : {
                versionId: approvedVersionId,
                number: Number(approvedNumber),
                kind: approvedKind ?? 'image',
                thumbnailFileId: approvedThumbnailFileId,
              },
      }))
    },

    /** Tasks of the given shots, or of the whole project. */
    async tasks(projectId: string, shotIds?: readonly string[]): Promise<TaskListRecord[]> {
      if (shotIds === undefined)
        return (
          await sql<TaskListRecord>`select ${TASK_COLUMNS} from tasks t where t.project_id = ${projectId}`.execute(raw)
        ).rows
      const out: TaskListRecord[] = []
      for (const ids of chunks(shotIds)) {
        const { rows } = await sql<TaskListRecord>`select ${TASK_COLUMNS} from tasks t
          where t.project_id = ${projectId} and t.shot_id in (${sql.join(ids)})`.execute(raw)
        out.push(...rows)
      }
      return out
    },

    /** Assignee pairs of the tasks of the given shots, or of the whole project. */
    async assignees(projectId: string, shotIds?: readonly string[]): Promise<{ taskId: string; userId: string }[]> {
      type Pair = { taskId: string; userId: string }
      if (shotIds === undefined)
        return (
          await sql<Pair>`select a.task_id as "taskId", a.user_id as "userId" from task_assignees a
            where a.project_id = ${projectId}`.execute(raw)
        ).rows
      const out: Pair[] = []
      for (const ids of chunks(shotIds)) {
        const { rows } = await sql<Pair>`select a.task_id as "taskId", a.user_id as "userId"
          from task_assignees a join tasks t on t.id = a.task_id
          where a.project_id = ${projectId} and t.shot_id in (${sql.join(ids)})`.execute(raw)
        out.push(...rows)
      }
      return out
    },

    /** Task ids assigned to a user in a project (the vendor scope). */
    async assignedTaskIds(projectId: string, userId: string): Promise<string[]> {
      const { rows } = await sql<{ taskId: string }>`select a.task_id as "taskId" from task_assignees a
        where a.project_id = ${projectId} and a.user_id = ${userId}`.execute(raw)
      return rows.map((r) => r.taskId)
    },
  }
}
export type ShotListQueries = ReturnType<typeof createShotListQueries>
