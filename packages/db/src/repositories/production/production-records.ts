// Domain shapes of production rows: integer booleans become booleans, JSON text is parsed
// with zod (a malformed column fails loudly here instead of leaking `unknown` upward).
import { BoardRole, CodeRules, DEFAULT_CODE_RULES, Role } from '@aipipeline/domain'
import { z } from 'zod'
import type {
  CharactersTable,
  CustomFieldsTable,
  ProjectsTable,
  ShotsTable,
  TaskStatusesTable,
  TaskTypesTable,
} from '../../tables/production.tables'

export const CustomFieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])
export type CustomFieldValue = z.infer<typeof CustomFieldValue>
export const CustomFieldValues = z.record(z.string(), CustomFieldValue)
export type CustomFieldValues = z.infer<typeof CustomFieldValues>
const StringList = z.array(z.string())
const RoleList = z.array(Role)
const Json = z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' })
    return z.NEVER
  }
})

/** Parses a JSON text column with a schema. */
export function parseJson<T extends z.ZodType>(schema: T, text: string): z.output<T> {
  return Json.pipe(schema).parse(text)
}

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'list', 'tags', 'boolean', 'date', 'url', 'person'] as const
export const CustomFieldType = z.enum(CUSTOM_FIELD_TYPES)
export type CustomFieldType = z.infer<typeof CustomFieldType>

export interface ProjectRecord {
  id: string
  code: string
  name: string
  fps: number
  width: number
  height: number
  aspectRatio: string
  startFrame: number
  retakeCap: number | null
  namingTemplates: Record<string, string>
  folderStatusId: string | null
  /** Clients see versions' prompt, seed, model and parameters. */
  showGenerationDetailsToClients: boolean
  archivedAt: string | null
  codeRules: CodeRules
  /** Planned end date (YYYY-MM-DD); null = none. */
  endDate: string | null
  createdAt: string
  updatedAt: string
}

export function toProject(row: ProjectsTable): ProjectRecord {
  return {
    ...row,
    fps: Number(row.fps),
    showGenerationDetailsToClients: Number(row.showGenerationDetailsToClients) === 1,
    namingTemplates: parseJson(z.record(z.string(), z.string()), row.namingTemplates),
    archivedAt: row.archivedAt ?? null,
    endDate: row.endDate ?? null,
    codeRules:
      row.codeRules === null || row.codeRules === undefined ? DEFAULT_CODE_RULES : parseJson(CodeRules, row.codeRules),
  }
}

export interface StatusRecord {
  id: string
  projectId: string
  name: string
  shortName: string
  color: string
  boardRole: BoardRole
  boardVisibleTo: Role[]
  isDefault: boolean
  isWip: boolean
  isFeedbackRequest: boolean
  isRetake: boolean
  isDone: boolean
  artistAllowed: boolean
  clientAllowed: boolean
  position: number
}

export function toStatus(r: TaskStatusesTable): StatusRecord {
  return {
    id: r.id,
    projectId: r.projectId,
    name: r.name,
    shortName: r.shortName,
    color: r.color,
    boardRole: BoardRole.parse(r.boardRole),
    boardVisibleTo: parseJson(RoleList, r.boardVisibleTo),
    isDefault: r.isDefault === 1,
    isWip: r.isWip === 1,
    isFeedbackRequest: r.isFeedbackRequest === 1,
    isRetake: r.isRetake === 1,
    isDone: r.isDone === 1,
    artistAllowed: r.artistAllowed === 1,
    clientAllowed: r.clientAllowed === 1,
    position: r.position,
  }
}

export type TaskTypeRecord = Omit<TaskTypesTable, 'createdAt'>

export interface CustomFieldRecord {
  id: string
  projectId: string
  key: string
  name: string
  type: CustomFieldType
  choices: string[]
  clientVisible: boolean
  position: number
}

export function toCustomField(r: CustomFieldsTable): CustomFieldRecord {
  return {
    id: r.id,
    projectId: r.projectId,
    key: r.key,
    name: r.name,
    type: CustomFieldType.parse(r.type),
    choices: parseJson(StringList, r.choices),
    clientVisible: r.clientVisible === 1,
    position: r.position,
  }
}

export interface ShotRecord {
  id: string
  projectId: string
  sequenceId: string
  code: string
  orderKey: string
  description: string
  frameIn: number | null
  frameOut: number | null
  thumbnailVersionId: string | null
  cpeSettings: unknown
  customFields: CustomFieldValues
  foldersCreatedAt: string | null
  createdAt: string
  updatedAt: string
}

export function toShot(r: ShotsTable): ShotRecord {
  return {
    ...r,
    cpeSettings: r.cpeSettings === null ? null : parseJson(z.unknown(), r.cpeSettings),
    customFields: parseJson(CustomFieldValues, r.customFields),
  }
}

export interface CharacterRecord {
  id: string
  projectId: string
  name: string
  description: string
  triggerWords: string[]
  referenceImages: string[]
  loraName: string | null
  createdAt: string
  updatedAt: string
}

export function toCharacter(r: CharactersTable): CharacterRecord {
  return {
    ...r,
    triggerWords: parseJson(StringList, r.triggerWords),
    referenceImages: parseJson(StringList, r.referenceImages),
  }
}

export const stringList = (text: string): string[] => parseJson(StringList, text)
