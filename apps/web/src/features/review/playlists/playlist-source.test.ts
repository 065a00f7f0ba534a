import { CreatePlaylistRequest } from '@aipipeline/contracts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localDay, type PlaylistForm, playlistRequest, SOURCE_KINDS } from './playlist-source'

const base: PlaylistForm = {
  name: 'Review 2026-12-08',
  audience: 'team',
  source: 'empty',
  taskTypeId: null,
  sequenceId: null,
  viewId: null,
  versionChoice: 'latest',
}
const noTasks = () => []

describe('the create dialog’s request', () => {
  it('asks for a name first', () => {
    expect(playlistRequest({ ...base, name: '   ' }, noTasks)).toEqual({ ok: false, gap: 'name' })
  })

  it('needs a task type for the cut, a saved view and a selection, not for the tasks waiting for review', () => {
    expect(playlistRequest({ ...base, source: 'cut' }, noTasks)).toEqual({ ok: false, gap: 'taskType' })
    expect(playlistRequest({ ...base, source: 'view', viewId: 'v1' }, noTasks)).toEqual({ ok: false, gap: 'taskType' })
    expect(playlistRequest({ ...base, source: 'tasks' }, () => ['t1'])).toEqual({ ok: false, gap: 'taskType' })
    expect(playlistRequest({ ...base, source: 'latestForReview' }, noTasks)).toMatchObject({
      ok: true,
      body: { source: { kind: 'latestForReview' } },
    })
  })

  it('sends the selection’s tasks of the chosen task type', () => {
    const outcome = playlistRequest({ ...base, source: 'tasks', taskTypeId: 'anim' }, (tt) =>
      tt === 'anim' ? ['t1', 't2'] : [],
    )
    expect(outcome).toEqual({
      ok: true,
      body: {
        name: 'Review 2026-12-08',
        audience: 'team',
        source: { kind: 'tasks', taskIds: ['t1', 't2'] },
        versionChoice: 'latest',
      },
    })
    expect(playlistRequest({ ...base, source: 'tasks', taskTypeId: 'comp' }, () => [])).toEqual({
      ok: false,
      gap: 'tasks',
    })
  })

  it('needs a saved view for the view source', () => {
    expect(playlistRequest({ ...base, source: 'view', taskTypeId: 'anim' }, noTasks)).toEqual({
      ok: false,
      gap: 'view',
    })
  })

  it('only ever sends what the contract accepts', () => {
    const id = fc.constantFrom('0190a8a2-0000-7000-8000-000000000001', 'seq_1', 'tt_1')
    fc.assert(
      fc.property(
        fc.record({
          name: fc.string({ maxLength: 120 }),
          audience: fc.constantFrom('team' as const, 'client' as const),
          source: fc.constantFrom(...SOURCE_KINDS),
          taskTypeId: fc.option(id),
          sequenceId: fc.option(id),
          viewId: fc.option(id),
          versionChoice: fc.constantFrom('latest' as const, 'approved' as const),
        }),
        fc.array(id, { maxLength: 5 }),
        (form, tasks) => {
          const outcome = playlistRequest(form, () => tasks)
          if (outcome.ok) expect(CreatePlaylistRequest.safeParse(outcome.body).success).toBe(true)
        },
      ),
    )
  })
})

describe('a new playlist’s default date', () => {
  it('is the local calendar day with zero-padded month and day', () => {
    expect(localDay(new Date(2026, 11, 8, 23, 59))).toBe('2026-12-08')
    expect(localDay(new Date(2027, 0, 3, 0, 0))).toBe('2027-01-03')
  })
})
