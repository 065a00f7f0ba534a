// Shots: the paged list (filter, sort, keyset cursor), the compact whole-project table for
// the shot grid, detail, edits (single and batched), creation and drag reorder.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { CustomFieldValue, Id, ProjectParams } from './project.contract'

export const ShotParams = z.object({ shotId: Id }).strict()

export const TaskSummary = z.object({
  id: z.string(),
  taskTypeId: z.string(),
  /** null when the caller may not see the task's status (clients). */
  statusId: z.string().nullable(),
  assigneeIds: z.array(z.string()),
  priority: z.number().int(),
  dueDate: z.string().nullable(),
  retakeCount: z.number().int(),
})
export type TaskSummary = z.infer<typeof TaskSummary>

export const ShotRow = z
  .object({
    id: z.string(),
    sequenceId: z.string(),
    code: z.string(),
    orderKey: z.string(),
    description: z.string(),
    frameIn: z.number().int().nullable(),
    frameOut: z.number().int().nullable(),
    /** Frames, inclusive of both ends; null without in and out. */
    duration: z.number().int().nullable(),
    thumbnailVersionId: z.string().nullable(),
    customFields: z.record(z.string(), CustomFieldValue),
    updatedAt: z.string(),
    tasks: z.array(TaskSummary),
  })
  .meta({ id: 'ShotRow' })
export type ShotRow = z.infer<typeof ShotRow>

const csv = z
  .string()
  .max(4000)
  .transform((s) => s.split(',').filter((x) => x !== ''))
export const ShotListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    cursor: z.string().max(500).optional(),
    sort: z.enum(['order', 'code', 'updated']).default('order'),
    desc: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Comma-separated sequence ids. */
    sequenceIds: csv.optional(),
    /** Case-insensitive substring of code or description (the shot search). */
    search: z.string().max(200).optional(),
    /** Comma-separated user ids: shots with a task assigned to any of them. */
    assigneeIds: csv.optional(),
    taskTypeId: Id.optional(),
    /** Comma-separated status ids (of `taskTypeId`'s task when given, else any task). */
    statusIds: csv.optional(),
    /** `sequence`: also return shot counts per sequence for the filter. */
    groupBy: z.enum(['sequence']).optional(),
  })
  .strict()
export const ShotPage = z.object({
  items: z.array(ShotRow),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  groups: z.array(z.object({ sequenceId: z.string(), count: z.number().int() })).optional(),
})

/** Column arrays of every visible shot and task: one compact response for the grid. */
export const ShotTable = z
  .object({
    shots: z.object({
      id: z.array(z.string()),
      sequenceId: z.array(z.string()),
      code: z.array(z.string()),
      orderKey: z.array(z.string()),
      description: z.array(z.string()),
      frameIn: z.array(z.number().int().nullable()),
      frameOut: z.array(z.number().int().nullable()),
      thumbnailVersionId: z.array(z.string().nullable()),
      customFields: z.array(z.record(z.string(), CustomFieldValue)),
    }),
    tasks: z.object({
      id: z.array(z.string()),
      /** Index into the shot columns. */
      shot: z.array(z.number().int()),
      taskTypeId: z.array(z.string()),
      statusId: z.array(z.string().nullable()),
      assigneeIds: z.array(z.array(z.string())),
      priority: z.array(z.number().int()),
      dueDate: z.array(z.string().nullable()),
      retakeCount: z.array(z.number().int()),
    }),
  })
  .meta({ id: 'ShotTable' })
export type ShotTable = z.infer<typeof ShotTable>

/** Appends one task of the shot at index `shot` to the table's task columns. */
export function appendTask(tasks: ShotTable['tasks'], shot: number, task: TaskSummary): void {
  tasks.id.push(task.id)
  tasks.shot.push(shot)
  tasks.taskTypeId.push(task.taskTypeId)
  tasks.statusId.push(task.statusId)
  tasks.assigneeIds.push(task.assigneeIds)
  tasks.priority.push(task.priority)
  tasks.dueDate.push(task.dueDate)
  tasks.retakeCount.push(task.retakeCount)
}

/** A table with no rows, for the server and the browser to fill column by column. */
export function emptyShotTable(): ShotTable {
  return {
    shots: {
      id: [],
      sequenceId: [],
      code: [],
      orderKey: [],
      description: [],
      frameIn: [],
      frameOut: [],
      thumbnailVersionId: [],
      customFields: [],
    },
    tasks: {
      id: [],
      shot: [],
      taskTypeId: [],
      statusId: [],
      assigneeIds: [],
      priority: [],
      dueDate: [],
      retakeCount: [],
    },
  }
}

const ShotCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, "_" and "-" only')
const Frame = z.number().int().min(0).max(10_000_000)
export const ShotFields = z.object({
  sequenceId: Id,
  code: ShotCode,
  description: z.string().max(5000),
  frameIn: Frame.nullable(),
  frameOut: Frame.nullable(),
  thumbnailVersionId: Id.nullable(),
  /** Prompt engine settings; validated by the prompt engine, stored as given here. */
  cpeSettings: z.record(z.string(), z.unknown()).nullable(),
  /** Values of custom fields by key; null clears a value. */
  customFields: z.record(z.string(), CustomFieldValue),
})
export const UpdateShotRequest = ShotFields.partial().strict()
export type UpdateShotRequest = z.infer<typeof UpdateShotRequest>
export const CreateShotsRequest = z
  .object({
    shots: z
      .array(
        ShotFields.pick({ sequenceId: true, code: true })
          .extend(
            ShotFields.pick({ description: true, frameIn: true, frameOut: true, customFields: true }).partial().shape,
          )
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict()
export const BatchUpdateShotsRequest = z
  .object({
    updates: z
      .array(z.object({ shotId: Id, patch: UpdateShotRequest }).strict())
      .min(1)
      .max(5000),
  })
  .strict()
export const MoveShotRequest = z
  .object({
    /** The shot that should come right before it (null: move to the start). */
    afterShotId: Id.nullable(),
  })
  .strict()
export const ShotDetail = ShotRow.extend({ cpeSettings: z.record(z.string(), z.unknown()).nullable() }).meta({
  id: 'ShotDetail',
})

/** A task's newest version, for board cards and cells that show where a task stands. */
export const LatestVersion = z.object({
  taskId: z.string(),
  versionId: z.string(),
  number: z.number().int(),
  kind: z.enum(['image', 'video']),
  thumbnailFileId: z.string().nullable(),
  /** The task's approved version (it may be older than the newest), or null. */
  approved: z
    .object({
      versionId: z.string(),
      number: z.number().int(),
      kind: z.enum(['image', 'video']),
      thumbnailFileId: z.string().nullable(),
    })
    .nullable(),
})
export type LatestVersion = z.infer<typeof LatestVersion>

const tags = ['production'] as const
export const shotRoutes = {
  listShots: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/shots',
    summary: 'A page of shots with their tasks (filter, sort, search, keyset cursor)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    query: ShotListQuery,
    response: ShotPage,
  }),
  shotTable: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/shot-table',
    summary: 'Every visible shot and task as column arrays (compact bulk mode)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    response: ShotTable,
  }),
  latestVersions: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/latest-versions',
    summary: "Each visible task's newest version (number, kind, thumbnail), for board cards",
    tags,
    access: access.authenticated,
    params: ProjectParams,
    response: z.object({ items: z.array(LatestVersion) }),
  }),
  createShots: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/shots',
    summary: 'Create shots at the end of the edit, each with its tasks',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: CreateShotsRequest,
    response: z.object({ items: z.array(ShotRow) }),
    status: 201,
  }),
  batchUpdateShots: defineRoute({
    method: 'PATCH',
    path: '/api/projects/:projectId/shots',
    summary: 'Edit many shots in one transaction (pasted blocks, undo)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: BatchUpdateShotsRequest,
    response: z.object({ items: z.array(ShotRow) }),
  }),
  getShot: defineRoute({
    method: 'GET',
    path: '/api/shots/:shotId',
    summary: 'One shot with its tasks',
    tags,
    access: access.authenticated,
    params: ShotParams,
    response: ShotDetail,
  }),
  updateShot: defineRoute({
    method: 'PATCH',
    path: '/api/shots/:shotId',
    summary: 'Edit a shot',
    tags,
    access: access.authenticated,
    params: ShotParams,
    body: UpdateShotRequest,
    response: ShotDetail,
  }),
  moveShot: defineRoute({
    method: 'POST',
    path: '/api/shots/:shotId/move',
    summary: 'Drag reorder: place the shot right after another',
    tags,
    access: access.authenticated,
    params: ShotParams,
    body: MoveShotRequest,
    response: z.object({ orderKey: z.string() }),
  }),
}
