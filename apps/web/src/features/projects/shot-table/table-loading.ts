// Loads the shot grid's table in two steps so a 10,000-shot project shows rows at once: the
// first page of the paged list (a few milliseconds on the server) goes into the cache as a
// partial table, then the compact whole-project table replaces it. The paged list alone is
// the whole table when the project fits in one page. Refetches (edits, live events) keep the
// cached table on screen and swap in the compact table when it has arrived.
import { appendTask, emptyShotTable, productionRoutes, type ShotRow, type ShotTable } from '@aipipeline/contracts'
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { ApiClient } from '../../../api/api-client'

/**
 * The cached table. `partial` is set while only the first page is in: how many shots the
 * project has in all. Edits and reorders spread the table, so the marker survives them.
 */
export type GridTable = ShotTable & { partial?: { total: number } }

/** Shots in the first page: a few screens of rows, cheap enough to arrive before anything else. */
export const FIRST_PAGE = 100

/** Column arrays of paged shot rows, in the shape of the compact table. */
export function tableOfRows(rows: readonly ShotRow[]): ShotTable {
  const table = emptyShotTable()
  const { shots: s, tasks: t } = table
  rows.forEach((row, at) => {
    s.id.push(row.id)
    s.sequenceId.push(row.sequenceId)
    s.code.push(row.code)
    s.orderKey.push(row.orderKey)
    s.description.push(row.description)
    s.frameIn.push(row.frameIn)
    s.frameOut.push(row.frameOut)
    s.thumbnailVersionId.push(row.thumbnailVersionId)
    s.customFields.push(row.customFields)
    for (const task of row.tasks) appendTask(t, at, task)
  })
  return table
}

interface LoadInput {
  api: ApiClient
  client: QueryClient
  queryKey: QueryKey
  projectId: string
  signal: AbortSignal
}

/** The query function of the shot table: first page into the cache, then the whole table. */
export async function loadShotTable({ api, client, queryKey, projectId, signal }: LoadInput): Promise<GridTable> {
  const whole = () => api.call(productionRoutes.shotTable, { params: { projectId }, signal })
  if (client.getQueryData(queryKey) !== undefined) return whole()
  // The first page goes alone: the server's database reads are synchronous, so the big read
  // running alongside would hold the first rows back.
  const page = await api.call(productionRoutes.listShots, {
    params: { projectId },
    query: { limit: FIRST_PAGE, sort: 'order', groupBy: 'sequence' },
    signal,
  })
  const first = tableOfRows(page.items)
  if (page.nextCursor === null) return first
  const total = (page.groups ?? []).reduce((n, g) => n + g.count, 0)
  // Cached data during a fetch is what a cancel (an edit sending its batch) reverts to, so
  // an edit made now lands on these rows and its refetch reads the whole table.
  client.setQueryData<GridTable>(queryKey, { ...first, partial: { total } })
  return whole()
}
