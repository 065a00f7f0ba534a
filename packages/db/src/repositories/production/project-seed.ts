// The configuration rows a new project starts with: its statuses, task types and custom
// fields, from a template, a copied project or the defaults. Ids are new; the folder status
// is the one at the same place as the source's (by default the first work-in-progress one).
import { DEFAULT_STATUSES, type StatusDefinition } from '@aipipeline/domain'
import { newId } from '../../ids'
import type { CustomFieldType } from './production-records'

export interface SeedTaskType {
  name: string
  shortName: string
  color: string
  department: string | null
}

export interface SeedCustomField {
  key: string
  name: string
  type: CustomFieldType
  choices: readonly string[]
  clientVisible: boolean
}

/** What a project starts with; the folder status is named by its index in `statuses`. */
export interface ProjectSeed {
  statuses: readonly StatusDefinition[]
  taskTypes: readonly SeedTaskType[]
  customFields: readonly SeedCustomField[]
  /** Index into `statuses` of the status whose entry creates shot folders; null = none. */
  folderStatusIndex: number | null
}

export const DEFAULT_TASK_TYPES: readonly SeedTaskType[] = [
  { name: 'Storyboard', shortName: 'stb', color: '#8d6e63', department: 'Story' },
  { name: 'Keyframe', shortName: 'key', color: '#42a5f5', department: 'Keyframe' },
  { name: 'Animation', shortName: 'anm', color: '#66bb6a', department: 'Animation' },
  { name: 'Post', shortName: 'pst', color: '#ffa726', department: 'Post' },
]

/** The configuration of a project made without a template: default statuses and task types. */
export function defaultSeed(taskTypes: readonly SeedTaskType[] = DEFAULT_TASK_TYPES): ProjectSeed {
  const wip = DEFAULT_STATUSES.findIndex((s) => s.isWip)
  return { statuses: DEFAULT_STATUSES, taskTypes, customFields: [], folderStatusIndex: wip < 0 ? null : wip }
}

const bit = (b: boolean) => (b ? 1 : 0)

/** The rows to insert for a seed. */
export function seedRows(projectId: string, seed: ProjectSeed, now: string) {
  const statuses = seed.statuses.map((s, position) => ({
    id: newId(),
    projectId,
    name: s.name,
    shortName: s.shortName,
    color: s.color,
    boardRole: s.boardRole,
    boardVisibleTo: JSON.stringify(s.boardVisibleTo),
    isDefault: bit(s.isDefault),
    isWip: bit(s.isWip),
    isFeedbackRequest: bit(s.isFeedbackRequest),
    isRetake: bit(s.isRetake),
    isDone: bit(s.isDone),
    artistAllowed: bit(s.artistAllowed),
    clientAllowed: bit(s.clientAllowed),
    position,
    createdAt: now,
  }))
  const taskTypes = seed.taskTypes.map((t, position) => ({
    id: newId(),
    projectId,
    name: t.name,
    shortName: t.shortName,
    color: t.color,
    department: t.department,
    position,
    createdAt: now,
  }))
  const customFields = seed.customFields.map((f, position) => ({
    id: newId(),
    projectId,
    key: f.key,
    name: f.name,
    type: f.type,
    choices: JSON.stringify(f.choices),
    clientVisible: bit(f.clientVisible),
    position,
    createdAt: now,
  }))
  const folderStatusId = seed.folderStatusIndex === null ? null : (statuses[seed.folderStatusIndex]?.id ?? null)
  return { statuses, taskTypes, customFields, folderStatusId }
}
