// Projects and their configuration: settings, members, statuses, task types, custom
// fields, sequences, characters, assets.
import {
  access,
  BoardRole,
  CodeRules,
  NamingTemplateName,
  ProjectTemplateId,
  Role,
  StatusFlags,
} from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'

export const Id = z.string().min(1).max(64)
export const ProjectParams = z.object({ projectId: Id }).strict()
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, "_" and "-" only')
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #aabbcc')

/** What a status means to the workflow (the domain's flags); the same in a status and its edits. */
export const StatusFlagFields = StatusFlags.shape

export const TaskStatus = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    color: z.string(),
    boardRole: BoardRole,
    boardVisibleTo: z.array(Role),
    ...StatusFlagFields,
    /** Whether the caller may set this status where they can act on a task. */
    canSet: z.boolean(),
  })
  .meta({ id: 'TaskStatus' })

export const TaskType = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    color: z.string(),
    department: z.string().nullable(),
  })
  .meta({ id: 'TaskType' })

export const CustomFieldType = z.enum(['text', 'number', 'list', 'tags', 'boolean', 'date', 'url', 'person'])
export const CustomField = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    type: CustomFieldType,
    choices: z.array(z.string()),
    clientVisible: z.boolean(),
  })
  .meta({ id: 'CustomField' })
export const CustomFieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])

export const Project = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    fps: z.number(),
    width: z.number().int(),
    height: z.number().int(),
    aspectRatio: z.string(),
    startFrame: z.number().int(),
    retakeCap: z.number().int().nullable(),
    namingTemplates: z.record(z.string(), z.string()),
    folderStatusId: z.string().nullable(),
    /** Clients see versions' prompt, seed, model and parameters (off: stripped for clients). */
    showGenerationDetailsToClients: z.boolean(),
    /** Archived projects are hidden from the default list and read-only. */
    archived: z.boolean(),
    /** What the level above shots is called and how sequence and shot codes are numbered. */
    codeRules: CodeRules,
    /** Planned end date (YYYY-MM-DD) the dashboard's burn-up projects towards; null = none. */
    endDate: z.string().nullable(),
    /** The caller's effective role in this project. */
    myRole: Role,
    statuses: z.array(TaskStatus),
    taskTypes: z.array(TaskType),
    customFields: z.array(CustomField),
  })
  .meta({ id: 'Project' })
export type Project = z.infer<typeof Project>

export const ProjectSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  myRole: Role,
  archived: z.boolean(),
})
export const ListProjectsQuery = z
  .object({
    /** Archived projects are left out unless asked for. */
    includeArchived: z.enum(['true', 'false']).default('false'),
  })
  .strict()

const Templates = z.partialRecord(NamingTemplateName, z.string().min(1).max(300))
/** Project settings as a patch names them: no defaults, so what a patch leaves out stays as it is. */
const projectSettings = {
  name: z.string().trim().min(1).max(200),
  fps: z.number().positive().max(240),
  width: z.number().int().positive().max(16384),
  height: z.number().int().positive().max(16384),
  aspectRatio: z.string().trim().min(1).max(20),
  startFrame: z.number().int().min(0),
  retakeCap: z.number().int().min(0).nullable(),
  namingTemplates: Templates,
  /** Clients see versions' prompt, seed, model and parameters. */
  showGenerationDetailsToClients: z.boolean(),
  /** Planned end date; the dashboard's burn-up projects towards it. */
  endDate: z.iso.date().nullable(),
}
export const CreateProjectRequest = z
  .object({
    code: Code,
    ...projectSettings,
    fps: projectSettings.fps.default(24),
    width: projectSettings.width.default(1920),
    height: projectSettings.height.default(1080),
    aspectRatio: projectSettings.aspectRatio.default('16:9'),
    startFrame: projectSettings.startFrame.default(1001),
    retakeCap: projectSettings.retakeCap.default(null),
    namingTemplates: projectSettings.namingTemplates.default({}),
    showGenerationDetailsToClients: projectSettings.showGenerationDetailsToClients.default(false),
    endDate: projectSettings.endDate.default(null),
    /** Start from a project template: its task types, custom fields, naming templates and code rules. */
    template: ProjectTemplateId.optional(),
    /** Start from another project's statuses, task types, custom fields and naming templates (not its shots). */
    copyFromProjectId: Id.optional(),
    /** Code numbering; by default the template's, the copied project's, or SQ010 / SH0010. */
    codeRules: CodeRules.optional(),
  })
  .strict()
  .refine((r) => r.template === undefined || r.copyFromProjectId === undefined, {
    message: 'start from a template or from another project, not both',
    path: ['copyFromProjectId'],
  })
export const UpdateProjectRequest = z
  .object(projectSettings)
  .partial()
  .extend({ folderStatusId: Id.nullable().optional(), codeRules: CodeRules.optional() })
  .strict()

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  /** Effective role in this project. */
  role: Role,
  /** The studio-wide role, which applies where no project role is set. */
  studioRole: Role,
  projectRole: Role.nullable(),
  departments: z.array(z.string()),
})
export const MemberParams = z.object({ projectId: Id, userId: Id }).strict()
export const PutMemberRequest = z
  .object({
    role: Role.nullable().default(null),
    departments: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  })
  .strict()

export const Sequence = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  orderKey: z.string(),
})
export const Character = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  triggerWords: z.array(z.string()),
  referenceImages: z.array(z.string()),
  loraName: z.string().nullable(),
})
export const AssetKind = z.enum(['location', 'prop', 'environment', 'other'])
export const Asset = z.object({ id: z.string(), kind: AssetKind, name: z.string(), description: z.string() })
export const Breakdown = z.object({
  sequences: z.array(Sequence),
  characters: z.array(Character),
  assets: z.array(Asset),
})

export const CreateSequenceRequest = z
  .object({ code: Code, name: z.string().trim().max(200).default(''), description: z.string().max(5000).default('') })
  .strict()
export const CreateCharacterRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).default(''),
    triggerWords: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    referenceImages: z.array(z.string().min(1).max(500)).max(50).default([]),
    loraName: z.string().trim().min(1).max(200).nullable().default(null),
  })
  .strict()
export const CreateAssetRequest = z
  .object({ kind: AssetKind, name: z.string().trim().min(1).max(200), description: z.string().max(5000).default('') })
  .strict()
export const CreateTaskTypeRequest = z
  .object({
    name: z.string().trim().min(1).max(60),
    shortName: z.string().trim().min(1).max(10),
    color: Colour.default('#888888'),
    department: z.string().trim().min(1).max(60).nullable().default(null),
  })
  .strict()
export const CreateCustomFieldRequest = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case key like "lens_mm"'),
    name: z.string().trim().min(1).max(60),
    type: CustomFieldType,
    choices: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
    clientVisible: z.boolean().default(false),
  })
  .strict()

const tags = ['production'] as const
export const projectRoutes = {
  listProjects: defineRoute({
    method: 'GET',
    path: '/api/projects',
    summary: 'Projects the caller belongs to (all for admins)',
    tags,
    access: access.authenticated,
    query: ListProjectsQuery,
    response: z.object({ items: z.array(ProjectSummary) }),
  }),
  createProject: defineRoute({
    method: 'POST',
    path: '/api/projects',
    summary: 'Create a project with default statuses and task types, from a template or copying another project',
    tags,
    access: access.atLeast('manager'),
    body: CreateProjectRequest,
    response: Project,
    status: 201,
  }),
  getProject: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId',
    summary: 'Project settings, statuses, task types and custom fields visible to the caller',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    response: Project,
  }),
  updateProject: defineRoute({
    method: 'PATCH',
    path: '/api/projects/:projectId',
    summary: 'Change project settings (managers)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: UpdateProjectRequest,
    response: Project,
  }),
  archiveProject: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/archive',
    summary: 'Archive a project: hidden from the default list and read-only (managers)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    response: Project,
  }),
  unarchiveProject: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/unarchive',
    summary: 'Bring an archived project back: listed and writable again (managers)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    response: Project,
  }),
  listMembers: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/members',
    summary: 'The project team',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    response: z.object({ items: z.array(Member) }),
  }),
  putMember: defineRoute({
    method: 'PUT',
    path: '/api/projects/:projectId/members/:userId',
    summary: 'Add a member or change their project role and departments',
    tags,
    access: access.authenticated,
    params: MemberParams,
    body: PutMemberRequest,
    response: Member,
  }),
  removeMember: defineRoute({
    method: 'DELETE',
    path: '/api/projects/:projectId/members/:userId',
    summary: 'Remove a member',
    tags,
    access: access.authenticated,
    params: MemberParams,
    response: null,
    status: 204,
  }),
  getBreakdown: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/breakdown',
    summary: 'Sequences, characters and assets',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    response: Breakdown,
  }),
  createSequence: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/sequences',
    summary: 'Add a sequence at the end',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: CreateSequenceRequest,
    response: Sequence,
    status: 201,
  }),
  createCharacter: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/characters',
    summary: 'Add a character',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: CreateCharacterRequest,
    response: Character,
    status: 201,
  }),
  createAsset: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/assets',
    summary: 'Add a location, prop or other asset',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: CreateAssetRequest,
    response: Asset,
    status: 201,
  }),
  createTaskType: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/task-types',
    summary: 'Add a task type (creates its task on every shot)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: CreateTaskTypeRequest,
    response: TaskType,
    status: 201,
  }),
  createCustomField: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/custom-fields',
    summary: 'Add a custom shot field',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: CreateCustomFieldRequest,
    response: CustomField,
    status: 201,
  }),
}
