import { describe, expect, it } from 'vitest'
import { revisionTimeline } from './revision-timeline'

const template = {
  name: 'my still v2',
  revision: 3,
  builtIn: false,
  createdAt: '2026-05-01T09:00:00.000Z',
  updatedAt: '2026-05-03T09:00:00.000Z',
}

describe('the revision history of a template', () => {
  it('credits each revision to whoever replaced the one before it, newest first', () => {
    const timeline = revisionTimeline(template, [
      { revision: 2, name: 'my still v2', editedBy: 'user-kim', createdAt: '2026-05-03T09:00:00.000Z' },
      { revision: 1, name: 'my still', editedBy: 'user-lee', createdAt: '2026-05-02T09:00:00.000Z' },
    ])
    expect(timeline).toEqual([
      { revision: 3, name: 'my still v2', madeBy: 'user-kim', madeAt: '2026-05-03T09:00:00.000Z', current: true },
      { revision: 2, name: 'my still v2', madeBy: 'user-lee', madeAt: '2026-05-02T09:00:00.000Z', current: false },
      { revision: 1, name: 'my still', madeBy: null, madeAt: '2026-05-01T09:00:00.000Z', current: false },
    ])
  })

  it('credits a shipped template and library updates to the studio', () => {
    const shipped = { ...template, name: 'SDXL still', revision: 2, builtIn: true }
    const timeline = revisionTimeline(shipped, [
      { revision: 1, name: 'SDXL still', editedBy: null, createdAt: '2026-05-02T09:00:00.000Z' },
    ])
    expect(timeline.map((e) => [e.revision, e.madeBy])).toEqual([
      [2, 'studio'],
      [1, 'studio'],
    ])
  })

  it('shows a template never edited as its one current revision', () => {
    expect(revisionTimeline({ ...template, revision: 1 }, [])).toEqual([
      { revision: 1, name: 'my still v2', madeBy: null, madeAt: '2026-05-01T09:00:00.000Z', current: true },
    ])
  })
})
