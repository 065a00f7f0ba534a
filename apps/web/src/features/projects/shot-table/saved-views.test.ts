import { ShotTableViewSettings } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { fromSettings, toSettings, withWidth } from './saved-views'
import { DEFAULT_VIEW, type TableView } from './table-model'

const view: TableView = {
  filter: { search: 'storm', sequenceIds: ['q1'], taskTypeId: 'key', statusIds: ['wip'], assigneeIds: ['ann'] },
  sort: { key: 'field:lens_mm', desc: true },
  groupBy: 'status:key',
}

describe('saved views', () => {
  it('store the filter, sort, grouping and column widths in the shape the server accepts, and restore them', () => {
    const settings = toSettings(view, { description: 320 })
    expect(ShotTableViewSettings.parse(settings)).toEqual(settings)
    expect(fromSettings(settings)).toEqual({ view, widths: { description: 320 } })
    expect(fromSettings(toSettings(DEFAULT_VIEW, {}))).toEqual({ view: DEFAULT_VIEW, widths: {} })
  })

  it('keep dragged widths within what the server accepts', () => {
    expect(withWidth({}, 'code', 12.4)).toEqual({ code: 30 })
    expect(withWidth({ code: 30 }, 'code', 140.6)).toEqual({ code: 141 })
    expect(withWidth({}, 'description', 9000)).toEqual({ description: 2000 })
  })
})
