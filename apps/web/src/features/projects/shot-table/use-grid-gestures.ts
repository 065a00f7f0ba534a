// Gestures of the shot grid that write outside a cell: dragging a row to a new place in the
// edit (one move request with an optimistic order key) and the undo/redo keyboard shortcuts.
import { productionRoutes } from '@aipipeline/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect } from 'react'
import { useApi } from '../../../api/api-context'
import { projectKeys } from '../project-queries'
import { afterShotFor, optimisticKey } from './reorder'
import type { GridTable } from './table-loading'
import type { DisplayRow } from './table-model'
import type { ShotEdits } from './use-shot-edits'

/** The row-drag handler: moves the dragged shot after its new neighbour in editorial order. */
export function useRowMove(input: {
  projectId: string
  table: GridTable
  rows: readonly DisplayRow[]
  fail: (error: unknown) => void
}) {
  const { projectId, table, rows, fail } = input
  const api = useApi()
  const queryClient = useQueryClient()
  return useCallback(
    (from: number, to: number) => {
      const moved = rows[from]
      if (moved?.kind !== 'shot') return
      const shotId = table.shots.id[moved.shot] ?? ''
      const without = rows.filter((_, i) => i !== from)
      const targetIndex = without.slice(0, to).filter((r) => r.kind === 'shot').length
      const visible = rows.flatMap((r) => (r.kind === 'shot' ? [table.shots.id[r.shot] ?? ''] : []))
      const order = table.shots.id
        .map((id, i) => ({ id, key: table.shots.orderKey[i] ?? '' }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      const afterShotId = afterShotFor(
        visible,
        order.map((o) => o.id),
        shotId,
        targetIndex,
      )
      const afterKey = afterShotId === null ? null : (order.find((o) => o.id === afterShotId)?.key ?? null)
      const key = optimisticKey(
        order.filter((o) => o.id !== shotId).map((o) => o.key),
        afterKey,
      )
      const tableKey = projectKeys.table(projectId)
      queryClient.setQueryData<GridTable>(tableKey, (cur) => {
        if (!cur) return cur
        const orderKey = [...cur.shots.orderKey]
        orderKey[moved.shot] = key
        return { ...cur, shots: { ...cur.shots, orderKey } }
      })
      api
        .call(productionRoutes.moveShot, { params: { shotId }, body: { afterShotId } })
        .catch(fail)
        .finally(() => void queryClient.invalidateQueries({ queryKey: tableKey }))
    },
    [rows, table, api, projectId, queryClient, fail],
  )
}

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere on the page except inside text fields. */
export function useUndoKeys(edits: ShotEdits, fail: (error: unknown) => void) {
  // Text fields keep their own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const key = e.key.toLowerCase()
      if (key !== 'z' && key !== 'y') return
      const target = e.target
      if (target instanceof HTMLElement && target.closest('input, textarea, [contenteditable="true"]')) {
        if (!target.closest('[data-testid="shot-grid"]')) return
      }
      e.preventDefault()
      const redo = key === 'y' || e.shiftKey
      ;(redo ? edits.redo() : edits.undo()).catch(fail)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [edits, fail])
}
