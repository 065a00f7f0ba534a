// Sends shot table edits as batches (shot fields with an optimistic update of the cached
// table; task statuses and assignees through the batch comment and assign routes), and keeps
// the undo/redo history: undo sends the recorded inverse change, redo the forward change.
import { productionRoutes } from '@aipipeline/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { useApi } from '../../../api/api-context'
import { projectKeys } from '../project-queries'
import {
  type EditHistory,
  EMPTY_HISTORY,
  type HistoryEntry,
  isEmptyChange,
  recordEdit,
  type TableChange,
  takeRedo,
  takeUndo,
} from './edit-history'
import type { ShotUpdate } from './paste-plan'
import { applyPatches } from './shot-columns'
import type { GridTable } from './table-loading'

export interface ShotEdits {
  /** Sends one user action; resolves once the server has it (rejects with its error). */
  apply: (entry: HistoryEntry) => Promise<void>
  undo: () => Promise<void>
  redo: () => Promise<void>
  canUndo: boolean
  canRedo: boolean
  /** Cells of the entry the next undo reverts. */
  undoCells: number
}

/** Batch edits, undo and redo for one project's shot table. */
export function useShotEdits(projectId: string): ShotEdits {
  const api = useApi()
  const queryClient = useQueryClient()
  const [history, setHistory] = useState<EditHistory>(EMPTY_HISTORY)
  // Keyboard shortcuts can fire faster than React re-renders; read the newest history here.
  const latest = useRef(history)
  latest.current = history

  const sendShots = useCallback(
    async (updates: ShotUpdate[]) => {
      const key = projectKeys.table(projectId)
      await queryClient.cancelQueries({ queryKey: key })
      queryClient.setQueryData<GridTable>(key, (t) => (t ? applyPatches(t, updates) : t))
      await api.call(productionRoutes.batchUpdateShots, { params: { projectId }, body: { updates } })
    },
    [api, projectId, queryClient],
  )

  const send = useCallback(
    async (change: TableChange) => {
      const params = { projectId }
      try {
        switch (change.kind) {
          case 'shots':
            await sendShots(change.updates)
            break
          case 'statuses':
            // A status changes by a comment (the server's one write path for status).
            for (const g of change.groups)
              await api.call(productionRoutes.batchComment, {
                params,
                body: { taskIds: g.taskIds, statusId: g.statusId },
              })
            break
          case 'assignees':
            for (const g of change.groups)
              await api.call(productionRoutes.batchAssign, {
                params,
                body: { taskIds: g.taskIds, userIds: g.userIds, mode: 'set' },
              })
            break
        }
      } finally {
        // On success the events refetch too; on failure this puts the server's truth back.
        void queryClient.invalidateQueries({ queryKey: projectKeys.table(projectId) })
      }
    },
    [api, projectId, queryClient, sendShots],
  )

  const update = useCallback((next: EditHistory) => {
    latest.current = next
    setHistory(next)
  }, [])

  const apply = useCallback(
    async (entry: HistoryEntry) => {
      if (isEmptyChange(entry.forward)) return
      await send(entry.forward)
      update(recordEdit(latest.current, entry))
    },
    [send, update],
  )

  const undo = useCallback(async () => {
    const step = takeUndo(latest.current)
    if (!step) return
    update(step.history)
    try {
      await send(step.entry.inverse)
    } catch (error) {
      update(recordEdit(step.history, step.entry))
      throw error
    }
  }, [send, update])

  const redo = useCallback(async () => {
    const step = takeRedo(latest.current)
    if (!step) return
    update(step.history)
    try {
      await send(step.entry.forward)
    } catch (error) {
      const back = takeUndo(step.history)
      if (back) update(back.history)
      throw error
    }
  }, [send, update])

  return {
    apply,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    undoCells: history.past.at(-1)?.cells ?? 0,
  }
}
