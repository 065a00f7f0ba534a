import { type Annotation, DEFAULT_ROOM_PLAYBACK, type ReviewComment, type RoomState } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { applyAnnotationChanges, applyRoomEvent, withComment } from './room-events'

const room: RoomState = {
  playlistId: 'p',
  seq: 3,
  presenterId: null,
  playback: DEFAULT_ROOM_PLAYBACK,
  participants: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
}

function drawing(id: string, frame = 0): Annotation {
  return {
    id,
    versionId: 'v',
    frame,
    shape: { tool: 'line', from: [0, 0], to: [1, 1], color: '#ff0000', width: 0.004 },
    authorId: 'u',
    authorName: 'U',
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }
}

function note(id: string, createdAt: string): ReviewComment {
  return {
    id,
    taskId: 't',
    authorId: 'u',
    authorRole: 'supervisor',
    authorName: 'U',
    guest: false,
    text: id,
    statusId: null,
    previousStatusId: null,
    forClient: false,
    mentions: { userIds: [], departments: [] },
    versionIds: ['v'],
    frames: null,
    createdAt,
  }
}

describe('room events', () => {
  it('playback and presence replace their part and move seq; other events only move seq', () => {
    const playback = { ...DEFAULT_ROOM_PLAYBACK, frame: 42 }
    expect(applyRoomEvent(room, { kind: 'playback', seq: 4, by: 'u', playback })).toMatchObject({ seq: 4, playback })
    const presence = applyRoomEvent(room, { kind: 'presence', seq: 4, presenterId: 'u', participants: [] })
    expect(presence).toMatchObject({ seq: 4, presenterId: 'u' })
    expect(applyRoomEvent(room, { kind: 'playlist', seq: 4 })).toEqual({ ...room, seq: 4 })
    const full = { ...room, seq: 9, presenterId: 'x' }
    expect(applyRoomEvent(room, { kind: 'state', seq: 9, state: full })).toEqual(full)
  })

  it('applies stored drawing changes and skips ignored ones', () => {
    const moved = { ...drawing('a', 5), revision: 2 }
    const next = applyAnnotationChanges([drawing('a'), drawing('b')], {
      versionId: 'v',
      revision: 2,
      results: [
        { op: 'update', id: 'a', outcome: 'applied', reason: null, annotation: moved },
        { op: 'remove', id: 'b', outcome: 'applied', reason: null, annotation: null },
        { op: 'add', id: 'c', outcome: 'ignored', reason: 'removed', annotation: null },
        { op: 'add', id: 'd', outcome: 'applied', reason: null, annotation: drawing('d') },
      ],
    })
    expect(next.map((a) => [a.id, a.frame])).toEqual([
      ['a', 5],
      ['d', 0],
    ])
  })

  it('adds a note once and keeps notes oldest first', () => {
    const early = note('early', '2026-01-01T00:00:01.000Z')
    const late = note('late', '2026-01-01T00:00:02.000Z')
    const list = withComment(withComment([late], early), late)
    expect(list.map((c) => c.id)).toEqual(['early', 'late'])
  })
})
