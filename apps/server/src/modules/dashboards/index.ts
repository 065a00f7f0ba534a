// The dashboards module: project charts and the studio summary over set-based queries. It
// reads production and farm tables directly (read-only) and asks production for access.
import { createDashboardQueries, createProjectRepository, type DatabaseHandle } from '@aipipeline/db'
import type { ProjectAccess } from '@aipipeline/domain'
import type { FastifyInstance } from 'fastify'
import type { Principal, TokenService } from '../auth'
import { registerDashboardRoutes } from './dashboard.routes'
import { createProjectDashboardService } from './project-dashboard.service'
import { createStudioDashboardService } from './studio-dashboard.service'

export interface DashboardModuleDeps {
  database: DatabaseHandle
  tokens: TokenService
  /** Production's access resolution (membership and project role). */
  access: {
    resolve(principal: Principal, projectId: string): Promise<ProjectAccess>
    projectsOf(principal: Principal): Promise<ProjectAccess[] | undefined>
  }
  now?: () => Date
}

/** Builds the dashboard services and registers their routes. */
export function registerDashboardModule(app: FastifyInstance, deps: DashboardModuleDeps) {
  const queries = createDashboardQueries(deps.database)
  const projects = createProjectRepository(deps.database.db)
  const project = createProjectDashboardService({
    queries,
    resolve: deps.access.resolve,
    findProject: (id) => projects.findById(id),
    now: deps.now ?? (() => new Date()),
  })
  const studio = createStudioDashboardService({
    queries,
    listProjects: () => projects.list(),
    projectsOf: deps.access.projectsOf,
  })
  registerDashboardRoutes(app, deps.tokens, project, studio)
  return { project, studio }
}
