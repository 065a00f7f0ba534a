// The names activity sentences need, from what the page already holds: the project (statuses
// named in the UI language, task types), its members, the shots and tasks in view and the
// comments loaded with them. Anything not in view falls back to the formatter's neutral words.
import type { ActivityNames } from '@aipipeline/domain'

export interface NameSources {
  project:
    | { statuses: readonly { id: string; name: string }[]; taskTypes: readonly { id: string; name: string }[] }
    | undefined
  members: readonly { userId: string; displayName: string }[]
  shots: readonly { id: string; code: string }[]
  tasks: readonly { id: string; shotId: string; taskTypeId: string }[]
  comments?: readonly { id: string; text: string }[]
}

/** Id → name lookups over the page's data. */
export function activityNames(src: NameSources): ActivityNames {
  const users = new Map(src.members.map((m) => [m.userId, m.displayName]))
  const shots = new Map(src.shots.map((s) => [s.id, s.code]))
  const types = new Map((src.project?.taskTypes ?? []).map((t) => [t.id, t.name]))
  const tasks = new Map(src.tasks.map((t) => [t.id, { shotId: t.shotId, typeName: types.get(t.taskTypeId) }]))
  const statuses = new Map((src.project?.statuses ?? []).map((s) => [s.id, s.name]))
  const comments = new Map((src.comments ?? []).map((c) => [c.id, c.text]))
  return {
    user: (id) => users.get(id),
    shot: (id) => shots.get(id),
    task: (id) => tasks.get(id),
    status: (id) => statuses.get(id),
    comment: (id) => comments.get(id),
  }
}
