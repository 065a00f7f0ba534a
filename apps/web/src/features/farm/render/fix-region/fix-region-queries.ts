// The Fix region submit: store the painted mask as a render input (PNG, base64), then derive
// the render from the version; and the words for what can go wrong on the way.
import { versionDeriveRoutes } from '@aipipeline/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useApi } from '../../../../api/api-context'
import { ApiError } from '../../../../api/api-error'
import { apiErrorText } from '../../../../api/error-text'
import { bytesToBase64 } from '../../../../components/media/mask-editor/mask-png'
import { farmKeys } from '../../farm-queries'
import { deriveRequest, type FixRegionDraft } from './fix-region-plan'

export interface FixRegionSubmit {
  draft: FixRegionDraft
  source: { prompt: string | null; negativePrompt: string | null }
  /** Inpaint: the mask PNG as exported by the editor. */
  maskPng: Uint8Array | null
}

/** Upload (inpaint) then derive; resolves to the render group the farm made. */
export function useFixRegion(projectId: string, versionId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ draft, source, maskPng }: FixRegionSubmit) => {
      let maskInputId: string | null = null
      if (draft.mode === 'inpaint' && maskPng !== null) {
        const input = await api.call(versionDeriveRoutes.uploadRenderInput, {
          params: { projectId },
          body: { kind: 'mask', contentBase64: bytesToBase64(maskPng) },
        })
        maskInputId = input.id
      }
      return api.call(versionDeriveRoutes.deriveRender, {
        params: { versionId },
        body: deriveRequest(draft, source, maskInputId),
      })
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: farmKeys.jobs }),
  })
}

/** A Fix region error in the user's language; refusals and limits get a sentence of their own. */
export function fixRegionErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.failure.kind === 'http') {
    switch (error.status) {
      case 403:
        return t('fixRegion.errors.forbidden')
      case 404:
        return t('fixRegion.errors.notFound')
      case 413:
        return t('fixRegion.errors.tooLarge')
      case 415:
        return t('fixRegion.errors.unsupported')
      case 422:
        return t('fixRegion.errors.rejected')
    }
  }
  return apiErrorText(error, t)
}
