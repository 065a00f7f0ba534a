// Row types for production tracking. Ids are UUIDv7 text, timestamps ISO-8601 UTC text,
// booleans 0/1, JSON in text columns parsed with zod by the repositories.

export interface ProjectsTable {
  id: string
  code: string
  name: string
  fps: number
  width: number
  height: number
  aspectRatio: string
  startFrame: number
  /** Retakes allowed per task; null = no cap. */
  retakeCap: number | null
  /** JSON: template name → template overrides. */
  namingTemplates: string
  /** Entering this status on any task of a shot creates the shot's folder tree. */
  folderStatusId: string | null
  /** 1 = clients see versions' prompt, seed, model and parameters. */
  showGenerationDetailsToClients: number
  /** Set while the project is archived: hidden from the default list and read-only. */
  archivedAt: string | null
  /** JSON CodeRules: the grouping level and how sequence and shot codes are numbered; null = defaults. */
  codeRules: string | null
  /** Planned end (YYYY-MM-DD) the burn-up projects towards; null = none set. */
  endDate: string | null
  createdAt: string
  updatedAt: string
}

/** Membership; the per-project role lives in project_role_overrides (auth). */
export interface ProjectMembersTable {
  projectId: string
  userId: string
  /** JSON string array. */
  departments: string
  createdAt: string
}

export interface SequencesTable {
  id: string
  projectId: string
  code: string
  name: string
  description: string
  orderKey: string
  createdAt: string
  updatedAt: string
}

export interface ShotsTable {
  id: string
  projectId: string
  sequenceId: string
  code: string
  /** Fractional key: editorial order across the whole project. */
  orderKey: string
  description: string
  frameIn: number | null
  frameOut: number | null
  thumbnailVersionId: string | null
  /** JSON owned by the prompt engine; opaque here. */
  cpeSettings: string | null
  /** JSON: custom field key → value. */
  customFields: string
  /** Folder tree created (on the project's folder status). */
  foldersCreatedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface CharactersTable {
  id: string
  projectId: string
  name: string
  description: string
  /** JSON string arrays. */
  triggerWords: string
  referenceImages: string
  loraName: string | null
  createdAt: string
  updatedAt: string
}

export interface AssetsTable {
  id: string
  projectId: string
  /** location | prop | environment | other */
  kind: string
  name: string
  description: string
  createdAt: string
  updatedAt: string
}

export interface TaskTypesTable {
  id: string
  projectId: string
  name: string
  shortName: string
  color: string
  department: string | null
  position: number
  createdAt: string
}

export interface TaskStatusesTable {
  id: string
  projectId: string
  name: string
  shortName: string
  color: string
  boardRole: string
  /** JSON role array. */
  boardVisibleTo: string
  isDefault: number
  isWip: number
  isFeedbackRequest: number
  isRetake: number
  isDone: number
  artistAllowed: number
  clientAllowed: number
  position: number
  createdAt: string
}

export interface TasksTable {
  id: string
  projectId: string
  shotId: string
  taskTypeId: string
  statusId: string
  priority: number
  dueDate: string | null
  retakeCount: number
  realStartDate: string | null
  endDate: string | null
  doneDate: string | null
  lastCommentAt: string | null
  /** The version approved for this task (null: none, or it was deleted). */
  approvedVersionId: string | null
  /** Planned work in minutes; null = not estimated. */
  estimateMinutes: number | null
  /** Logged work in minutes. */
  timeSpentMinutes: number
  createdAt: string
  updatedAt: string
}

export interface TaskAssigneesTable {
  taskId: string
  userId: string
  projectId: string
}

export interface CommentsTable {
  id: string
  projectId: string
  taskId: string
  authorId: string
  /** Role the author had in the project when writing (clients see clients' comments). */
  authorRole: string
  text: string
  statusId: string | null
  previousStatusId: string | null
  forClient: number
  /** JSON: { userIds, departments }. */
  mentions: string
  /** JSON string array. */
  versionIds: string
  /** A review note's frame range (0-based indices in its first version's media); null otherwise. */
  frameStart: number | null
  frameEnd: number | null
  createdAt: string
}

export interface VersionsTable {
  id: string
  projectId: string
  taskId: string
  number: number
  /** image | video */
  kind: string
  authorId: string | null
  renderJobId: string | null
  /** The farm output file it was ingested from; unique with renderJobId. */
  renderOutputId: string | null
  /** JSON provenance: prompt, negative prompt, seed, model, parameters. */
  provenance: string
  /** Root-relative folder of this version. */
  folderPath: string
  thumbnailPath: string | null
  createdAt: string
}

export interface VersionFilesTable {
  id: string
  versionId: string
  projectId: string
  /** output | thumbnail | sidecar */
  role: string
  name: string
  path: string
  mediaType: string
  sizeBytes: number
  sha256: string
  width: number | null
  height: number | null
  createdAt: string
}

/** Lineage: a version made from other versions (img2img source, mask, control image). */
export interface VersionInputsTable {
  versionId: string
  inputVersionId: string
  /** image | mask | control */
  role: string
  /** The workflow parameter the input filled. */
  parameter: string
}

export interface CustomFieldsTable {
  id: string
  projectId: string
  key: string
  name: string
  /** text | number | list | tags | boolean | date | url | person */
  type: string
  /** JSON string array (list and tags). */
  choices: string
  clientVisible: number
  position: number
  createdAt: string
}

export interface ActivityTable {
  id: string
  projectId: string
  actorId: string | null
  /** `entity:action`, e.g. task:status-changed. */
  event: string
  entityId: string
  shotId: string | null
  taskId: string | null
  /** Whether clients may see this entry. */
  clientVisible: number
  /** JSON details. */
  data: string
  createdAt: string
}

export interface NotificationsTable {
  id: string
  userId: string
  projectId: string
  /** mention | comment | assignment */
  kind: string
  actorId: string | null
  taskId: string | null
  commentId: string | null
  read: number
  createdAt: string
}

/** A project's own list of departments (members and task types name them as text). */
export interface DepartmentsTable {
  projectId: string
  name: string
  createdAt: string
}

/** A character on a shot. */
export interface ShotCharactersTable {
  shotId: string
  characterId: string
  createdAt: string
}

/** An asset (location, prop…) on a shot. */
export interface ShotAssetsTable {
  shotId: string
  assetId: string
  createdAt: string
}

/** Saved shot table views (0095): the owner's, or shared with the project. */
export interface ShotTableViewsTable {
  id: string
  projectId: string
  ownerId: string
  name: string
  shared: number
  /** JSON: filter, sort, groupBy, columnWidths. */
  view: string
  createdAt: string
  updatedAt: string
}

export interface ProductionTables {
  shotCharacters: ShotCharactersTable
  shotAssets: ShotAssetsTable
  projects: ProjectsTable
  projectMembers: ProjectMembersTable
  departments: DepartmentsTable
  shotTableViews: ShotTableViewsTable
  sequences: SequencesTable
  shots: ShotsTable
  characters: CharactersTable
  assets: AssetsTable
  taskTypes: TaskTypesTable
  taskStatuses: TaskStatusesTable
  tasks: TasksTable
  taskAssignees: TaskAssigneesTable
  comments: CommentsTable
  versions: VersionsTable
  versionFiles: VersionFilesTable
  versionInputs: VersionInputsTable
  customFields: CustomFieldsTable
  activity: ActivityTable
  notifications: NotificationsTable
}
