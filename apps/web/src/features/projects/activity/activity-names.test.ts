import { activitySentence, notificationSentence, sentenceText } from '@aipipeline/domain'
import { describe, expect, it } from 'vitest'
import { activityNames } from './activity-names'

const project = {
  statuses: [{ id: 'st1', name: '리테이크' }],
  taskTypes: [{ id: 'tt1', name: 'Keyframe' }],
}

describe('activity names from the page', () => {
  it('resolves people, the shot, the task type, the status (as the UI names it) and the note', () => {
    const names = activityNames({
      project,
      members: [{ userId: 'u1', displayName: 'Mina' }],
      shots: [{ id: 's1', code: 'SH0030' }],
      tasks: [{ id: 't1', shotId: 's1', taskTypeId: 'tt1' }],
      comments: [{ id: 'c1', text: 'softer key' }],
    })
    const entry = {
      event: 'task:status-changed',
      actorId: 'u1',
      shotId: 's1',
      taskId: 't1',
      data: { statusId: 'st1', commentId: 'c1' },
    }
    expect(sentenceText(activitySentence(entry, names, 'ko'))).toBe(
      "Mina님이 SH0030 Keyframe 상태를 리테이크로 변경했습니다: 'softer key'",
    )
    expect(sentenceText(notificationSentence({ kind: 'comment', actorId: 'u9', taskId: 't1' }, names, 'en'))).toBe(
      'Someone commented on SH0030 Keyframe',
    )
  })
})
