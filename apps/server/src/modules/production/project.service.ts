// Projects and their configuration. Creating a project makes its creator a member and
// seeds the default statuses and task types; managers change settings and the team.

import type {
  CreateAssetRequest,
  CreateCharacterRequest,
  CreateCustomFieldRequest,
  CreateProjectRequest,
  CreateSequenceRequest,
  CreateTaskTypeRequest,
  Project,
  PutMemberRequest,
  UpdateProjectRequest,
} from '@aipipeline/contracts'
import { inProductionTransaction, type MemberRecord, type ProjectRecord } from '@aipipeline/db'
import {
  canEditBreakdown,
  canManageProject,
  canSetStatus,
  keyBetween,
  NotFound,
  type ProjectAccess,
  requireAccess,
  resolveTemplates,
  validateTemplates,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService } from './activity.service'
import type { ProductionAccessService } from './production-access.service'
import { uniquely } from './production-change'
import type { ProductionContext } from './production-context'
import { visibilityFor } from './production-visibility'

function memberView(m: MemberRecord) {
  const role = m.globalRole === 'admin' ? 'admin' : (m.projectRole ?? m.globalRole)
  return {
    userId: m.userId,
    email: m.email,
    displayName: m.displayName,
    role,
    projectRole: m.projectRole,
    departments: m.departments,
  }
}

export function createProjectService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
) {
  const { repos } = ctx

  async function view(project: ProjectRecord, a: ProjectAccess): Promise<Project> {
    const [statuses, taskTypes, fields] = await Promise.all([
      repos.projects.statuses(project.id),
      repos.projects.taskTypes(project.id),
      repos.projects.customFields(project.id),
    ])
    const v = visibilityFor(a, statuses, fields, taskTypes)
    return {
      ...project,
      namingTemplates: resolveTemplates(project.namingTemplates),
      // The folder status may be one a client must not learn of.
      folderStatusId:
        project.folderStatusId !== null && v.statusVisible(project.folderStatusId) ? project.folderStatusId : null,
      myRole: a.role,
      statuses: statuses.filter((s) => v.statusVisible(s.id)).map((s) => ({ ...s, canSet: canSetStatus(a.role, s) })),
      taskTypes: taskTypes.map(({ id, name, shortName, color, department }) => ({
        id,
        name,
        shortName,
        color,
        department,
      })),
      customFields: v.fields.map(({ id, key, name, type, choices, clientVisible }) => ({
        id,
        key,
        name,
        type,
        choices,
        clientVisible,
      })),
    }
  }

  async function managed(principal: Principal, projectId: string): Promise<ProjectAccess> {
    const a = await access.resolve(principal, projectId)
    requireAccess(canManageProject(a), 'manage this project')
    return a
  }

  async function breakdownEditor(principal: Principal, projectId: string): Promise<ProjectAccess> {
    const a = await access.resolve(principal, projectId)
    requireAccess(canEditBreakdown(a), 'edit the breakdown of this project')
    return a
  }

  return {
    async list(principal: Principal) {
      const projects = await repos.projects.list(principal.role === 'admin' ? undefined : principal.userId)
      const items = []
      for (const p of projects) {
        const a = await access.resolve(principal, p.id)
        items.push({ id: p.id, code: p.code, name: p.name, myRole: a.role })
      }
      return { items }
    },

    async create(principal: Principal, input: z.output<typeof CreateProjectRequest>): Promise<Project> {
      validateTemplates(resolveTemplates(input.namingTemplates))
      const project = await uniquely(`project code "${input.code}"`, () =>
        inProductionTransaction(ctx.db, async (r) => {
          const p = await r.projects.insert(input)
          await r.projects.upsertMember(p.id, principal.userId, null, [])
          return p
        }),
      )
      return view(project, await access.resolve(principal, project.id))
    },

    async get(principal: Principal, projectId: string): Promise<Project> {
      const a = await access.resolve(principal, projectId)
      const project = await repos.projects.findById(projectId)
      if (!project) throw new NotFound('project', projectId)
      return view(project, a)
    },

    async update(
      principal: Principal,
      projectId: string,
      patch: z.output<typeof UpdateProjectRequest>,
    ): Promise<Project> {
      const a = await managed(principal, projectId)
      const current = await repos.projects.findById(projectId)
      if (!current) throw new NotFound('project', projectId)
      const { namingTemplates, ...rest } = patch
      const templates = namingTemplates ? { ...current.namingTemplates, ...namingTemplates } : undefined
      if (templates) validateTemplates(resolveTemplates(templates))
      if (patch.folderStatusId) {
        const statuses = await repos.projects.statuses(projectId)
        if (!statuses.some((s) => s.id === patch.folderStatusId)) throw new NotFound('status', patch.folderStatusId)
      }
      await repos.projects.update(projectId, { ...rest, ...(templates ? { namingTemplates: templates } : {}) })
      const fields = Object.keys(patch)
      await activity.publish(projectId, [projectChange(projectId, principal.userId, fields)])
      return this.get(principal, projectId).then((p) => ({ ...p, myRole: a.role }))
    },

    async members(principal: Principal, projectId: string) {
      await access.resolve(principal, projectId)
      return { items: (await repos.projects.members(projectId)).map(memberView) }
    },

    async putMember(principal: Principal, projectId: string, userId: string, input: z.output<typeof PutMemberRequest>) {
      await managed(principal, projectId)
      const user = await ctx.users.findById(userId)
      if (!user) throw new NotFound('user', userId)
      await inProductionTransaction(ctx.db, (r) =>
        r.projects.upsertMember(projectId, userId, input.role, input.departments),
      )
      const member = (await repos.projects.members(projectId)).find((m) => m.userId === userId)
      if (!member) throw new NotFound('member', userId)
      return memberView(member)
    },

    async removeMember(principal: Principal, projectId: string, userId: string): Promise<void> {
      await managed(principal, projectId)
      await inProductionTransaction(ctx.db, (r) => r.projects.removeMember(projectId, userId))
    },

    async breakdown(principal: Principal, projectId: string) {
      await access.resolve(principal, projectId)
      const [sequences, characters, assets] = await Promise.all([
        repos.projects.sequences(projectId),
        repos.projects.characters(projectId),
        repos.projects.assets(projectId),
      ])
      return {
        sequences: sequences.map(({ id, code, name, description, orderKey }) => ({
          id,
          code,
          name,
          description,
          orderKey,
        })),
        characters: characters.map(({ id, name, description, triggerWords, referenceImages, loraName }) => ({
          id,
          name,
          description,
          triggerWords,
          referenceImages,
          loraName,
        })),
        assets: assets.map(({ id, kind, name, description }) => ({ id, kind: assetKind(kind), name, description })),
      }
    },

    async createSequence(principal: Principal, projectId: string, input: z.output<typeof CreateSequenceRequest>) {
      await breakdownEditor(principal, projectId)
      const existing = await repos.projects.sequences(projectId)
      const orderKey = keyBetween(existing.at(-1)?.orderKey ?? null, null)
      const s = await uniquely(`sequence "${input.code}"`, () =>
        repos.projects.insertSequence({
          projectId,
          code: input.code,
          name: input.name || input.code,
          description: input.description,
          orderKey,
        }),
      )
      return { id: s.id, code: s.code, name: s.name, description: s.description, orderKey: s.orderKey }
    },

    async createCharacter(principal: Principal, projectId: string, input: z.output<typeof CreateCharacterRequest>) {
      await breakdownEditor(principal, projectId)
      const c = await uniquely(`character "${input.name}"`, () =>
        repos.projects.insertCharacter({ projectId, ...input }),
      )
      return {
        id: c.id,
        name: c.name,
        description: c.description,
        triggerWords: c.triggerWords,
        referenceImages: c.referenceImages,
        loraName: c.loraName,
      }
    },

    async createAsset(principal: Principal, projectId: string, input: z.output<typeof CreateAssetRequest>) {
      await breakdownEditor(principal, projectId)
      const a = await uniquely(`asset "${input.name}"`, () => repos.projects.insertAsset({ projectId, ...input }))
      return { id: a.id, kind: assetKind(a.kind), name: a.name, description: a.description }
    },

    async createTaskType(principal: Principal, projectId: string, input: z.output<typeof CreateTaskTypeRequest>) {
      await managed(principal, projectId)
      return uniquely(`task type "${input.name}"`, () =>
        inProductionTransaction(ctx.db, async (r) => {
          const t = await r.projects.insertTaskType(projectId, input)
          const shots = await r.shots.all(projectId)
          const pending = (await r.projects.statuses(projectId)).find((s) => s.isDefault)
          if (pending)
            await r.shots.insertTasks(
              projectId,
              shots.map((s) => ({ shotId: s.id, taskTypeId: t.id })),
              pending.id,
            )
          return { id: t.id, name: t.name, shortName: t.shortName, color: t.color, department: t.department }
        }),
      )
    },

    async createCustomField(principal: Principal, projectId: string, input: z.output<typeof CreateCustomFieldRequest>) {
      await managed(principal, projectId)
      const f = await uniquely(`custom field "${input.key}"`, () => repos.projects.insertCustomField(projectId, input))
      return { id: f.id, key: f.key, name: f.name, type: f.type, choices: f.choices, clientVisible: f.clientVisible }
    },
  }
}
export type ProjectService = ReturnType<typeof createProjectService>

/** The stored kind as the contract names it (unknown kinds read as `other`). */
export function assetKind(kind: string): 'location' | 'prop' | 'environment' | 'other' {
  return kind === 'location' || kind === 'prop' || kind === 'environment' ? kind : 'other'
}

function projectChange(projectId: string, actorId: string, fields: string[]) {
  return {
    event: 'project:update' as const,
    payload: { projectId, actorId, at: new Date().toISOString(), fields },
    entityId: projectId,
    shotId: null,
    taskId: null,
    taskIds: [],
    clientVisible: false,
    data: { fields },
  }
}
