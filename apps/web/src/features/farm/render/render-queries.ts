// Calls of the Render dialog and the group page, through the typed client built from the
// contracts, and the group's live state: farm events for its jobs refetch the group (at most
// twice a second) and progress events move each job's bar in between.
import { farmRoutes, type RenderPreviewRequest } from '@aipipeline/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { useApi, useSession } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { apiErrorText } from '../../../api/error-text'
import { onServerEvent, openRealtime } from '../../../api/realtime'

export const renderKeys = {
  preview: (projectId: string, input: RenderPreviewRequest) => ['render', 'preview', projectId, input] as const,
  group: (groupId: string) => ['render', 'group', groupId] as const,
}

/** Each task's final prompt for the template (refetched when the tasks or template change). */
export function useRenderPreview(projectId: string, input: RenderPreviewRequest | null) {
  const api = useApi()
  return useQuery({
    queryKey: renderKeys.preview(projectId, input ?? { taskIds: [], templateId: '' }),
    queryFn: () => api.call(farmRoutes.previewShotRender, { params: { projectId }, body: input ?? undefined }),
    enabled: input !== null && input.taskIds.length > 0,
    staleTime: 30_000,
  })
}

export function useRenderGroup(groupId: string) {
  const api = useApi()
  return useQuery({
    queryKey: renderKeys.group(groupId),
    queryFn: () => api.call(farmRoutes.getRenderGroup, { params: { groupId } }),
  })
}

const REFETCH_MS = 500

/** Live progress (0..100) per job of the group; job state events refetch the group. */
export function useRenderGroupLive(groupId: string, jobIds: readonly string[]): Record<string, number> {
  const api = useApi()
  const userId = useSession()?.user.id
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<Record<string, number>>({})
  const ids = useRef(new Set<string>())
  ids.current = new Set(jobIds)

  useEffect(() => {
    if (userId === undefined) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const refetch = () => {
      if (timer !== undefined) return
      timer = setTimeout(() => {
        timer = undefined
        void queryClient.invalidateQueries({ queryKey: renderKeys.group(groupId) })
      }, REFETCH_MS)
    }
    const socket = openRealtime(api, () => {})
    socket.on('connect', () => {
      socket.emit('room:join', { room: 'farm' }, () => {})
      // Events missed while connecting are caught up by one fetch.
      refetch()
    })
    const offs = [
      onServerEvent(socket, 'farm:job', (e) => {
        if (ids.current.has(e.jobId)) refetch()
      }),
      onServerEvent(socket, 'farm:job-progress', (e) => {
        if (ids.current.has(e.jobId)) setProgress((all) => ({ ...all, [e.jobId]: e.overall }))
      }),
    ]
    return () => {
      clearTimeout(timer)
      for (const off of offs) off()
      socket.disconnect()
    }
  }, [api, userId, queryClient, groupId])

  return progress
}

/** A render error in the user's language: refusals and missing things get a sentence of their own. */
export function renderErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.failure.kind === 'http') {
    if (error.status === 403) return t('render.errors.forbidden')
    if (error.status === 404) return t('render.errors.notFound')
  }
  return apiErrorText(error, t)
}
