// Reads of the dashboards through the typed client; one query per chart so each loads (and
// shows its skeleton) on its own.
import { type DashboardFilterQuery, dashboardRoutes } from '@aipipeline/contracts'
import { useQuery } from '@tanstack/react-query'
import type { ApiClient } from '../../api/api-client'
import { useApi } from '../../api/api-context'

/** One chart's data for the project and filter; `chart` names it in the query key. */
export function useChart<T>(
  projectId: string,
  chart: string,
  filter: DashboardFilterQuery,
  fetch: (api: ApiClient, query: DashboardFilterQuery) => Promise<T>,
) {
  const api = useApi()
  return useQuery({
    queryKey: ['project', projectId, 'dashboard', chart, filter],
    queryFn: () => fetch(api, filter),
  })
}

/** The studio summary across the projects the caller manages. */
export function useStudioDashboard() {
  const api = useApi()
  return useQuery({
    queryKey: ['studio-dashboard'],
    queryFn: () => api.call(dashboardRoutes.studioDashboard, { query: {} }),
  })
}
