// Thumbnails for the rows in view. The table names each shot's thumbnail version; for shots
// scrolled into view we read that version and fetch its thumbnail file. Only visible rows are
// looked up, a few at a time, each version once per visit. When the table is re-read (a new
// version arrived live, say) the rows last in view are looked at again, so a shot that just
// got its first version shows it without a scroll or a reload.
import { productionRoutes, type ShotTable } from '@aipipeline/contracts'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useApi } from '../../../api/api-context'
import { fetchAuthed, revokeLater, versionFilePath } from '../authed-file'

const PARALLEL = 3

/** Blob URLs of thumbnails by version id, and a callback for the rows now in view. */
export function useThumbnails(table: ShotTable | undefined, approved: readonly (string | null)[] = []) {
  const api = useApi()
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map())
  const requested = useRef(new Set<string>())
  const queue = useRef<string[]>([])
  const running = useRef(0)
  const created = useRef<string[]>([])
  const lastVisible = useRef<readonly number[]>([])

  useEffect(
    () => () => {
      // The grid's image loader may still be reading some of them.
      for (const url of created.current) revokeLater(url)
    },
    [],
  )

  const load = useCallback(
    async (versionId: string) => {
      const version = await api.call(productionRoutes.getVersion, { params: { versionId } })
      const file =
        version.files.find((f) => f.id === version.thumbnailFileId) ??
        (version.kind === 'image' ? version.files.find((f) => f.role === 'output') : undefined)
      if (!file) return
      const url = URL.createObjectURL(await fetchAuthed(api, versionFilePath(file.id)))
      created.current.push(url)
      setUrls((prev) => new Map(prev).set(versionId, url))
    },
    [api],
  )

  const pump = useCallback(() => {
    while (running.current < PARALLEL) {
      const next = queue.current.shift()
      if (next === undefined) return
      running.current++
      load(next)
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
      lastVisible.current = shots
      if (!table) return
      for (const shot of shots) {
        const versionId = approved[shot] ?? table.shots.thumbnailVersionId[shot]
        if (!versionId || requested.current.has(versionId)) continue
        requested.current.add(versionId)
        queue.current.push(versionId)
      }
      pump()
    },
    [table, approved, pump],
  )

  // A re-read table may name new thumbnails for rows already in view.
  useEffect(() => {
    onVisibleShots(lastVisible.current)
  }, [onVisibleShots])

  const thumbnail = useCallback((versionId: string) => urls.get(versionId) ?? null, [urls])
  return useMemo(() => ({ thumbnail, onVisibleShots }), [thumbnail, onVisibleShots])
}
