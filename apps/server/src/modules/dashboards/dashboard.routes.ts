// HTTP routes of the dashboards; each handler is one service call.
import { dashboardRoutes as r } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { TokenService } from '../auth'
import type { ProjectDashboardService } from './project-dashboard.service'
import type { StudioDashboardService } from './studio-dashboard.service'

/** Registers the project charts, the drill-down and the studio summary. */
export function registerDashboardRoutes(
  app: FastifyInstance,
  tokens: TokenService,
  project: ProjectDashboardService,
  studio: StudioDashboardService,
): void {
  bindRoute(app, tokens, r.dashboardStatus, ({ principal, params, query }) =>
    project.status(principal, params.projectId, query),
  )
  bindRoute(app, tokens, r.dashboardBurnUp, ({ principal, params, query }) =>
    project.burnUp(principal, params.projectId, query),
  )
  bindRoute(app, tokens, r.dashboardRetakes, ({ principal, params, query }) =>
    project.retakes(principal, params.projectId, query),
  )
  bindRoute(app, tokens, r.dashboardWorkload, ({ principal, params, query }) =>
    project.workload(principal, params.projectId, query),
  )
  bindRoute(app, tokens, r.dashboardFarm, ({ principal, params, query }) =>
    project.farm(principal, params.projectId, query),
  )
  bindRoute(app, tokens, r.dashboardLlm, ({ principal, params, query }) =>
    project.llm(principal, params.projectId, query),
  )
  bindRoute(app, tokens, r.dashboardShots, ({ principal, params, query }) =>
    project.shots(principal, params.projectId, query),
  )
  bindRoute(app, tokens, r.studioDashboard, ({ principal, query }) => studio.summary(principal, query))
}
