import type { PlaylistItem, ReviewVersion } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { shownItem, shownVersion, steppedItemId } from './session-items'

function version(id: string, taskId: string, number: number): ReviewVersion {
  return {
    id,
    taskId,
    number,
    kind: 'video',
    width: 1920,
    height: 1080,
    createdAt: '2026-01-01T00:00:00.000Z',
    authorName: null,
    approved: false,
    proxy: null,
  }
}

function item(id: string, taskId: string, shown: ReviewVersion | null): PlaylistItem {
  return {
    id,
    playlistId: 'p',
    taskId,
    shotId: `shot-${id}`,
    shotCode: `SH${id}`,
    sequenceCode: null,
    taskTypeId: 'tt',
    taskTypeName: 'Comp',
    statusId: null,
    versionChoice: 'latest',
    pinnedVersionId: null,
    version: shown,
    frameIn: null,
    frameOut: null,
  }
}

const v3 = version('v3', 't1', 3)
const v2 = version('v2', 't1', 2)
const other = version('o1', 't2', 1)
const items = [item('a', 't1', v3), item('b', 't2', other), item('c', 't3', null)]

describe('what the review page shows', () => {
  it('shows the named item, or the first while none or a removed one is named', () => {
    expect(shownItem(items, 'b')?.id).toBe('b')
    expect(shownItem(items, null)?.id).toBe('a')
    expect(shownItem(items, 'gone')?.id).toBe('a')
    expect(shownItem([], null)).toBeNull()
  })

  it('shows a named version only when it is this task’s and visible to the viewer', () => {
    const first = items[0] ?? null
    expect(shownVersion(first, 'v2', [v3, v2])?.id).toBe('v2')
    // A client does not have the internal version in its list: it stays on the item's version.
    expect(shownVersion(first, 'v2', [v3])?.id).toBe('v3')
    expect(shownVersion(first, 'o1', [v3, v2, other])?.id).toBe('v3')
    expect(shownVersion(first, null, [v3, v2])?.id).toBe('v3')
  })

  it('steps to the next and previous item and stops at the ends', () => {
    expect(steppedItemId(items, 'a', 1)).toBe('b')
    expect(steppedItemId(items, 'b', -1)).toBe('a')
    expect(steppedItemId(items, 'a', -1)).toBeNull()
    expect(steppedItemId(items, 'c', 1)).toBeNull()
    expect(steppedItemId(items, null, 1)).toBe('b')
  })
})
