// Calls of the refine loop through the typed client built from the contracts: derive a render
// from a version, upload input images, run preprocessors and follow them, read a shot's lineage.
import {
  type ControlMap,
  type DeriveRenderRequest,
  type Preprocessor,
  type RenderInputKind,
  versionDecisionRoutes,
  versionDeriveRoutes,
} from '@aipipeline/contracts'
import { isTerminalJobState, RenderJobState } from '@aipipeline/domain'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi } from '../../api/api-context'
import { farmKeys } from '../farm/farm-queries'

export const refineKeys = {
  lineage: (shotId: string, versionCount: number) => ['refine', 'lineage', shotId, versionCount] as const,
  controlMaps: (versionId: string) => ['refine', 'control-maps', versionId] as const,
}

/** How often running preprocessor jobs are asked about (they take seconds, not minutes). */
const CONTROL_MAP_POLL_MS = 1000

/** Whether a control map's job is still on its way. */
export function controlMapRunning(map: Pick<ControlMap, 'state'>): boolean {
  const state = RenderJobState.safeParse(map.state)
  return state.success && !isTerminalJobState(state.data)
}

/**
 * A shot's versions as a lineage tree. Keyed by how many versions the shot page shows, so a
 * version arriving live (the page's task queries follow realtime events) refetches the tree.
 */
export function useVersionLineage(shotId: string, versionCount: number) {
  const api = useApi()
  return useQuery({
    queryKey: refineKeys.lineage(shotId, versionCount),
    placeholderData: (previous) => previous,
    queryFn: () => api.call(versionDecisionRoutes.getVersionLineage, { params: { shotId } }),
    retry: false,
  })
}

/** One job group rendering from a version. */
export function useDeriveRender(versionId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: DeriveRenderRequest) =>
      api.call(versionDeriveRoutes.deriveRender, { params: { versionId }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: farmKeys.jobs }),
  })
}

/** Stores an image, mask or control image for the project's renders. */
export function useUploadRenderInput(projectId: string) {
  const api = useApi()
  return useMutation({
    mutationFn: (input: { kind: RenderInputKind; contentBase64: string }) =>
      api.call(versionDeriveRoutes.uploadRenderInput, { params: { projectId }, body: input }),
  })
}

/** The control maps made from a version, polled while one of them is still running. */
export function useControlMaps(versionId: string | null) {
  const api = useApi()
  return useQuery({
    queryKey: refineKeys.controlMaps(versionId ?? ''),
    queryFn: async () =>
      (await api.call(versionDeriveRoutes.listControlMaps, { params: { versionId: versionId ?? '' } })).items,
    enabled: versionId !== null,
    retry: false,
    refetchInterval: (query) => (query.state.data?.some(controlMapRunning) ? CONTROL_MAP_POLL_MS : false),
  })
}

/** Runs a preprocessor on a version as a farm job; the list picks it up at once. */
export function useCreateControlMap(versionId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (preprocessor: Preprocessor) =>
      api.call(versionDeriveRoutes.createControlMap, { params: { versionId }, body: { preprocessor } }),
    onSuccess: (res) => {
      queryClient.setQueryData<ControlMap[]>(refineKeys.controlMaps(versionId), (maps) => [
        res.controlMap,
        ...(maps ?? []).filter((m) => m.jobId !== res.controlMap.jobId),
      ])
      void queryClient.invalidateQueries({ queryKey: refineKeys.controlMaps(versionId) })
    },
  })
}
