// Which review items are chosen for creation. A shot belongs to a sequence: choosing a shot
// whose sequence is new also chooses the sequence, and dropping a new sequence drops its
// shots, so the apply call never asks for a shot without a place to go. Unchanged items
// are already in the project and cannot be chosen.
import type { AnalysisDiffItem, DiffItemKind } from '@aipipeline/contracts'

export type Selection = ReadonlySet<string>

export function isChoosable(item: AnalysisDiffItem): boolean {
  return item.action !== 'unchanged'
}

/** Everything new or changed starts chosen. */
export function initialSelection(items: readonly AnalysisDiffItem[]): Selection {
  return new Set(items.filter(isChoosable).map((i) => i.key))
}

/** The selection after the user (un)checks `key`. */
export function toggle(
  selection: Selection,
  items: readonly AnalysisDiffItem[],
  key: string,
  checked: boolean,
): Selection {
  const byKey = new Map(items.map((i) => [i.key, i]))
  const item = byKey.get(key)
  if (!item || !isChoosable(item)) return selection
  const next = new Set(selection)
  if (checked) {
    next.add(key)
    const parent = item.parentKey ? byKey.get(item.parentKey) : undefined
    if (parent && parent.action === 'create') next.add(parent.key)
  } else {
    next.delete(key)
    if (item.kind === 'sequence' && item.action === 'create') {
      for (const child of items) if (child.parentKey === key) next.delete(child.key)
    }
  }
  return next
}

/** Sets every choosable item of `kind` on or off, keeping shots and their sequences consistent. */
export function toggleKind(
  selection: Selection,
  items: readonly AnalysisDiffItem[],
  kind: DiffItemKind,
  checked: boolean,
): Selection {
  let next = selection
  for (const item of items) if (item.kind === kind) next = toggle(next, items, item.key, checked)
  return next
}

export interface SceneGroup {
  sequence: AnalysisDiffItem | null
  shots: AnalysisDiffItem[]
}

/** Sequences with their shots, in the analysis order; shots of an unknown sequence last. */
export function scenesOf(items: readonly AnalysisDiffItem[]): SceneGroup[] {
  const groups = new Map<string, SceneGroup>()
  for (const item of items) {
    if (item.kind === 'sequence') groups.set(item.key, { sequence: item, shots: groups.get(item.key)?.shots ?? [] })
  }
  const orphans: AnalysisDiffItem[] = []
  for (const item of items) {
    if (item.kind !== 'shot') continue
    const group = item.parentKey ? groups.get(item.parentKey) : undefined
    if (group) group.shots.push(item)
    else orphans.push(item)
  }
  const out = [...groups.values()]
  if (orphans.length > 0) out.push({ sequence: null, shots: orphans })
  return out
}

/** How many chosen items of each kind (for the apply button). */
export function countChosen(selection: Selection, items: readonly AnalysisDiffItem[]): Record<DiffItemKind, number> {
  const counts: Record<DiffItemKind, number> = { sequence: 0, shot: 0, character: 0, asset: 0 }
  for (const item of items) if (selection.has(item.key)) counts[item.kind] += 1
  return counts
}
