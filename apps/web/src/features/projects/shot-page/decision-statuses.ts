// Which decision statuses (approve, retake) the viewer may post on a task: the project's
// statuses with those flags, where the status rules let this viewer set them on this task
// (the same rules the server applies). The shot page and the review page ask the same.
import type { Project } from '@aipipeline/contracts'
import { canDecideOnVersion } from '@aipipeline/domain'
import { useSession } from '../../../api/api-context'
import { useMembers, useTask } from '../project-queries'
import { decisionStatusOf } from './compare-candidates'

/** The approve and retake statuses the viewer may set on the task (null: not theirs to set). */
export function useDecisionStatuses(project: Project, taskId: string) {
  const userId = useSession()?.user.id ?? ''
  const task = useTask(taskId).data
  const me = useMembers(project.id).data?.find((m) => m.userId === userId)
  if (!task) return { approve: null, retake: null }
  const access = {
    projectId: project.id,
    userId,
    role: project.myRole,
    departments: me?.departments ?? [],
    archived: project.archived,
  }
  const scope = {
    assigneeIds: task.assigneeIds,
    department: project.taskTypes.find((t) => t.id === task.taskTypeId)?.department ?? null,
  }
  const allowed = (kind: 'approve' | 'retake') => {
    const status = decisionStatusOf(project.statuses, kind)
    return status?.canSet === true && canDecideOnVersion(access, scope, status) ? status : null
  }
  return { approve: allowed('approve'), retake: allowed('retake') }
}
