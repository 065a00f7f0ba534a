// The version a render starts from, loaded with the caller's right to render on its task: the
// same rules as rendering the task (non-members get NotFound, clients and vendors never, artists
// on tasks they may act on), and the version's output file.
import type { ProductionRepositories, VersionFileRecord, VersionRecord } from '@aipipeline/db'
import { canActOnTask, Forbidden, isOutsider, NotFound, type ProjectAccess } from '@aipipeline/domain'
import type { Principal } from '../../auth'
import type { ProjectAccessResolver } from '../render-job-access'
import { DeriveRuleViolation } from './render-input-file'

export interface VersionSourceDeps {
  repos: Pick<ProductionRepositories, 'projects' | 'shots' | 'tasks'>
  projects: ProjectAccessResolver
}

export interface VersionSource {
  version: VersionRecord
  access: ProjectAccess
  taskId: string
  taskTypeName: string
  shotId: string
  shotCode: string
  /** The version's rendered or uploaded file (not its thumbnail or sidecar). */
  file: VersionFileRecord
}

/** The output file of a version; 422 naming `field` when it has none. */
export async function outputFileOf(
  repos: Pick<ProductionRepositories, 'tasks'>,
  versionId: string,
  field: string,
): Promise<VersionFileRecord> {
  const file = (await repos.tasks.versionFiles([versionId])).find((f) => f.role === 'output')
  if (file === undefined) throw new DeriveRuleViolation(field, `version ${versionId} has no output file`)
  return file
}

export function createVersionSource(deps: VersionSourceDeps) {
  return {
    /** The version with the caller's access; NotFound, Forbidden as rendering its task. */
    async load(principal: Principal, versionId: string): Promise<VersionSource> {
      const version = await deps.repos.tasks.findVersion(versionId)
      if (version === undefined) throw new NotFound('version', versionId)
      const access = await deps.projects.resolve(principal, version.projectId)
      if (isOutsider(access)) throw new Forbidden('not allowed: rendering is for the studio team')
      const task = await deps.repos.tasks.findById(version.taskId)
      if (task === undefined) throw new NotFound('version', versionId)
      const [types, assignees, shot] = await Promise.all([
        deps.repos.projects.taskTypes(version.projectId),
        deps.repos.tasks.assigneesOf([task.id]),
        deps.repos.shots.findById(task.shotId),
      ])
      if (shot === undefined) throw new NotFound('version', versionId)
      const type = types.find((t) => t.id === task.taskTypeId)
      const may = canActOnTask(access, {
        assigneeIds: assignees.get(task.id) ?? [],
        department: type?.department ?? null,
      })
      if (!may)
        throw new Forbidden(`not allowed: render task ${task.id} (not assigned to you or outside your department)`)
      const file = await outputFileOf(deps.repos, versionId, 'params.versionId')
      return {
        version,
        access,
        taskId: task.id,
        taskTypeName: type?.name ?? '',
        shotId: shot.id,
        shotCode: shot.code,
        file,
      }
    },

    /** Another version of the same project (a control image); NotFound naming it otherwise. */
    async sameProject(projectId: string, versionId: string): Promise<VersionRecord> {
      const version = await deps.repos.tasks.findVersion(versionId)
      if (version === undefined || version.projectId !== projectId) throw new NotFound('version', versionId)
      return version
    },
  }
}
export type VersionSourceLoader = ReturnType<typeof createVersionSource>
