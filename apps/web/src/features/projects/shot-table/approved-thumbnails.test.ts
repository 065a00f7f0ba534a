import { emptyShotTable, type LatestVersion } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { approvedByShot } from './approved-thumbnails'

function latest(taskId: string, approvedId: string | null): LatestVersion {
  return {
    taskId,
    versionId: `newest-${taskId}`,
    number: 3,
    kind: 'image',
    thumbnailFileId: null,
    approved: approvedId === null ? null : { versionId: approvedId, number: 1, kind: 'image', thumbnailFileId: 'f' },
  }
}

describe('approved thumbnails in the shot table', () => {
  it('takes the approved version of the first task type that has one, per shot', () => {
    const table = emptyShotTable()
    table.shots.id.push('s0', 's1', 's2')
    const tasks = [
      ['t0', 0, 'comp'],
      ['t1', 0, 'keyframe'],
      ['t2', 1, 'comp'],
      ['t3', 2, 'keyframe'],
    ] as const
    for (const [id, shot, type] of tasks) {
      table.tasks.id.push(id)
      table.tasks.shot.push(shot)
      table.tasks.taskTypeId.push(type)
    }
    const map = new Map([
      ['t0', latest('t0', 'a0')],
      ['t1', latest('t1', 'a1')],
      ['t2', latest('t2', 'a2')],
      ['t3', latest('t3', null)],
    ])
    expect(approvedByShot(table, map, ['keyframe', 'comp'])).toEqual(['a1', 'a2', null])
    expect(approvedByShot(table, undefined, ['keyframe'])).toEqual([null, null, null])
  })
})
