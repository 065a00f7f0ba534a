// Background upkeep for sign-in: expired refresh tokens are deleted daily so the table only
// holds sessions that could still be used.
import { isoNow, type RefreshTokenRepository } from '@aipipeline/db'
import { z } from 'zod'
import type { JobHandlerRegistry, JobQueue } from '../../jobs'

export const PURGE_EXPIRED_SESSIONS = 'auth.purge-expired-sessions'
const PURGE_SCHEDULE_ID = 'auth.purge-expired-sessions.daily'

/** Registers the auth module's job handlers. */
export function registerAuthJobs(jobs: JobHandlerRegistry, refreshTokens: RefreshTokenRepository): void {
  jobs.registerJobHandler(PURGE_EXPIRED_SESSIONS, z.object({}).strict(), async (job) => {
    const deleted = await refreshTokens.deleteExpired(isoNow())
    await job.updateProgress(100, `deleted ${deleted} expired refresh tokens`)
    return { deleted }
  })
}

/** Schedules the daily purge (idempotent: re-scheduling replaces the schedule). */
export async function scheduleAuthJobs(queue: JobQueue): Promise<void> {
  await queue.schedule(PURGE_SCHEDULE_ID, '17 3 * * *', PURGE_EXPIRED_SESSIONS, {})
}
