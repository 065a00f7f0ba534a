// The studio dashboard: progress, farm use and LLM spend of every active project an admin
// sees, or of the projects a manager manages, one row per project.
import type { StudioDashboard } from '@aipipeline/contracts'
import type { DashboardQueries, ProjectRecord } from '@aipipeline/db'
import { canManageProject, type ProjectAccess } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'

export interface StudioDashboardDeps {
  queries: DashboardQueries
  /** Active projects of the studio. */
  listProjects(): Promise<ProjectRecord[]>
  /** The caller's access to each project they belong to; undefined for admins (every project). */
  projectsOf(principal: Principal): Promise<ProjectAccess[] | undefined>
}

export function createStudioDashboardService(deps: StudioDashboardDeps) {
  return {
    async summary(
      principal: Principal,
      range: { from?: string | undefined; to?: string | undefined },
    ): Promise<z.input<typeof StudioDashboard>> {
      const [projects, memberships] = await Promise.all([deps.listProjects(), deps.projectsOf(principal)])
      const managed =
        memberships === undefined
          ? projects
          : projects.filter((p) => memberships.some((a) => a.projectId === p.id && canManageProject(a)))
      const ids = managed.map((p) => p.id)
      const [progress, gpu, llm] = await Promise.all([
        deps.queries.studio.progressByProject(ids, range),
        deps.queries.resources.gpuSecondsByProject(ids, range),
        deps.queries.resources.llmMicrosByProject(ids, range),
      ])
      return {
        projects: managed.map((p) => {
          const row = progress.get(p.id)
          return {
            projectId: p.id,
            code: p.code,
            name: p.name,
            endDate: p.endDate,
            shots: row?.shots ?? 0,
            doneShots: row?.doneShots ?? 0,
            openTasks: row?.openTasks ?? 0,
            retakes: row?.retakes ?? 0,
            gpuHours: Math.round(((gpu.get(p.id) ?? 0) / 3600) * 100) / 100,
            llmMicros: llm.get(p.id) ?? 0,
          }
        }),
      }
    },
  }
}
export type StudioDashboardService = ReturnType<typeof createStudioDashboardService>
