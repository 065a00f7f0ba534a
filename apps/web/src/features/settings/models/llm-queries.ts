// Query keys and calls of Settings → Models, all through the typed client built from the
// contracts (responses are parsed with their zod schemas there).
import { llmRoutes, projectRoutes } from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi } from '../../../api/api-context'

export const llmKeys = {
  all: ['llm'] as const,
  deployments: ['llm', 'deployments'] as const,
  prices: ['llm', 'prices'] as const,
  budgets: (month: string) => ['llm', 'budgets', month] as const,
  spend: (groupBy: 'day' | 'model', from: string) => ['llm', 'spend', groupBy, from] as const,
  projects: ['projects', 'list'] as const,
}

export function useDeployments() {
  const api = useApi()
  return useQuery({
    queryKey: llmKeys.deployments,
    queryFn: async () => (await api.call(llmRoutes.listLlmDeployments)).items,
  })
}

export function usePrices() {
  const api = useApi()
  return useQuery({ queryKey: llmKeys.prices, queryFn: () => api.call(llmRoutes.listLlmPrices) })
}

export function useBudgets(month: string) {
  const api = useApi()
  return useQuery({
    queryKey: llmKeys.budgets(month),
    queryFn: async () => (await api.call(llmRoutes.listLlmBudgets, { query: { month } })).items,
  })
}

/** Projects the caller belongs to (budgets are per project). */
export function useProjectList() {
  const api = useApi()
  return useQuery({
    queryKey: llmKeys.projects,
    queryFn: async () => (await api.call(projectRoutes.listProjects)).items,
  })
}

/** Spend since `from` (ISO), grouped for a chart. */
export function useSpend(groupBy: 'day' | 'model', from: string) {
  const api = useApi()
  return useQuery({
    queryKey: llmKeys.spend(groupBy, from),
    queryFn: () => api.call(llmRoutes.aggregateLlmUsage, { query: { groupBy, from } }),
  })
}

/** Everything under `llm` may change after a write (prices feed deployments, calls feed spend). */
export function useInvalidateLlm() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: llmKeys.all })
}

export function useTestCall() {
  const api = useApi()
  const invalidate = useInvalidateLlm()
  return useMutation({
    mutationFn: (id: string) => api.call(llmRoutes.testLlmDeployment, { params: { id }, body: {} }),
    onSettled: () => invalidate(),
  })
}
