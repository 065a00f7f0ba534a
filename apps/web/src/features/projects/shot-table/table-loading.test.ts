import type { ShotRow, ShotTable } from '@aipipeline/contracts'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { ApiClient } from '../../../api/api-client'
import { FIRST_PAGE, type GridTable, loadShotTable, tableOfRows } from './table-loading'
import { indexTasks, taskAt } from './table-model'
import { sampleTable } from './test-table'

const PROJECT = '0190a0a0-0000-7000-8000-000000000001'

function row(n: number, tasks: ShotRow['tasks'] = []): ShotRow {
  return {
    id: `s${n}`,
    sequenceId: 'q1',
    code: `SH${String(n * 10).padStart(4, '0')}`,
    orderKey: `k${String(n).padStart(5, '0')}`,
    description: `shot ${n}`,
    frameIn: 1001,
    frameOut: 1001 + n,
    duration: n + 1,
    thumbnailVersionId: null,
    customFields: n % 2 === 0 ? { lens_mm: 35 } : {},
    updatedAt: '2025-01-01T00:00:00.000Z',
    tasks,
  }
}

function task(id: string, taskTypeId: string): ShotRow['tasks'][number] {
  return { id, taskTypeId, statusId: 'wip', assigneeIds: ['ann'], priority: 0, dueDate: null, retakeCount: 0 }
}

/** A fake studio answering the first page and the compact table; records the paths asked. */
function fakeStudio(opts: { pageRows: ShotRow[]; more: boolean; total: number; whole: ShotTable }) {
  const asked: string[] = []
  let release: () => void = () => {}
  const wholeHeld = new Promise<void>((r) => {
    release = r
  })
  const api = new ApiClient({
    fetch: async (input) => {
      const url = new URL(String(input), 'http://studio.test')
      asked.push(`${url.pathname}${url.search}`)
      if (url.pathname.endsWith('/shot-table')) {
        await wholeHeld
        return Response.json(opts.whole)
      }
      return Response.json({
        items: opts.pageRows,
        nextCursor: opts.more ? 'next' : null,
        groups: [
          { sequenceId: 'q1', count: opts.total - 1 },
          { sequenceId: 'q2', count: 1 },
        ],
      })
    },
  })
  return { api, asked, release }
}

describe('loading the shot table', () => {
  it('turns paged rows into the compact column arrays, tasks pointing at their shot', () => {
    const table = tableOfRows([row(1, [task('t1', 'key'), task('t2', 'anim')]), row(2), row(3, [task('t3', 'key')])])
    expect(table.shots.id).toEqual(['s1', 's2', 's3'])
    expect(table.shots.customFields).toEqual([{}, { lens_mm: 35 }, {}])
    expect(table.tasks.shot).toEqual([0, 0, 2])
    const index = indexTasks(table)
    expect(taskAt(index, 'key', 2)).toBe(2)
    expect(taskAt(index, 'anim', 0)).toBe(1)
    expect(taskAt(index, 'anim', 1)).toBe(-1)
  })

  it('shows the first page as a partial table at once, then swaps in the whole table', async () => {
    const client = new QueryClient()
    const queryKey = ['project', PROJECT, 'shot-table']
    const whole = sampleTable()
    const studio = fakeStudio({ pageRows: [row(1), row(2)], more: true, total: 5, whole })
    const loading = client.fetchQuery({
      queryKey,
      queryFn: ({ signal }) => loadShotTable({ api: studio.api, client, queryKey, projectId: PROJECT, signal }),
    })
    await expect.poll(() => client.getQueryData<GridTable>(queryKey)?.shots.id).toEqual(['s1', 's2'])
    expect(client.getQueryData<GridTable>(queryKey)?.partial).toEqual({ total: 5 })
    expect(studio.asked[0]).toBe(
      `/api/projects/${PROJECT}/shots?limit=${FIRST_PAGE}&sort=order&desc=false&groupBy=sequence`,
    )
    studio.release()
    const done = await loading
    expect(done.partial).toBeUndefined()
    expect(done.shots.id).toEqual(whole.shots.id)
    expect(studio.asked).toEqual([studio.asked[0], `/api/projects/${PROJECT}/shot-table`])
  })

  it('takes a project that fits in the first page from that page alone', async () => {
    const client = new QueryClient()
    const queryKey = ['project', PROJECT, 'shot-table']
    const studio = fakeStudio({ pageRows: [row(1), row(2)], more: false, total: 2, whole: sampleTable() })
    const done = await client.fetchQuery({
      queryKey,
      queryFn: ({ signal }) => loadShotTable({ api: studio.api, client, queryKey, projectId: PROJECT, signal }),
    })
    expect(done.shots.id).toEqual(['s1', 's2'])
    expect(done.partial).toBeUndefined()
    expect(studio.asked).toHaveLength(1)
  })

  it('refetches straight from the whole table, keeping the cached one meanwhile', async () => {
    const client = new QueryClient()
    const queryKey = ['project', PROJECT, 'shot-table']
    const cached = tableOfRows([row(1)])
    client.setQueryData(queryKey, cached)
    const studio = fakeStudio({ pageRows: [], more: false, total: 0, whole: sampleTable() })
    studio.release()
    const done = await loadShotTable({
      api: studio.api,
      client,
      queryKey,
      projectId: PROJECT,
      signal: new AbortController().signal,
    })
    expect(done.shots.id).toHaveLength(5)
    expect(studio.asked).toEqual([`/api/projects/${PROJECT}/shot-table`])
  })
})
