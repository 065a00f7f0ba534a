import { describe, expect, it } from 'vitest'
import { deleteView, loadSavedViews, savedViewsKey, saveView } from './saved-views'
import { DEFAULT_VIEW, type TableView } from './table-model'

function memory() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map }
}

const storm: TableView = {
  filter: { search: 'storm', sequenceIds: ['q2'], taskTypeId: 'key', statusIds: ['wip'], assigneeIds: [] },
  sort: { key: 'field:lens_mm', desc: true },
  groupBy: 'status:key',
}

describe('saved filters', () => {
  it('keeps views per user and project, sorted by name, replacing one of the same name', () => {
    const storage = memory()
    const key = savedViewsKey('u1', 'p1')
    saveView(storage, key, 'Storm WIP', storm)
    saveView(storage, key, 'All', DEFAULT_VIEW)
    const list = saveView(storage, key, 'Storm WIP', { ...storm, groupBy: 'none' })
    expect(list.map((v) => v.name)).toEqual(['All', 'Storm WIP'])
    expect(loadSavedViews(storage, key)[1]?.view.groupBy).toBe('none')
    expect(loadSavedViews(storage, savedViewsKey('u2', 'p1'))).toEqual([])
  })

  it('drops malformed entries instead of applying half a view', () => {
    const storage = memory()
    storage.setItem('k', JSON.stringify([{ name: 'ok', view: storm }, { name: 'bad', view: { filter: 1 } }, 'x']))
    expect(loadSavedViews(storage, 'k').map((v) => v.name)).toEqual(['ok'])
    storage.setItem('k', '{not json')
    expect(loadSavedViews(storage, 'k')).toEqual([])
  })

  it('deletes a view by name', () => {
    const storage = memory()
    saveView(storage, 'k', 'a', storm)
    expect(deleteView(storage, 'k', 'a')).toEqual([])
  })
})
