// Saved filters of the shot table: named views (filter, sort, group) per user and project,
// kept in this browser's localStorage. Read back through zod, since storage is outside data.
import { z } from 'zod'
import { DEFAULT_VIEW, type TableView } from './table-model'

const SortKey = z.union([
  z.enum(['order', 'code', 'description', 'frameIn', 'frameOut', 'duration']),
  z.templateLiteral(['field:', z.string()]),
])
const GroupBy = z.union([z.enum(['none', 'sequence']), z.templateLiteral(['status:', z.string()])])
const View = z.object({
  filter: z.object({
    search: z.string(),
    sequenceIds: z.array(z.string()),
    taskTypeId: z.string().nullable(),
    statusIds: z.array(z.string()),
    assigneeIds: z.array(z.string()),
  }),
  sort: z.object({ key: SortKey, desc: z.boolean() }),
  groupBy: GroupBy,
})
const SavedView = z.object({ name: z.string().min(1), view: View })
export type SavedView = { name: string; view: TableView }

export interface ViewStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** The storage key of one user's views in one project. */
export function savedViewsKey(userId: string, projectId: string): string {
  return `aipipeline.shot-views.${userId}.${projectId}`
}

/** Reads the saved views; anything malformed is dropped rather than half-applied. */
export function loadSavedViews(storage: ViewStorage, key: string): SavedView[] {
  let raw: unknown
  try {
    raw = JSON.parse(storage.getItem(key) ?? '[]')
  } catch {
    return []
  }
  if (!Array.isArray(raw)) return []
  return raw.flatMap((item) => {
    const parsed = SavedView.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

/** Saves `view` under `name`, replacing a view of the same name; returns the new list. */
export function saveView(storage: ViewStorage, key: string, name: string, view: TableView): SavedView[] {
  const list = [...loadSavedViews(storage, key).filter((v) => v.name !== name), { name, view }]
  list.sort((a, b) => a.name.localeCompare(b.name))
  storage.setItem(key, JSON.stringify(list))
  return list
}

/** Deletes the view called `name`; returns the new list. */
export function deleteView(storage: ViewStorage, key: string, name: string): SavedView[] {
  const list = loadSavedViews(storage, key).filter((v) => v.name !== name)
  storage.setItem(key, JSON.stringify(list))
  return list
}

/** A view with every filter cleared, keeping nothing from the current one. */
export function resetView(): TableView {
  return DEFAULT_VIEW
}
