// Live farm state for the page: its own socket joined to the `farm` room while the page is
// mounted, every event parsed with its contract, backends and jobs patched in the query cache,
// and progress (with preview images, throttled by the server) kept per job.
import type { FarmBackend, RenderJob, ServerEvent } from '@aipipeline/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useApi, useSession } from '../../api/api-context'
import { onServerEvent, openRealtime } from '../../api/realtime'
import { applyBackendEvent, applyJobEvent } from './farm-live-state'
import { farmKeys } from './farm-queries'

export interface LiveProgress {
  /** 0..100 */
  overall: number
  step: number | null
  max: number | null
  /** Latest preview image (data URL), kept until a newer one arrives. */
  preview: string | null
}

export type QueueCounts = ServerEvent<'farm:queue'>

/** Subscribes to the farm room; returns live progress per job and the latest queue counts. */
export function useFarmLive(): { progress: Record<string, LiveProgress>; queue: QueueCounts | null } {
  const api = useApi()
  const userId = useSession()?.user.id
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<Record<string, LiveProgress>>({})
  const [queue, setQueue] = useState<QueueCounts | null>(null)

  useEffect(() => {
    if (userId === undefined) return
    // The app's shared socket offers no room joins to features, so the page holds its own.
    const socket = openRealtime(api, () => {})
    socket.on('connect', () => {
      socket.emit('room:join', { room: 'farm' }, () => {})
    })
    const offs = [
      onServerEvent(socket, 'farm:backend', (e) => {
        let refetch = false
        queryClient.setQueryData<FarmBackend[]>(farmKeys.backends, (list) => {
          if (!list) return list
          const applied = applyBackendEvent(list, e)
          refetch = applied.refetch
          return applied.list
        })
        if (refetch) void queryClient.invalidateQueries({ queryKey: farmKeys.backends })
      }),
      onServerEvent(socket, 'farm:job', (e) => {
        let refetch = false
        queryClient.setQueryData<RenderJob[]>(farmKeys.jobs, (list) => {
          if (!list) return list
          const applied = applyJobEvent(list, e)
          refetch = applied.refetch
          return applied.list
        })
        if (refetch) void queryClient.invalidateQueries({ queryKey: farmKeys.jobs })
        void queryClient.invalidateQueries({ queryKey: farmKeys.job(e.jobId) })
        if (e.state === 'queued') setProgress(({ [e.jobId]: _dropped, ...rest }) => rest)
      }),
      onServerEvent(socket, 'farm:job-progress', (e) => {
        setProgress((all) => ({
          ...all,
          [e.jobId]: {
            overall: e.overall,
            step: e.step,
            max: e.max,
            preview: e.preview ?? all[e.jobId]?.preview ?? null,
          },
        }))
      }),
      onServerEvent(socket, 'farm:queue', setQueue),
      // The job's outputs became versions: its page links them.
      onServerEvent(socket, 'farm:job-versions', (e) => {
        void queryClient.invalidateQueries({ queryKey: farmKeys.job(e.jobId) })
      }),
    ]
    return () => {
      for (const off of offs) off()
      socket.disconnect()
    }
  }, [api, userId, queryClient])

  return { progress, queue }
}
