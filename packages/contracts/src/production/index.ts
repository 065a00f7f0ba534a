export * from './department.contract'
export * from './production-events.contract'
export * from './project.contract'
export * from './project-config.contract'
export * from './shot.contract'
export * from './shot-breakdown.contract'
export * from './shot-table-view.contract'
export * from './task.contract'
export * from './version-sidecar.contract'

import { versionDecisionRoutes } from '../farm/version-derive.contract'
import { departmentRoutes } from './department.contract'
import { projectRoutes } from './project.contract'
import { projectConfigRoutes } from './project-config.contract'
import { shotRoutes } from './shot.contract'
import { shotBreakdownRoutes } from './shot-breakdown.contract'
import { shotTableViewRoutes } from './shot-table-view.contract'
import { taskRoutes } from './task.contract'

/** Every production HTTP route. */
export const productionRoutes = {
  ...projectRoutes,
  ...departmentRoutes,
  ...projectConfigRoutes,
  ...shotRoutes,
  ...shotBreakdownRoutes,
  ...shotTableViewRoutes,
  ...taskRoutes,
  /** Lineage, approve and retake (their schemas live with the refine loop's contract). */
  ...versionDecisionRoutes,
}
