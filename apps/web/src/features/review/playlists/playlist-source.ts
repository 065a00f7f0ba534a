// What the create dialog's choices mean as a create request: which source, and what each
// source still needs before it can be sent (the server would refuse it otherwise).
import type { CreatePlaylistRequest, PlaylistAudience, PlaylistSource } from '@aipipeline/contracts'
import type { z } from 'zod'

export const SOURCE_KINDS = ['tasks', 'latestForReview', 'cut', 'view', 'empty'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export interface PlaylistForm {
  name: string
  audience: PlaylistAudience
  source: SourceKind
  taskTypeId: string | null
  sequenceId: string | null
  viewId: string | null
  versionChoice: 'latest' | 'approved'
}

/** What is missing before the form can be sent. */
export type FormGap = 'name' | 'taskType' | 'view' | 'tasks'

export type FormOutcome = { ok: true; body: z.input<typeof CreatePlaylistRequest> } | { ok: false; gap: FormGap }

/** Whether a source needs a task type (the cut, a saved view and a table selection do). */
export function needsTaskType(source: SourceKind): boolean {
  return source === 'cut' || source === 'view' || source === 'tasks'
}

/** The day's date as YYYY-MM-DD in the browser's time zone, for a new playlist's default name. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * The create request for the form, or the first thing it lacks. `selectedTasks` answers the
 * table selection's tasks of a task type (only the `tasks` source asks).
 */
export function playlistRequest(form: PlaylistForm, selectedTasks: (taskTypeId: string) => string[]): FormOutcome {
  const name = form.name.trim()
  if (name === '') return { ok: false, gap: 'name' }
  if (needsTaskType(form.source) && form.taskTypeId === null) return { ok: false, gap: 'taskType' }
  const source = sourceOf(form, selectedTasks)
  if (!source.ok) return source
  return { ok: true, body: { name, audience: form.audience, source: source.value, versionChoice: form.versionChoice } }
}

function sourceOf(
  form: PlaylistForm,
  selectedTasks: (taskTypeId: string) => string[],
): { ok: true; value: PlaylistSource } | { ok: false; gap: FormGap } {
  const taskTypeId = form.taskTypeId ?? ''
  const sequence = form.sequenceId === null ? {} : { sequenceId: form.sequenceId }
  switch (form.source) {
    case 'empty':
      return { ok: true, value: { kind: 'empty' } }
    case 'latestForReview':
      return {
        ok: true,
        value: { kind: 'latestForReview', ...(form.taskTypeId === null ? {} : { taskTypeId }), ...sequence },
      }
    case 'cut':
      return { ok: true, value: { kind: 'cut', taskTypeId, ...sequence } }
    case 'view':
      return form.viewId === null
        ? { ok: false, gap: 'view' }
        : { ok: true, value: { kind: 'view', viewId: form.viewId, taskTypeId } }
    case 'tasks': {
      const taskIds = selectedTasks(taskTypeId)
      return taskIds.length === 0 ? { ok: false, gap: 'tasks' } : { ok: true, value: { kind: 'tasks', taskIds } }
    }
  }
}
