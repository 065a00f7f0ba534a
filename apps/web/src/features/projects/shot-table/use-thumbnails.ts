// Thumbnails for the rows in view. The table names each shot's thumbnail version, but no
// route returns a version by id (reported as missing), so for shots scrolled into view we
// read their tasks until the version turns up, then fetch its thumbnail file. Only visible
// rows are looked up, a few at a time, each version once per visit.
import { productionRoutes, type ShotTable } from '@aipipeline/contracts'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useApi } from '../../../api/api-context'
import { fetchAuthed, versionFilePath } from '../authed-file'
import type { TaskIndex } from './table-model'

const PARALLEL = 3

/** Blob URLs of thumbnails by version id, and a callback for the rows now in view. */
export function useThumbnails(table: ShotTable | undefined, index: TaskIndex | undefined) {
  const api = useApi()
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map())
  const requested = useRef(new Set<string>())
  const queue = useRef<{ versionId: string; shot: number }[]>([])
  const running = useRef(0)
  const created = useRef<string[]>([])

  useEffect(
    () => () => {
      for (const url of created.current) URL.revokeObjectURL(url)
    },
    [],
  )

  const load = useCallback(
    async (versionId: string, shot: number) => {
      if (!table || !index) return
      const taskIds: string[] = []
      for (const column of index.taskOf.values()) {
        const t = column[shot] ?? -1
        if (t >= 0) taskIds.push(table.tasks.id[t] ?? '')
      }
      for (const taskId of taskIds) {
        const task = await api.call(productionRoutes.getTask, { params: { taskId } })
        const version = task.versions.find((v) => v.id === versionId)
        if (!version) continue
        const file = version.files.find((f) => f.id === version.thumbnailFileId) ?? version.files[0]
        if (!file) return
        const url = URL.createObjectURL(await fetchAuthed(api, versionFilePath(file.id)))
        created.current.push(url)
        setUrls((prev) => new Map(prev).set(versionId, url))
        return
      }
    },
    [api, table, index],
  )

  const pump = useCallback(() => {
    while (running.current < PARALLEL) {
      const next = queue.current.shift()
      if (!next) return
      running.current++
      load(next.versionId, next.shot)
        .catch(() => {
          // A missing or hidden file leaves the cell empty; the shot page shows the details.
        })
        .finally(() => {
          running.current--
          pump()
        })
    }
  }, [load])

  const onVisibleShots = useCallback(
    (shots: readonly number[]) => {
      if (!table) return
      for (const shot of shots) {
        const versionId = table.shots.thumbnailVersionId[shot]
        if (!versionId || requested.current.has(versionId)) continue
        requested.current.add(versionId)
        queue.current.push({ versionId, shot })
      }
      pump()
    },
    [table, pump],
  )

  const thumbnail = useCallback((versionId: string) => urls.get(versionId) ?? null, [urls])
  return useMemo(() => ({ thumbnail, onVisibleShots }), [thumbnail, onVisibleShots])
}
