// Projects and everything configured per project: members, task types, statuses, custom
// field descriptors, sequences, characters and assets.
import { type CodeRules, Role } from '@aipipeline/domain'
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type { AssetsTable, ProjectsTable, SequencesTable } from '../../tables/production.tables'
import {
  type CharacterRecord,
  type CustomFieldRecord,
  type CustomFieldType,
  type ProjectRecord,
  type StatusRecord,
  stringList,
  type TaskTypeRecord,
  toCharacter,
  toCustomField,
  toProject,
  toStatus,
} from './production-records'
import { defaultSeed, type ProjectSeed, seedRows } from './project-seed'

export interface NewProject {
  code: string
  name: string
  fps: number
  width: number
  height: number
  aspectRatio: string
  startFrame: number
  retakeCap: number | null
  namingTemplates: Record<string, string>
  showGenerationDetailsToClients?: boolean
  /** Numbering of sequence and shot codes; omitted = the defaults (SQ010, SH0010). */
  codeRules?: CodeRules
  /** Planned end date (YYYY-MM-DD). */
  endDate?: string | null
}

export interface MemberRecord {
  userId: string
  email: string
  displayName: string
  globalRole: Role
  projectRole: Role | null
  departments: string[]
}

export type SequenceRecord = SequencesTable
export type AssetRecord = AssetsTable

export function createProjectRepository(db: Db) {
  return {
    /** Inserts a project with its starting configuration (by default: default statuses and task types). */
    async insert(input: NewProject, seed: ProjectSeed = defaultSeed()): Promise<ProjectRecord> {
      const now = isoNow()
      const id = newId()
      const rows = seedRows(id, seed, now)
      const { codeRules, ...settings } = input
      const row: ProjectsTable = {
        id,
        ...settings,
        namingTemplates: JSON.stringify(input.namingTemplates),
        showGenerationDetailsToClients: input.showGenerationDetailsToClients === true ? 1 : 0,
        folderStatusId: rows.folderStatusId,
        archivedAt: null,
        codeRules: codeRules === undefined ? null : JSON.stringify(codeRules),
        endDate: input.endDate ?? null,
        createdAt: now,
        updatedAt: now,
      }
      await db.insertInto('projects').values(row).execute()
      if (rows.statuses.length > 0) await db.insertInto('taskStatuses').values(rows.statuses).execute()
      if (rows.taskTypes.length > 0) await db.insertInto('taskTypes').values(rows.taskTypes).execute()
      if (rows.customFields.length > 0) await db.insertInto('customFields').values(rows.customFields).execute()
      return toProject(row)
    },

    /** Archives (a time) or unarchives (null) a project. */
    async setArchived(id: string, archivedAt: string | null): Promise<void> {
      await db.updateTable('projects').set({ archivedAt, updatedAt: isoNow() }).where('id', '=', id).execute()
    },

    async findById(id: string): Promise<ProjectRecord | undefined> {
      const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toProject(row) : undefined
    },

    /** All projects, or only those `userId` is a member of; archived ones only when asked. */
    async list(memberId?: string, options: { includeArchived?: boolean } = {}): Promise<ProjectRecord[]> {
      let q = db.selectFrom('projects').selectAll('projects').orderBy('projects.code')
      if (options.includeArchived !== true) q = q.where('projects.archivedAt', 'is', null)
      if (memberId !== undefined) {
        q = q.innerJoin('projectMembers as m', 'm.projectId', 'projects.id').where('m.userId', '=', memberId)
      }
      return (await q.execute()).map(toProject)
    },

    async update(
      id: string,
      patch: Partial<Omit<NewProject, 'namingTemplates'>> & {
        namingTemplates?: Record<string, string>
        folderStatusId?: string | null
      },
    ): Promise<void> {
      const { namingTemplates, showGenerationDetailsToClients: details, codeRules, ...rest } = patch
      await db
        .updateTable('projects')
        .set({
          ...rest,
          ...(codeRules ? { codeRules: JSON.stringify(codeRules) } : {}),
          ...(namingTemplates ? { namingTemplates: JSON.stringify(namingTemplates) } : {}),
          ...(details === undefined ? {} : { showGenerationDetailsToClients: details ? 1 : 0 }),
          updatedAt: isoNow(),
        })
        .where('id', '=', id)
        .execute()
    },

    /** The member row of a user with the per-project role override, if a member. */
    async membership(
      projectId: string,
      userId: string,
    ): Promise<{ role: Role | null; departments: string[]; archived: boolean } | undefined> {
      const row = await db
        .selectFrom('projectMembers as m')
        .innerJoin('projects as p', 'p.id', 'm.projectId')
        .leftJoin('projectRoleOverrides as o', (j) =>
          j.onRef('o.projectId', '=', 'm.projectId').onRef('o.userId', '=', 'm.userId'),
        )
        .select(['m.departments', 'o.role', 'p.archivedAt'])
        .where('m.projectId', '=', projectId)
        .where('m.userId', '=', userId)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        role: row.role === null ? null : Role.parse(row.role),
        departments: stringList(row.departments),
        archived: row.archivedAt !== null,
      }
    },

    async members(projectId: string): Promise<MemberRecord[]> {
      const rows = await db
        .selectFrom('projectMembers as m')
        .innerJoin('users as u', 'u.id', 'm.userId')
        .leftJoin('projectRoleOverrides as o', (j) =>
          j.onRef('o.projectId', '=', 'm.projectId').onRef('o.userId', '=', 'm.userId'),
        )
        .select([
          'm.userId',
          'u.email',
          'u.displayName',
          'u.role as globalRole',
          'o.role as projectRole',
          'm.departments',
        ])
        .where('m.projectId', '=', projectId)
        .orderBy('u.displayName')
        .execute()
      return rows.map((r) => ({
        userId: r.userId,
        email: r.email,
        displayName: r.displayName,
        globalRole: Role.parse(r.globalRole),
        projectRole: r.projectRole === null ? null : Role.parse(r.projectRole),
        departments: stringList(r.departments),
      }))
    },

    /** Adds or updates a member; `role` null removes the per-project override. */
    async upsertMember(projectId: string, userId: string, role: Role | null, departments: string[]): Promise<void> {
      const now = isoNow()
      await db.deleteFrom('projectMembers').where('projectId', '=', projectId).where('userId', '=', userId).execute()
      await db
        .insertInto('projectMembers')
        .values({ projectId, userId, departments: JSON.stringify(departments), createdAt: now })
        .execute()
      await db
        .deleteFrom('projectRoleOverrides')
        .where('projectId', '=', projectId)
        .where('userId', '=', userId)
        .execute()
      if (role !== null)
        await db.insertInto('projectRoleOverrides').values({ projectId, userId, role, createdAt: now }).execute()
    },

    async removeMember(projectId: string, userId: string): Promise<void> {
      await db.deleteFrom('projectMembers').where('projectId', '=', projectId).where('userId', '=', userId).execute()
      await db
        .deleteFrom('projectRoleOverrides')
        .where('projectId', '=', projectId)
        .where('userId', '=', userId)
        .execute()
    },

    async statuses(projectId: string): Promise<StatusRecord[]> {
      const rows = await db
        .selectFrom('taskStatuses')
        .selectAll()
        .where('projectId', '=', projectId)
        .orderBy('position')
        .execute()
      return rows.map(toStatus)
    },

    async taskTypes(projectId: string): Promise<TaskTypeRecord[]> {
      return db
        .selectFrom('taskTypes')
        .select(['id', 'projectId', 'name', 'shortName', 'color', 'department', 'position'])
        .where('projectId', '=', projectId)
        .orderBy('position')
        .execute()
    },

    async insertTaskType(
      projectId: string,
      t: { name: string; shortName: string; color: string; department: string | null },
    ): Promise<TaskTypeRecord> {
      const existing = await this.taskTypes(projectId)
      const row = { id: newId(), projectId, ...t, position: existing.length }
      await db
        .insertInto('taskTypes')
        .values({ ...row, createdAt: isoNow() })
        .execute()
      return row
    },

    async customFields(projectId: string): Promise<CustomFieldRecord[]> {
      const rows = await db
        .selectFrom('customFields')
        .selectAll()
        .where('projectId', '=', projectId)
        .orderBy('position')
        .execute()
      return rows.map(toCustomField)
    },

    async insertCustomField(
      projectId: string,
      f: { key: string; name: string; type: CustomFieldType; choices: string[]; clientVisible: boolean },
    ): Promise<CustomFieldRecord> {
      const position = (await this.customFields(projectId)).length
      const row = {
        id: newId(),
        projectId,
        ...f,
        choices: JSON.stringify(f.choices),
        clientVisible: f.clientVisible ? 1 : 0,
        position,
      }
      await db
        .insertInto('customFields')
        .values({ ...row, createdAt: isoNow() })
        .execute()
      return toCustomField({ ...row, createdAt: '' })
    },

    async sequences(projectId: string): Promise<SequenceRecord[]> {
      return db.selectFrom('sequences').selectAll().where('projectId', '=', projectId).orderBy('orderKey').execute()
    },

    async insertSequence(s: Omit<SequenceRecord, 'id' | 'createdAt' | 'updatedAt'>): Promise<SequenceRecord> {
      const now = isoNow()
      const row = { id: newId(), ...s, createdAt: now, updatedAt: now }
      await db.insertInto('sequences').values(row).execute()
      return row
    },

    async updateSequence(
      id: string,
      patch: Partial<Pick<SequenceRecord, 'code' | 'name' | 'description'>>,
    ): Promise<void> {
      await db
        .updateTable('sequences')
        .set({ ...patch, updatedAt: isoNow() })
        .where('id', '=', id)
        .execute()
    },

    async updateCharacter(
      id: string,
      patch: Partial<Pick<CharacterRecord, 'name' | 'description' | 'triggerWords' | 'referenceImages' | 'loraName'>>,
    ): Promise<void> {
      const { triggerWords, referenceImages, ...rest } = patch
      await db
        .updateTable('characters')
        .set({
          ...rest,
          ...(triggerWords ? { triggerWords: JSON.stringify(triggerWords) } : {}),
          ...(referenceImages ? { referenceImages: JSON.stringify(referenceImages) } : {}),
          updatedAt: isoNow(),
        })
        .where('id', '=', id)
        .execute()
    },

    async updateAsset(id: string, patch: Partial<Pick<AssetRecord, 'kind' | 'name' | 'description'>>): Promise<void> {
      await db
        .updateTable('assets')
        .set({ ...patch, updatedAt: isoNow() })
        .where('id', '=', id)
        .execute()
    },

    async characters(projectId: string): Promise<CharacterRecord[]> {
      const rows = await db
        .selectFrom('characters')
        .selectAll()
        .where('projectId', '=', projectId)
        .orderBy('name')
        .execute()
      return rows.map(toCharacter)
    },

    async insertCharacter(c: Omit<CharacterRecord, 'id' | 'createdAt' | 'updatedAt'>): Promise<CharacterRecord> {
      const now = isoNow()
      const row = { id: newId(), ...c, createdAt: now, updatedAt: now }
      await db
        .insertInto('characters')
        .values({
          ...row,
          triggerWords: JSON.stringify(c.triggerWords),
          referenceImages: JSON.stringify(c.referenceImages),
        })
        .execute()
      return row
    },

    async assets(projectId: string): Promise<AssetRecord[]> {
      return db
        .selectFrom('assets')
        .selectAll()
        .where('projectId', '=', projectId)
        .orderBy('kind')
        .orderBy('name')
        .execute()
    },

    async insertAsset(a: Omit<AssetRecord, 'id' | 'createdAt' | 'updatedAt'>): Promise<AssetRecord> {
      const now = isoNow()
      const row = { id: newId(), ...a, createdAt: now, updatedAt: now }
      await db.insertInto('assets').values(row).execute()
      return row
    },
  }
}
export type ProjectRepository = ReturnType<typeof createProjectRepository>
