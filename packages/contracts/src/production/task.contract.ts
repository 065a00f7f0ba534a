// Tasks, comments (the write path for status), versions, batch edits, activity,
// notifications, spreadsheets and the naming parser.
import { access, Role } from '@aipipeline/domain'
import { z } from 'zod'
import { base64Field } from '../http/base64'
import { defineRoute } from '../http/route'
import { Id, ProjectParams } from './project.contract'
import { TaskSummary } from './shot.contract'

export const TaskParams = z.object({ taskId: Id }).strict()

export const Comment = z
  .object({
    id: z.string(),
    taskId: z.string(),
    authorId: z.string(),
    authorRole: Role,
    /** Markdown. */
    text: z.string(),
    statusId: z.string().nullable(),
    previousStatusId: z.string().nullable(),
    forClient: z.boolean(),
    mentions: z.object({ userIds: z.array(z.string()), departments: z.array(z.string()) }),
    versionIds: z.array(z.string()),
    /** A review note's frame or range (0-based frame indices of its first version's media). */
    frames: z.object({ start: z.number().int(), end: z.number().int() }).nullable().default(null),
    createdAt: z.string(),
  })
  .meta({ id: 'Comment' })

export const VersionFile = z.object({
  id: z.string(),
  /** `sidecar`: the version folder's JSON provenance (see VersionSidecar); clients read it only when the project shows generation details. */
  role: z.enum(['output', 'thumbnail', 'sidecar']),
  name: z.string(),
  /** Root-relative storage path. */
  path: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
})
export const Version = z
  .object({
    id: z.string(),
    taskId: z.string(),
    number: z.number().int(),
    kind: z.enum(['image', 'video']),
    authorId: z.string().nullable(),
    folderPath: z.string(),
    thumbnailFileId: z.string().nullable(),
    provenance: z.object({
      renderJobId: z.string().nullable(),
      prompt: z.string().nullable(),
      negativePrompt: z.string().nullable(),
      seed: z.number().nullable(),
      model: z.string().nullable(),
      parameters: z.record(z.string(), z.unknown()),
    }),
    files: z.array(VersionFile),
    createdAt: z.string(),
  })
  .meta({ id: 'Version' })

export const TaskDetail = TaskSummary.extend({
  shotId: z.string(),
  realStartDate: z.string().nullable(),
  endDate: z.string().nullable(),
  doneDate: z.string().nullable(),
  lastCommentAt: z.string().nullable(),
  /** Planned work in minutes; null = not estimated. */
  estimateMinutes: z.number().int().nullable(),
  /** Logged work in minutes. */
  timeSpentMinutes: z.number().int(),
  comments: z.array(Comment),
  versions: z.array(Version),
}).meta({ id: 'TaskDetail' })

export const PostCommentRequest = z
  .object({
    text: z.string().max(20_000).default(''),
    /** Moves the task to this status; the comment records the change. */
    statusId: Id.optional(),
    /**
     * Shown to every client of the project. A client's own comment is always shown to that
     * client and the studio; with this flag, to the other clients too.
     */
    forClient: z.boolean().default(false),
    versionIds: z.array(Id).max(20).default([]),
  })
  .strict()
  .refine((c) => c.text.trim() !== '' || c.statusId !== undefined, 'a comment needs text or a status')
export const BatchCommentRequest = z
  .object({
    taskIds: z.array(Id).min(1).max(5000),
    text: z.string().max(20_000).default(''),
    statusId: Id.optional(),
    forClient: z.boolean().default(false),
  })
  .strict()
export const BatchAssignRequest = z
  .object({
    taskIds: z.array(Id).min(1).max(5000),
    userIds: z.array(Id).max(50),
    mode: z.enum(['set', 'add', 'remove']).default('set'),
  })
  .strict()
/** A year of minutes bounds an estimate or logged time: more is a typo, not a plan. */
const MAX_TASK_MINUTES = 60 * 24 * 365
export const UpdateTaskRequest = z
  .object({
    priority: z.number().int().min(0).max(10).optional(),
    dueDate: z.iso.date().nullable().optional(),
    estimateMinutes: z.number().int().min(0).max(MAX_TASK_MINUTES).nullable().optional(),
    timeSpentMinutes: z.number().int().min(0).max(MAX_TASK_MINUTES).optional(),
  })
  .strict()

export const Activity = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  event: z.string(),
  entityId: z.string(),
  shotId: z.string().nullable(),
  taskId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
})
export const ActivityQuery = z
  .object({ shotId: Id.optional(), before: Id.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict()
export const Notification = z
  .object({
    id: z.string(),
    projectId: z.string(),
    kind: z.enum(['mention', 'comment', 'assignment']),
    actorId: z.string().nullable(),
    taskId: z.string().nullable(),
    commentId: z.string().nullable(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' })

export const SpreadsheetFormat = z.enum(['xlsx', 'csv'])
export const ExportQuery = z.object({ format: SpreadsheetFormat.default('xlsx') }).strict()
export const ImportRequest = z
  .object({
    format: SpreadsheetFormat,
    /** The file, base64-encoded. */
    contentBase64: base64Field(70_000_000),
    /** Report only; write nothing. */
    dryRun: z.boolean().default(true),
  })
  .strict()
export const ImportReport = z
  .object({
    dryRun: z.boolean(),
    creates: z.array(z.object({ row: z.number().int(), sequence: z.string(), code: z.string() })),
    updates: z.array(
      z.object({ row: z.number().int(), shotId: z.string(), code: z.string(), fields: z.array(z.string()) }),
    ),
    conflicts: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
    unchanged: z.number().int(),
    applied: z.boolean(),
  })
  .meta({ id: 'ImportReport' })
export type ImportReport = z.infer<typeof ImportReport>

export const ParsePathRequest = z.object({ path: z.string().min(1).max(1000) }).strict()
export const ParsePathResponse = z.object({
  matches: z.array(z.object({ template: z.string(), tokens: z.record(z.string(), z.union([z.string(), z.number()])) })),
})

export const VersionFileParams = z.object({ fileId: Id }).strict()
export const VersionParams = z.object({ versionId: Id }).strict()
/** One version with where it belongs, for links from review, the farm and notifications. */
/** A version this one was made from (an img2img source, a mask, a control image). */
export const VersionInput = z.object({
  versionId: z.string(),
  /** image | mask | control */
  role: z.string(),
  /** The workflow parameter it filled. */
  parameter: z.string(),
  taskId: z.string(),
  number: z.number().int(),
})
export const VersionDetail = Version.extend({
  projectId: z.string(),
  shotId: z.string(),
  taskTypeId: z.string(),
  /** Lineage (parents) the caller may see; empty when the caller does not see how it was generated. */
  inputs: z.array(VersionInput),
}).meta({ id: 'VersionDetail' })

const tags = ['production'] as const
export const taskRoutes = {
  getTask: defineRoute({
    method: 'GET',
    path: '/api/tasks/:taskId',
    summary: 'A task with its visible comments and versions',
    tags,
    access: access.authenticated,
    params: TaskParams,
    response: TaskDetail,
  }),
  updateTask: defineRoute({
    method: 'PATCH',
    path: '/api/tasks/:taskId',
    summary: 'Change priority or due date',
    tags,
    access: access.authenticated,
    params: TaskParams,
    body: UpdateTaskRequest,
    response: TaskDetail,
  }),
  postComment: defineRoute({
    method: 'POST',
    path: '/api/tasks/:taskId/comments',
    summary: 'Comment on a task, optionally setting its status and attaching versions',
    tags,
    access: access.authenticated,
    params: TaskParams,
    body: PostCommentRequest,
    response: Comment,
    status: 201,
  }),
  batchComment: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/tasks/batch-comment',
    summary: 'One comment (and status) on many tasks, in one transaction',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: BatchCommentRequest,
    response: z.object({ items: z.array(Comment) }),
  }),
  batchAssign: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/tasks/batch-assign',
    summary: 'Set, add or remove assignees on many tasks',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: BatchAssignRequest,
    response: z.object({ items: z.array(TaskSummary) }),
  }),
  listActivity: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/activity',
    summary: 'The activity log, newest first (per shot with shotId)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    query: ActivityQuery,
    response: z.object({ items: z.array(Activity) }),
  }),
  listNotifications: defineRoute({
    method: 'GET',
    path: '/api/notifications',
    summary: 'The caller’s notifications, newest first',
    tags,
    access: access.authenticated,
    query: z.object({ unread: z.enum(['true', 'false']).default('false') }).strict(),
    response: z.object({ items: z.array(Notification) }),
  }),
  markNotificationsRead: defineRoute({
    method: 'POST',
    path: '/api/notifications/read',
    summary: 'Mark notifications read',
    tags,
    access: access.authenticated,
    body: z.object({ ids: z.array(Id).max(500) }).strict(),
    response: null,
    status: 204,
  }),
  exportShots: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/shots/export',
    summary: 'Download the shot list as XLSX or CSV (every visible column)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    query: ExportQuery,
    response: null,
  }),
  importShots: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/shots/import',
    summary: 'Import shots from XLSX or CSV; dry run lists creates, updates and conflicts',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: ImportRequest,
    response: ImportReport,
    // A 10,000-shot XLSX is a few MB of base64; the server-wide default stays small.
    bodyLimit: 64 * 1024 * 1024,
  }),
  parsePath: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/naming/parse',
    summary: 'Which naming template a path matches, and its token values',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: ParsePathRequest,
    response: ParsePathResponse,
  }),
  getVersion: defineRoute({
    method: 'GET',
    path: '/api/versions/:versionId',
    summary: 'One version with its files, thumbnail and source (render job, prompt, seed, model, parameters)',
    tags,
    access: access.authenticated,
    params: VersionParams,
    response: VersionDetail,
  }),
  versionFile: defineRoute({
    method: 'GET',
    path: '/api/version-files/:fileId',
    summary: 'The bytes of a version file or thumbnail',
    tags,
    access: access.authenticated,
    params: VersionFileParams,
    response: null,
  }),
}
