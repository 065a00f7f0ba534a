// Query keys and calls of the Farm page, all through the typed client built from the contracts.
import { farmRoutes } from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi } from '../../api/api-context'

export const farmKeys = {
  backends: ['farm', 'backends'] as const,
  jobs: ['farm', 'jobs'] as const,
  job: (id: string) => ['farm', 'job', id] as const,
  templates: ['farm', 'templates'] as const,
}

/** Backends with state and load; refetched now and then for GPU metrics (events carry no metrics). */
export function useBackends() {
  const api = useApi()
  return useQuery({
    queryKey: farmKeys.backends,
    queryFn: async () => (await api.call(farmRoutes.listFarmBackends)).items,
    refetchInterval: 10_000,
  })
}

/** The newest 200 jobs; realtime events keep them current in between. */
export function useJobs() {
  const api = useApi()
  return useQuery({
    queryKey: farmKeys.jobs,
    queryFn: async () => (await api.call(farmRoutes.listRenderJobs, { query: { limit: 200 } })).items,
    refetchInterval: 30_000,
  })
}

export function useJob(id: string) {
  const api = useApi()
  return useQuery({ queryKey: farmKeys.job(id), queryFn: () => api.call(farmRoutes.getRenderJob, { params: { id } }) })
}

export function useTemplates(enabled: boolean) {
  const api = useApi()
  return useQuery({
    queryKey: farmKeys.templates,
    queryFn: async () => (await api.call(farmRoutes.listWorkflowTemplates)).items,
    enabled,
  })
}

/** Cancel, retry and reprioritise; each refreshes the queue and the job. */
export function useJobActions() {
  const api = useApi()
  const queryClient = useQueryClient()
  const settle = (id: string) => {
    void queryClient.invalidateQueries({ queryKey: farmKeys.jobs })
    void queryClient.invalidateQueries({ queryKey: farmKeys.job(id) })
  }
  const cancel = useMutation({
    mutationFn: (id: string) => api.call(farmRoutes.cancelRenderJob, { params: { id } }),
    onSettled: (_d, _e, id) => settle(id),
  })
  const retry = useMutation({
    mutationFn: (id: string) => api.call(farmRoutes.retryRenderJob, { params: { id } }),
    onSettled: (_d, _e, id) => settle(id),
  })
  const priority = useMutation({
    mutationFn: (input: { id: string; priority: number }) =>
      api.call(farmRoutes.updateRenderJob, { params: { id: input.id }, body: { priority: input.priority } }),
    onSettled: (_d, _e, input) => settle(input.id),
  })
  return { cancel, retry, priority }
}
