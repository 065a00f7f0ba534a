// Who may cancel, reprioritise or retry a render job. Shared by the server (which enforces
// it) and the web (which shows the buttons only to those who may use them).
import type { Role } from '../auth/role'

/**
 * The submitter, or a manager or admin. `role` is the caller's role in the job's project
 * (their global role for a job without one).
 */
export function canSteerRenderJob(actor: { role: Role; userId: string }, job: { submittedBy: string | null }): boolean {
  return actor.role === 'admin' || actor.role === 'manager' || job.submittedBy === actor.userId
}
