// Reads and edits of the breakdown pages: a character's or asset's page with its shots, a
// shot's cast and assets. Keys sit under the project's breakdown key, so the realtime
// refetch of the breakdown refreshes them too.
import {
  type CreateAssetRequest,
  type CreateCharacterRequest,
  type PutShotBreakdownRequest,
  productionRoutes,
  type UpdateAssetRequest,
  type UpdateCharacterRequest,
} from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { projectKeys } from '../project-queries'

export const breakdownKeys = {
  character: (projectId: string, id: string) => [...projectKeys.breakdown(projectId), 'character', id] as const,
  asset: (projectId: string, id: string) => [...projectKeys.breakdown(projectId), 'asset', id] as const,
  shot: (shotId: string) => [...projectKeys.shot(shotId), 'breakdown'] as const,
}

export function useCharacter(projectId: string, characterId: string) {
  const api = useApi()
  return useQuery({
    queryKey: breakdownKeys.character(projectId, characterId),
    queryFn: () => api.call(productionRoutes.getCharacter, { params: { projectId, characterId } }),
  })
}

export function useAsset(projectId: string, assetId: string) {
  const api = useApi()
  return useQuery({
    queryKey: breakdownKeys.asset(projectId, assetId),
    queryFn: () => api.call(productionRoutes.getAsset, { params: { projectId, assetId } }),
  })
}

export function useShotBreakdown(shotId: string) {
  const api = useApi()
  return useQuery({
    queryKey: breakdownKeys.shot(shotId),
    queryFn: () => api.call(productionRoutes.getShotBreakdown, { params: { shotId } }),
  })
}

/** Edits of characters, assets and a shot's links; each refreshes the breakdown it changed. */
export function useBreakdownEdits(projectId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  const settle = () => void queryClient.invalidateQueries({ queryKey: projectKeys.breakdown(projectId) })
  const updateCharacter = useMutation({
    mutationFn: (input: { id: string; body: z.input<typeof UpdateCharacterRequest> }) =>
      api.call(productionRoutes.updateCharacter, {
        params: { projectId, characterId: input.id },
        body: input.body,
      }),
    onSuccess: settle,
  })
  const updateAsset = useMutation({
    mutationFn: (input: { id: string; body: z.input<typeof UpdateAssetRequest> }) =>
      api.call(productionRoutes.updateAsset, { params: { projectId, assetId: input.id }, body: input.body }),
    onSuccess: settle,
  })
  const setShotLinks = useMutation({
    mutationFn: (input: { shotId: string; body: PutShotBreakdownRequest }) =>
      api.call(productionRoutes.putShotBreakdown, { params: { shotId: input.shotId }, body: input.body }),
    onSuccess: (data, input) => {
      queryClient.setQueryData(breakdownKeys.shot(input.shotId), data)
      settle()
    },
  })
  const createCharacter = useMutation({
    mutationFn: (body: z.input<typeof CreateCharacterRequest>) =>
      api.call(productionRoutes.createCharacter, { params: { projectId }, body }),
    onSuccess: settle,
  })
  const createAsset = useMutation({
    mutationFn: (body: z.input<typeof CreateAssetRequest>) =>
      api.call(productionRoutes.createAsset, { params: { projectId }, body }),
    onSuccess: settle,
  })
  const deleteCharacter = useMutation({
    mutationFn: (characterId: string) =>
      api.callNoContent(productionRoutes.deleteCharacter, { params: { projectId, characterId } }),
    onSuccess: settle,
  })
  const deleteAsset = useMutation({
    mutationFn: (assetId: string) =>
      api.callNoContent(productionRoutes.deleteAsset, { params: { projectId, assetId } }),
    onSuccess: settle,
  })
  return { updateCharacter, updateAsset, setShotLinks, createCharacter, createAsset, deleteCharacter, deleteAsset }
}
