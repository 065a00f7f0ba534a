import type { DatabaseHandle } from '../../dialect/dialect-factory'
import { createProgressChartQueries } from './progress-charts.queries'
import { createResourceChartQueries } from './resource-charts.queries'
import { createStudioSummaryQueries } from './studio-summary.queries'

export type { ChartFilter } from './dashboard-filter'
export * from './progress-charts.queries'
export * from './resource-charts.queries'
export * from './studio-summary.queries'

/** Every dashboard query over one database. */
export function createDashboardQueries(handle: Pick<DatabaseHandle, 'db' | 'engine'>) {
  return {
    progress: createProgressChartQueries(handle.db),
    resources: createResourceChartQueries(handle),
    studio: createStudioSummaryQueries(handle.db),
  }
}
export type DashboardQueries = ReturnType<typeof createDashboardQueries>
