// Calls of the farm's setup: register, edit, remove and test backends, their health history,
// and GPU agent tokens. Everything goes through the typed client built from the contracts.
import {
  type CreateFarmBackendRequest,
  farmAgentRoutes,
  farmRoutes,
  type UpdateFarmBackendRequest,
} from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi } from '../../../api/api-context'
import { farmKeys } from '../farm-queries'

export const setupKeys = {
  health: (id: string) => ['farm', 'backend-health', id] as const,
  agentTokens: ['farm', 'agent-tokens'] as const,
}

/** Register, edit, remove and test backends; each change refreshes the backend list. */
export function useBackendSetup() {
  const api = useApi()
  const queryClient = useQueryClient()
  const settle = () => void queryClient.invalidateQueries({ queryKey: farmKeys.backends })
  const create = useMutation({
    mutationFn: (body: CreateFarmBackendRequest) => api.call(farmRoutes.createFarmBackend, { body }),
    onSuccess: settle,
  })
  const update = useMutation({
    mutationFn: (input: { id: string; body: UpdateFarmBackendRequest }) =>
      api.call(farmRoutes.updateFarmBackend, { params: { id: input.id }, body: input.body }),
    onSuccess: settle,
  })
  const remove = useMutation({
    mutationFn: (id: string) => api.callNoContent(farmRoutes.deleteFarmBackend, { params: { id } }),
    onSuccess: settle,
  })
  const test = useMutation({
    mutationFn: (url: string) => api.call(farmRoutes.testFarmBackend, { body: { url } }),
  })
  return { create, update, remove, test }
}

/** The newest health entries of a backend, refreshed while shown. */
export function useBackendHealth(id: string, enabled: boolean) {
  const api = useApi()
  return useQuery({
    queryKey: setupKeys.health(id),
    queryFn: async () =>
      (await api.call(farmRoutes.getFarmBackendHealth, { params: { id }, query: { limit: 300 } })).items,
    enabled,
    refetchInterval: 15_000,
  })
}

/** Agent tokens (admins); issuing returns the secret once. */
export function useAgentTokens() {
  const api = useApi()
  const queryClient = useQueryClient()
  const settle = () => void queryClient.invalidateQueries({ queryKey: setupKeys.agentTokens })
  const list = useQuery({
    queryKey: setupKeys.agentTokens,
    queryFn: async () => (await api.call(farmAgentRoutes.listAgentTokens)).items,
  })
  const issue = useMutation({
    mutationFn: (name: string) => api.call(farmAgentRoutes.createAgentToken, { body: { name } }),
    onSuccess: settle,
  })
  const revoke = useMutation({
    mutationFn: (id: string) => api.call(farmAgentRoutes.revokeAgentToken, { params: { id } }),
    onSuccess: settle,
  })
  return { list, issue, revoke }
}
