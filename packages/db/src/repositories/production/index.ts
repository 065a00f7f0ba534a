// Production repositories, bundled so a service can run several in one transaction.
import type { Db } from '../../dialect/dialect-factory'
import { createActivityRepository } from './activity.repository'
import { createDepartmentRepository } from './department.repository'
import { createProjectRepository } from './project.repository'
import { createProjectConfigRepository } from './project-config.repository'
import { createShotRepository } from './shot.repository'
import { createShotBreakdownRepository } from './shot-breakdown.repository'
import { createShotListQueries } from './shot-list.queries'
import { createShotTableViewRepository } from './shot-table-view.repository'
import { createTaskRepository } from './task.repository'

export * from './activity.repository'
export * from './department.repository'
export * from './production-records'
export * from './project.repository'
export * from './project-config.repository'
export * from './project-seed'
export * from './shot.repository'
export * from './shot-breakdown.repository'
export * from './shot-list.queries'
export * from './shot-table-view.repository'
export * from './task.repository'

/** All production repositories over one connection or transaction. */
export function createProductionRepositories(db: Db) {
  return {
    projects: createProjectRepository(db),
    config: createProjectConfigRepository(db),
    shots: createShotRepository(db),
    lists: createShotListQueries(db),
    tasks: createTaskRepository(db),
    activity: createActivityRepository(db),
    departments: createDepartmentRepository(db),
    breakdownLinks: createShotBreakdownRepository(db),
    tableViews: createShotTableViewRepository(db),
  }
}
export type ProductionRepositories = ReturnType<typeof createProductionRepositories>

/** Runs `work` with repositories bound to one transaction: all of it commits, or none. */
export async function inProductionTransaction<T>(
  db: Db,
  work: (repos: ProductionRepositories) => Promise<T>,
): Promise<T> {
  return db.transaction().execute((trx) => work(createProductionRepositories(trx)))
}
