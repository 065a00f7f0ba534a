// Follows one render job to its end: realtime `farm:job-progress` and `farm:job` events on
// the job's room, with polling as the safety net (events sent before the join, a dropped socket).
import { FarmJobEvent, FarmJobProgressEvent, farmRoutes, type RenderJobDetail } from '@aipipeline/contracts'
import { isTerminalJobState } from '@aipipeline/domain'
import { io } from 'socket.io-client'
import type { StudioClient } from './studio-http.client'

export interface JobProgress {
  /** 0..100 */
  percent: number
  detail: string | null
}

/** Resolves with the job's detail once it succeeded, failed or was canceled (or is unschedulable). */
export async function watchJob(
  client: StudioClient,
  jobId: string,
  onProgress: (p: JobProgress) => void,
  pollMs = 1000,
): Promise<RenderJobDetail> {
  const socket = io(client.baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token: client.accessToken ?? '' },
    reconnectionDelayMax: 2000,
  })
  let wake: () => void = () => {}
  socket.on('connect', () => {
    socket.emit('room:join', { room: `job:${jobId}` }, () => {})
  })
  socket.on('farm:job-progress', (payload: unknown) => {
    const e = FarmJobProgressEvent.safeParse(payload)
    if (!e.success || e.data.jobId !== jobId) return
    const step = e.data.step !== null && e.data.max !== null ? `step ${e.data.step}/${e.data.max}` : null
    onProgress({ percent: e.data.overall, detail: step })
  })
  socket.on('farm:job', (payload: unknown) => {
    const e = FarmJobEvent.safeParse(payload)
    if (e.success && e.data.jobId === jobId && isTerminalJobState(e.data.state)) wake()
  })
  try {
    for (;;) {
      const job = await client.call(farmRoutes.getRenderJob, { params: { id: jobId } })
      if (isTerminalJobState(job.state) || job.state === 'unschedulable') return job
      if (job.state === 'running') onProgress({ percent: job.progress * 100, detail: null })
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  } finally {
    socket.disconnect()
  }
}
