// Projects: list, create, read, change settings, and the breakdown read. Creating a project
// makes its creator a member and seeds the default statuses and task types. The team is in
// project-member.service.ts, configuration in project-config and custom-field services,
// breakdown entries in breakdown-entry.service.ts.

import type { CreateProjectRequest, Project, UpdateProjectRequest } from '@aipipeline/contracts'
import { inProductionTransaction, type ProjectRecord } from '@aipipeline/db'
import {
  assertWritable,
  canManageProject,
  canSetStatus,
  NotFound,
  type ProjectAccess,
  requireAccess,
  resolveTemplates,
  validateTemplates,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { ProductionAccessService } from './production-access.service'
import { changeCommitter, changeHeader, studioOnlyChange, uniquely } from './production-change'
import type { ProductionContext } from './production-context'
import { visibilityFor } from './production-visibility'
import { projectStart } from './project-seed.service'

export function createProjectService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
) {
  const { repos } = ctx
  const commit = changeCommitter(ctx, activity)

  async function view(project: ProjectRecord, a: ProjectAccess): Promise<Project> {
    const [statuses, taskTypes, fields] = await Promise.all([
      repos.projects.statuses(project.id),
      repos.projects.taskTypes(project.id),
      repos.projects.customFields(project.id),
    ])
    const v = visibilityFor(a, statuses, fields, taskTypes)
    return {
      ...project,
      archived: project.archivedAt !== null,
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

  /** The caller's access when they manage the project; unless `archiving`, only while it is writable. */
  async function managed(principal: Principal, projectId: string, archiving = false): Promise<ProjectAccess> {
    const a = await access.resolve(principal, projectId)
    requireAccess(canManageProject(a), 'manage this project')
    if (!archiving) assertWritable(a)
    return a
  }

  async function setArchived(principal: Principal, projectId: string, archived: boolean): Promise<Project> {
    await managed(principal, projectId, true)
    const current = await repos.projects.findById(projectId)
    if (!current) throw new NotFound('project', projectId)
    if ((current.archivedAt !== null) !== archived) {
      const fields = ['archived']
      await commit(projectId, principal.userId, async (r) => {
        await r.projects.setArchived(projectId, archived ? new Date().toISOString() : null)
        const change: Change = {
          event: 'project:update',
          payload: { ...changeHeader(projectId, principal.userId), fields },
          ...studioOnlyChange(projectId, { fields }),
        }
        return { result: undefined, change }
      })
    }
    return getProject(principal, projectId)
  }

  async function getProject(principal: Principal, projectId: string): Promise<Project> {
    const a = await access.resolve(principal, projectId)
    const project = await repos.projects.findById(projectId)
    if (!project) throw new NotFound('project', projectId)
    return view(project, a)
  }

  return {
    /** Projects the caller belongs to (all for admins); archived ones only when asked. */
    async list(principal: Principal, options: { includeArchived?: boolean } = {}) {
      const member = principal.role === 'admin' ? undefined : principal.userId
      const projects = await repos.projects.list(member, options)
      const items = []
      for (const p of projects) {
        const a = await access.resolve(principal, p.id)
        items.push({ id: p.id, code: p.code, name: p.name, myRole: a.role, archived: p.archivedAt !== null })
      }
      return { items }
    },

    /** Creates a project from a template, from another project's configuration, or with the defaults. */
    async create(principal: Principal, input: z.output<typeof CreateProjectRequest>): Promise<Project> {
      const start = await projectStart(ctx, access, principal, input)
      validateTemplates(resolveTemplates(start.namingTemplates))
      const { template: _t, copyFromProjectId: _c, ...settings } = input
      const row = { ...settings, namingTemplates: start.namingTemplates, codeRules: start.codeRules }
      const project = await uniquely(`project code "${input.code}"`, () =>
        inProductionTransaction(ctx.db, async (r) => {
          const p = await r.projects.insert(row, start.seed)
          await r.projects.upsertMember(p.id, principal.userId, null, [])
          return p
        }),
      )
      return view(project, await access.resolve(principal, project.id))
    },

    get: getProject,

    /** Hides a project from the default list and makes it read-only. */
    archive: (principal: Principal, projectId: string) => setArchived(principal, projectId, true),

    /** Lists a project again and makes it writable. */
    unarchive: (principal: Principal, projectId: string) => setArchived(principal, projectId, false),

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
      const fields = Object.keys(patch)
      await commit(projectId, principal.userId, async (r) => {
        await r.projects.update(projectId, { ...rest, ...(templates ? { namingTemplates: templates } : {}) })
        const change: Change = {
          event: 'project:update',
          payload: { ...changeHeader(projectId, principal.userId), fields },
          ...studioOnlyChange(projectId, { fields }),
        }
        return { result: undefined, change }
      })
      return getProject(principal, projectId).then((p) => ({ ...p, myRole: a.role }))
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
  }
}
export type ProjectService = ReturnType<typeof createProjectService>

/** The stored kind as the contract names it (unknown kinds read as `other`). */
export function assetKind(kind: string): 'location' | 'prop' | 'environment' | 'other' {
  return kind === 'location' || kind === 'prop' || kind === 'environment' ? kind : 'other'
}
