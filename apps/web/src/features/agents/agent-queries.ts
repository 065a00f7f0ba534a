// Query keys and calls of the Agents page and the script import wizard, all through the
// typed client (responses parsed with the agents contracts).
import { agentRoutes, projectRoutes, type ScriptSource } from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi } from '../../api/api-context'
import { isActive } from './run-format'

export const agentKeys = {
  all: ['agents'] as const,
  runs: ['agents', 'runs'] as const,
  run: (id: string) => ['agents', 'run', id] as const,
  review: (id: string) => ['agents', 'review', id] as const,
  projects: ['projects', 'list'] as const,
}

/** Runs of the projects the caller manages; `enabled` false for roles the list refuses. */
export function useAgentRuns(enabled = true) {
  const api = useApi()
  return useQuery({
    enabled,
    queryKey: agentKeys.runs,
    queryFn: async () => (await api.call(agentRoutes.listAgentRuns, { query: { limit: 100 } })).items,
  })
}

export function useAgentRun(id: string) {
  const api = useApi()
  return useQuery({
    queryKey: agentKeys.run(id),
    queryFn: () => api.call(agentRoutes.getAgentRun, { params: { runId: id } }),
    // Events move an active run along; the poll covers events sent before this page joined
    // the project's room (a short run can finish between the first fetch and the join).
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? 2_000 : false),
  })
}

export function useProjectsForAgents() {
  const api = useApi()
  return useQuery({
    queryKey: agentKeys.projects,
    queryFn: async () => (await api.call(projectRoutes.listProjects)).items,
  })
}

/** Re-runs a failed step; the run and the list refresh (events keep them current after). */
export function useRetryStep() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { runId: string; stepId: string }) => api.call(agentRoutes.retryAgentStep, { params: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  })
}

export function usePreviewScript() {
  const api = useApi()
  return useMutation({ mutationFn: (body: ScriptSource) => api.call(agentRoutes.previewScript, { body }) })
}

export function useStartAnalysis() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ScriptSource) => api.call(agentRoutes.startScriptAnalysis, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.runs }),
  })
}

export function useAnalysisReview(runId: string | null) {
  const api = useApi()
  return useQuery({
    queryKey: agentKeys.review(runId ?? ''),
    queryFn: () => api.call(agentRoutes.reviewScriptAnalysis, { params: { runId: runId ?? '' } }),
    enabled: runId !== null,
  })
}

export function useApplyAnalysis(runId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (itemKeys: string[]) =>
      api.call(agentRoutes.applyScriptAnalysis, { params: { runId }, body: { itemKeys } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  })
}
