// Loads, once per request, the caller's access and the project configuration every
// visibility decision needs (statuses, custom fields, task types).
import type { CustomFieldRecord, ProductionRepositories, StatusRecord, TaskTypeRecord } from '@aipipeline/db'
import type { ProjectAccess } from '@aipipeline/domain'
import type { Principal } from '../auth'
import type { ProductionAccessService } from './production-access.service'
import { type Visibility, visibilityFor } from './production-visibility'

export interface ProjectView {
  access: ProjectAccess
  v: Visibility
  statuses: StatusRecord[]
  fields: CustomFieldRecord[]
  taskTypes: TaskTypeRecord[]
}

/** Resolves access (NotFound for non-members, unless `resolved` is given) and the project's configuration in parallel. */
export async function loadProjectView(
  repos: ProductionRepositories,
  accessService: ProductionAccessService,
  principal: Principal,
  projectId: string,
  /** Access resolved elsewhere (a review guest, who is no member); skips the membership read. */
  resolved?: ProjectAccess,
): Promise<ProjectView> {
  const access = resolved ?? (await accessService.resolve(principal, projectId))
  const [statuses, fields, taskTypes] = await Promise.all([
    repos.projects.statuses(projectId),
    repos.projects.customFields(projectId),
    repos.projects.taskTypes(projectId),
  ])
  return { access, v: visibilityFor(access, statuses, fields, taskTypes), statuses, fields, taskTypes }
}
