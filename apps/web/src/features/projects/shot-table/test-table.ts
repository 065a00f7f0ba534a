// A small shot table for the unit tests: two sequences, five shots, one task type.
import type { ShotTable } from '@aipipeline/contracts'
import type { Lookups } from './shot-columns'

/** Five shots in two sequences with a Keyframe task each (test fixture). */
export function sampleTable(): ShotTable {
  return {
    shots: {
      id: ['s1', 's2', 's3', 's4', 's5'],
      sequenceId: ['q1', 'q1', 'q1', 'q2', 'q2'],
      code: ['SH0010', 'SH0020', 'SH0030', 'SH0010', 'SH0020'],
      orderKey: ['i', 'k', 'm', 'o', 'q'],
      description: ['Wide', 'Close', 'Insert', 'Storm wide', 'Storm close'],
      frameIn: [1001, 1001, 1001, 1001, null],
      frameOut: [1048, 1030, 1010, 1100, null],
      thumbnailVersionId: [null, 'v1', null, null, null],
      customFields: [{ lens_mm: 35 }, { lens_mm: 50 }, {}, { lens_mm: 24 }, { lens_mm: 85 }],
    },
    tasks: {
      id: ['t1', 't2', 't3', 't4', 't5'],
      shot: [0, 1, 2, 3, 4],
      taskTypeId: ['key', 'key', 'key', 'key', 'key'],
      statusId: ['wip', 'review', 'wip', 'pending', 'review'],
      assigneeIds: [['ann'], [], ['bob'], ['ann'], []],
      priority: [0, 0, 0, 0, 0],
      dueDate: [null, null, null, null, null],
      retakeCount: [0, 0, 0, 0, 0],
    },
  }
}

export const sampleLookups: Lookups = {
  sequenceCode: (id) => ({ q1: 'SQ010', q2: 'SQ020' })[id] ?? '',
  sequenceIdByCode: (code) => ({ SQ010: 'q1', SQ020: 'q2' })[code],
  statusName: (id) => id,
  personName: (id) => id,
}
