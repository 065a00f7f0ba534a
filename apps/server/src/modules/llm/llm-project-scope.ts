// Budgets and usage belong to projects: admins see and edit all of them, managers only
// those of projects they manage as members; anyone else is refused as on the production
// routes (a project they are not a member of does not exist for them).
import { canManageProject, Forbidden, type ProjectAccess } from '@aipipeline/domain'
import type { Principal } from '../auth'

/** The production module's project access, as the LLM settings need it. */
export interface ProjectMembership {
  /** Throws NotFound for non-members (admins see every project). */
  resolve(principal: Principal, projectId: string): Promise<ProjectAccess>
  /** The caller's access per project they belong to; undefined for admins. */
  projectsOf(principal: Principal): Promise<ProjectAccess[] | undefined>
}

export function createLlmProjectScope(projects: ProjectMembership) {
  return {
    /** Throws NotFound for non-members and Forbidden for members who do not manage the project. */
    async assertManages(principal: Principal, projectId: string): Promise<void> {
      if (!canManageProject(await projects.resolve(principal, projectId))) {
        throw new Forbidden(`not allowed: budgets and usage of project ${projectId} are for its managers`)
      }
    },

    /** Projects whose budgets and usage the caller may see; undefined = all (admins). */
    async managedProjectIds(principal: Principal): Promise<string[] | undefined> {
      const all = await projects.projectsOf(principal)
      return all?.filter(canManageProject).map((a) => a.projectId)
    },
  }
}
export type LlmProjectScope = ReturnType<typeof createLlmProjectScope>
