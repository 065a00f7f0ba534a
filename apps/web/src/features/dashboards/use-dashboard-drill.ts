// The shot table opened from a dashboard chart: the drill in the URL names the shots behind a
// bar; they are fetched once and applied as the table's shot filter until the user clears it.
import { DashboardDrillQuery, dashboardRoutes } from '@aipipeline/contracts'
import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { useApi } from '../../api/api-context'

export type DrillSearch = z.input<typeof DashboardDrillQuery>

/** The drill from the URL's search when it parses, else undefined. */
export function parseDrillSearch(value: unknown): DrillSearch | undefined {
  const parsed = DashboardDrillQuery.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/** The shot ids behind the drill (undefined while loading or without a drill). */
export function useDrillShots(projectId: string, drill: DrillSearch | undefined) {
  const api = useApi()
  return useQuery({
    queryKey: ['project', projectId, 'dashboard-drill', drill],
    queryFn: async () =>
      new Set((await api.call(dashboardRoutes.dashboardShots, { params: { projectId }, query: drill })).shotIds),
    enabled: drill !== undefined,
  })
}
