// Query keys and reads of the Projects area, all through the typed client built from the
// route contracts. The shot grid reads its first page, then the compact whole-project table.
import { type Project, productionRoutes } from '@aipipeline/contracts'
import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { type GridTable, loadShotTable } from './shot-table/table-loading'
import { defaultStatusRole } from './status-name'

export const projectKeys = {
  list: ['projects'] as const,
  project: (id: string) => ['project', id] as const,
  members: (id: string) => ['project', id, 'members'] as const,
  breakdown: (id: string) => ['project', id, 'breakdown'] as const,
  table: (id: string) => ['project', id, 'shot-table'] as const,
  latestVersions: (id: string) => ['project', id, 'latest-versions'] as const,
  activity: (id: string, shotId: string) => ['project', id, 'activity', shotId] as const,
  shot: (shotId: string) => ['shot', shotId] as const,
  task: (taskId: string) => ['task', taskId] as const,
  version: (versionId: string) => ['version', versionId] as const,
  notifications: ['notifications'] as const,
}

/** Projects the caller belongs to; archived ones only when asked. */
export function useProjects(includeArchived = false) {
  const api = useApi()
  return useQuery({
    queryKey: [...projectKeys.list, includeArchived ? 'with-archived' : 'active'],
    queryFn: async () =>
      (
        await api.call(productionRoutes.listProjects, {
          query: { includeArchived: includeArchived ? 'true' : 'false' },
        })
      ).items,
  })
}

/** Settings, statuses (default ones named in the UI language), task types and custom fields. */
export function useProject(projectId: string, options: { enabled?: boolean } = {}) {
  const api = useApi()
  const { t, i18n } = useTranslation()
  // The language is what changes the names; t alone is stable across a switch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: i18n.language re-runs select on a switch
  const select = useCallback(
    (p: Project): Project => ({
      ...p,
      statuses: p.statuses.map((s) => {
        const role = defaultStatusRole(s)
        return role ? { ...s, name: t(`projects.statuses.${role}`) } : s
      }),
    }),
    [t, i18n.language],
  )
  return useQuery({
    queryKey: projectKeys.project(projectId),
    queryFn: () => api.call(productionRoutes.getProject, { params: { projectId } }),
    select,
    enabled: options.enabled ?? true,
  })
}

/** The team, for names, assignee pickers and mentions. */
export function useMembers(projectId: string) {
  const api = useApi()
  return useQuery({
    queryKey: projectKeys.members(projectId),
    queryFn: async () => (await api.call(productionRoutes.listMembers, { params: { projectId } })).items,
    staleTime: 60_000,
  })
}

/** Sequences (in editorial order), characters and assets. */
export function useBreakdown(projectId: string) {
  const api = useApi()
  return useQuery({
    queryKey: projectKeys.breakdown(projectId),
    queryFn: () => api.call(productionRoutes.getBreakdown, { params: { projectId } }),
  })
}

/** Every visible shot and task as column arrays (first rows early); realtime events refetch it. */
export function useShotTable(projectId: string) {
  const api = useApi()
  return useQuery<GridTable>({
    queryKey: projectKeys.table(projectId),
    queryFn: ({ client, queryKey, signal }) => loadShotTable({ api, client, queryKey, projectId, signal }),
    // Every refetch brings a new table the memos recompute from anyway; comparing 10,000
    // shots' arrays deeply to keep unchanged ones would only cost time.
    structuralSharing: false,
  })
}

/** One shot with its task summaries and CPE settings. */
export function useShot(shotId: string, options: { enabled?: boolean } = {}) {
  const api = useApi()
  return useQuery({
    queryKey: projectKeys.shot(shotId),
    queryFn: () => api.call(productionRoutes.getShot, { params: { shotId } }),
    enabled: options.enabled ?? true,
  })
}

/** A task with its visible comments and versions. */
export function useTask(taskId: string, options: { enabled?: boolean } = {}) {
  const api = useApi()
  return useQuery({
    queryKey: projectKeys.task(taskId),
    queryFn: () => api.call(productionRoutes.getTask, { params: { taskId } }),
    enabled: options.enabled ?? true,
    // A task hidden from the caller answers 404; asking again will not change that.
    retry: false,
  })
}

/** The activity log of one shot, newest first. */
export function useShotActivity(projectId: string, shotId: string) {
  const api = useApi()
  return useQuery({
    queryKey: projectKeys.activity(projectId, shotId),
    queryFn: async () =>
      (await api.call(productionRoutes.listActivity, { params: { projectId }, query: { shotId, limit: 100 } })).items,
  })
}

/** One version with its place in the project (for the detail panel and links from the farm). */
export function useVersion(versionId: string | null) {
  const api = useApi()
  return useQuery({
    queryKey: projectKeys.version(versionId ?? ''),
    queryFn: () => api.call(productionRoutes.getVersion, { params: { versionId: versionId ?? '' } }),
    enabled: versionId !== null,
    // A version hidden from the caller answers 404; asking again will not change that.
    retry: false,
  })
}

/** Each visible task's newest version, by task id (board cards). */
export function useLatestVersions(projectId: string) {
  const api = useApi()
  return useQuery({
    queryKey: projectKeys.latestVersions(projectId),
    queryFn: async () => {
      const { items } = await api.call(productionRoutes.latestVersions, { params: { projectId } })
      return new Map(items.map((v) => [v.taskId, v]))
    },
  })
}
