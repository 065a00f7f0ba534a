// Changing a project's configuration after creation: task statuses (add, edit, delete), task
// types (edit, reorder, delete while unused), custom field descriptors (edit, delete),
// sequences (edit), characters and assets (edit, delete). The HTTP rule is "signed in"; the
// services check the caller's project role (a per-project manager role grants what the
// global role does not).
import { access, BoardRole, Role } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import {
  Asset,
  AssetKind,
  Character,
  Code,
  Colour,
  CustomField,
  Id,
  ProjectParams,
  Sequence,
  StatusFlagFields,
  TaskStatus,
  TaskType,
} from './project.contract'

const somethingToChange = (patch: object) => Object.keys(patch).length > 0
const NOTHING = 'name at least one field to change'

/** 0-based place in the board or column order; a position past the end moves it last. */
const Position = z.number().int().min(0)
const Name = z.string().trim().min(1).max(60)
const ShortName = z.string().trim().min(1).max(10)

export const StatusParams = z.object({ projectId: Id, statusId: Id }).strict()
export const CreateStatusRequest = z
  .object({
    name: Name,
    shortName: ShortName,
    color: Colour.default('#888888'),
    boardRole: BoardRole,
    /** Roles that see it as a kanban column; by default the studio, plus clients when client-allowed. */
    boardVisibleTo: z.array(Role).max(6).optional(),
    isDefault: z.boolean().default(false),
    isWip: z.boolean().default(false),
    isFeedbackRequest: z.boolean().default(false),
    isRetake: z.boolean().default(false),
    isDone: z.boolean().default(false),
    artistAllowed: z.boolean().default(false),
    clientAllowed: z.boolean().default(false),
  })
  .strict()
export const UpdateStatusRequest = z
  .object({
    name: Name,
    shortName: ShortName,
    color: Colour,
    boardRole: BoardRole,
    boardVisibleTo: z.array(Role).max(6),
    ...StatusFlagFields,
    position: Position,
  })
  .partial()
  .strict()
  .refine(somethingToChange, NOTHING)

export const TaskTypeParams = z.object({ projectId: Id, taskTypeId: Id }).strict()
export const UpdateTaskTypeRequest = z
  .object({
    name: Name,
    shortName: ShortName,
    color: Colour,
    department: z.string().trim().min(1).max(60).nullable(),
    position: Position,
  })
  .partial()
  .strict()
  .refine(somethingToChange, NOTHING)

export const CustomFieldParams = z.object({ projectId: Id, customFieldId: Id }).strict()
/** Key and type are fixed: every shot stores its values under the key, checked against the type. */
export const UpdateCustomFieldRequest = z
  .object({
    name: Name,
    choices: z.array(z.string().trim().min(1).max(100)).max(200),
    clientVisible: z.boolean(),
  })
  .partial()
  .strict()
  .refine(somethingToChange, NOTHING)

export const DeleteCustomFieldQuery = z
  .object({
    /** Clear the values shots hold in the same transaction; without it a field in use is refused. */
    dropValues: z.enum(['true', 'false']).default('false'),
  })
  .strict()

export const SequenceParams = z.object({ projectId: Id, sequenceId: Id }).strict()
/** The code names the sequence's folders from now on; files already written keep their paths. */
export const UpdateSequenceRequest = z
  .object({ code: Code, name: z.string().trim().min(1).max(200), description: z.string().max(5000) })
  .partial()
  .strict()
  .refine(somethingToChange, NOTHING)

export const CharacterParams = z.object({ projectId: Id, characterId: Id }).strict()
export const UpdateCharacterRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000),
    triggerWords: z.array(z.string().trim().min(1).max(100)).max(50),
    referenceImages: z.array(z.string().min(1).max(500)).max(50),
    loraName: z.string().trim().min(1).max(200).nullable(),
  })
  .partial()
  .strict()
  .refine(somethingToChange, NOTHING)

export const AssetParams = z.object({ projectId: Id, assetId: Id }).strict()
export const UpdateAssetRequest = z
  .object({ kind: AssetKind, name: z.string().trim().min(1).max(200), description: z.string().max(5000) })
  .partial()
  .strict()
  .refine(somethingToChange, NOTHING)

const tags = ['production'] as const
export const projectConfigRoutes = {
  createStatus: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/statuses',
    summary: 'Add a task status at the end of the board (managers)',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: CreateStatusRequest,
    response: TaskStatus,
    status: 201,
  }),
  updateStatus: defineRoute({
    method: 'PATCH',
    path: '/api/projects/:projectId/statuses/:statusId',
    summary: 'Edit a task status: name, colour, flags, board role and order (managers)',
    tags,
    access: access.authenticated,
    params: StatusParams,
    body: UpdateStatusRequest,
    response: TaskStatus,
  }),
  deleteStatus: defineRoute({
    method: 'DELETE',
    path: '/api/projects/:projectId/statuses/:statusId',
    summary: 'Delete a task status no task, comment or folder rule uses (managers)',
    tags,
    access: access.authenticated,
    params: StatusParams,
    response: null,
    status: 204,
  }),
  updateTaskType: defineRoute({
    method: 'PATCH',
    path: '/api/projects/:projectId/task-types/:taskTypeId',
    summary: 'Edit a task type: name, colour, department and column order (managers)',
    tags,
    access: access.authenticated,
    params: TaskTypeParams,
    body: UpdateTaskTypeRequest,
    response: TaskType,
  }),
  deleteTaskType: defineRoute({
    method: 'DELETE',
    path: '/api/projects/:projectId/task-types/:taskTypeId',
    summary: 'Delete a task type whose tasks nobody has worked on (managers)',
    tags,
    access: access.authenticated,
    params: TaskTypeParams,
    response: null,
    status: 204,
  }),
  updateCustomField: defineRoute({
    method: 'PATCH',
    path: '/api/projects/:projectId/custom-fields/:customFieldId',
    summary: 'Rename a custom field, change its choices or who sees it (managers)',
    tags,
    access: access.authenticated,
    params: CustomFieldParams,
    body: UpdateCustomFieldRequest,
    response: CustomField,
  }),
  deleteCustomField: defineRoute({
    method: 'DELETE',
    path: '/api/projects/:projectId/custom-fields/:customFieldId',
    summary: 'Delete a custom field no shot holds a value of, or with its values (dropValues=true) (managers)',
    tags,
    access: access.authenticated,
    params: CustomFieldParams,
    query: DeleteCustomFieldQuery,
    response: null,
    status: 204,
  }),
  updateSequence: defineRoute({
    method: 'PATCH',
    path: '/api/projects/:projectId/sequences/:sequenceId',
    summary: 'Edit a sequence: code, name, description',
    tags,
    access: access.authenticated,
    params: SequenceParams,
    body: UpdateSequenceRequest,
    response: Sequence,
  }),
  updateCharacter: defineRoute({
    method: 'PATCH',
    path: '/api/projects/:projectId/characters/:characterId',
    summary: 'Edit a character: name, description, trigger words, reference images, LoRA',
    tags,
    access: access.authenticated,
    params: CharacterParams,
    body: UpdateCharacterRequest,
    response: Character,
  }),
  deleteCharacter: defineRoute({
    method: 'DELETE',
    path: '/api/projects/:projectId/characters/:characterId',
    summary: 'Delete a character',
    tags,
    access: access.authenticated,
    params: CharacterParams,
    response: null,
    status: 204,
  }),
  updateAsset: defineRoute({
    method: 'PATCH',
    path: '/api/projects/:projectId/assets/:assetId',
    summary: 'Edit a location, prop or other asset',
    tags,
    access: access.authenticated,
    params: AssetParams,
    body: UpdateAssetRequest,
    response: Asset,
  }),
  deleteAsset: defineRoute({
    method: 'DELETE',
    path: '/api/projects/:projectId/assets/:assetId',
    summary: 'Delete a location, prop or other asset',
    tags,
    access: access.authenticated,
    params: AssetParams,
    response: null,
    status: 204,
  }),
}
