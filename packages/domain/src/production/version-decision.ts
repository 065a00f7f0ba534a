// Approving a version or asking for a retake is a status comment on the version's task. Which
// status each decision posts is read from the project's status flags (as Kitsu does), never
// from names, so a project that renamed or reordered its statuses keeps working.
import { canActOnTask, type ProjectAccess, type TaskScope } from './production-access'
import { type BoardRole, canSetStatus, type StatusFlags } from './task-status'

export type VersionDecisionKind = 'approve' | 'retake'

/** The facts of a status the decision needs: its flags, board column and order. */
export interface DecisionStatus extends StatusFlags {
  id: string
  boardRole: BoardRole
  position: number
}

/**
 * The status a decision posts, among the statuses the caller may see: for `approve` the first
 * done status in the approved board column, else the first done status; for `retake` the first
 * retake status. Undefined when the project has none.
 */
export function decisionStatus<S extends DecisionStatus>(
  statuses: readonly S[],
  kind: VersionDecisionKind,
): S | undefined {
  const ordered = [...statuses].sort((a, b) => a.position - b.position)
  switch (kind) {
    case 'approve':
      return ordered.find((s) => s.isDone && s.boardRole === 'approved') ?? ordered.find((s) => s.isDone)
    case 'retake':
      return ordered.find((s) => s.isRetake)
  }
}

/** Whether the caller may post this decision's status on a task: the status comment's own rules. */
export function canDecideOnVersion(access: ProjectAccess, task: TaskScope, status: StatusFlags | undefined): boolean {
  return status !== undefined && !access.archived && canSetStatus(access.role, status) && canActOnTask(access, task)
}

/**
 * The text of a retake comment: the note, led by the frame it is about for video (frames as
 * the viewer counts them, from the version's first frame).
 */
export function retakeCommentText(note: string, frame: number | undefined): string {
  const text = note.trim()
  return frame === undefined ? text : `Frame ${frame}: ${text}`
}
