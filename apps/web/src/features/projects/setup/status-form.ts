// The status editor as data: the fields a manager edits, and the request that sends only what
// changed. Clients see a status only when it is client-allowed, so the client board follows
// that flag (the server refuses a client column for a status clients may not see).
import type { CreateStatusRequest, TaskStatus, UpdateStatusRequest } from '@aipipeline/contracts'
import type { BoardRole, Role } from '@aipipeline/domain'
import type { z } from 'zod'

export const STATUS_FLAGS = [
  'isDefault',
  'isWip',
  'isFeedbackRequest',
  'isRetake',
  'isDone',
  'artistAllowed',
  'clientAllowed',
] as const
export type StatusFlag = (typeof STATUS_FLAGS)[number]

export interface StatusForm extends Record<StatusFlag, boolean> {
  name: string
  shortName: string
  color: string
  boardRole: BoardRole
  boardVisibleTo: Role[]
}

type Status = z.output<typeof TaskStatus>

/** A new status: a pending column, grey, no flags. */
export function newStatusForm(): StatusForm {
  return {
    name: '',
    shortName: '',
    color: '#888888',
    boardRole: 'pending',
    boardVisibleTo: [],
    ...(Object.fromEntries(STATUS_FLAGS.map((f) => [f, false])) as Record<StatusFlag, boolean>),
  }
}

/** The form of an existing status. */
export function statusForm(s: Status): StatusForm {
  return {
    name: s.name,
    shortName: s.shortName,
    color: s.color,
    boardRole: s.boardRole,
    boardVisibleTo: [...s.boardVisibleTo],
    ...(Object.fromEntries(STATUS_FLAGS.map((f) => [f, s[f]])) as Record<StatusFlag, boolean>),
  }
}

/** The client board follows client-allowed: shown to clients exactly when they may see it. */
function boardFor(form: StatusForm): Role[] {
  const others = form.boardVisibleTo.filter((r) => r !== 'client')
  return form.clientAllowed ? [...others, 'client'] : others
}

/** The create request (the server picks the board roles unless they were set). */
export function createStatusRequest(form: StatusForm): z.input<typeof CreateStatusRequest> {
  const { boardVisibleTo: _, ...rest } = form
  return { ...rest, name: form.name.trim(), shortName: form.shortName.trim() }
}

/** Only the fields that differ from `before`; undefined when nothing changed. */
export function updateStatusRequest(
  before: StatusForm,
  after: StatusForm,
): z.input<typeof UpdateStatusRequest> | undefined {
  const patch: Record<string, unknown> = {}
  for (const key of ['name', 'shortName', 'color', 'boardRole', ...STATUS_FLAGS] as const) {
    const trim = (v: string | boolean) => (typeof v === 'string' ? v.trim() : v)
    const value = trim(after[key])
    if (value !== trim(before[key])) patch[key] = value
  }
  if (after.clientAllowed !== before.clientAllowed) {
    const board = boardFor(after)
    if (board.join() !== before.boardVisibleTo.join()) patch.boardVisibleTo = board
  }
  return Object.keys(patch).length === 0 ? undefined : (patch as z.input<typeof UpdateStatusRequest>)
}

/** Problems the server would refuse, by field, as translation keys. */
export function statusFormProblems(form: StatusForm): Partial<Record<'name' | 'shortName' | 'color', string>> {
  const p: Partial<Record<'name' | 'shortName' | 'color', string>> = {}
  if (form.name.trim() === '' || form.name.trim().length > 60) p.name = 'required'
  if (form.shortName.trim() === '' || form.shortName.trim().length > 10) p.shortName = 'required'
  if (!/^#[0-9a-fA-F]{6}$/.test(form.color)) p.color = 'colour'
  return p
}
