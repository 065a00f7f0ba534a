import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ACTIVITY_EVENTS,
  type ActivityEntry,
  type ActivityNames,
  activitySentence,
  NOTIFICATION_KINDS,
  noteExcerpt,
  notificationSentence,
  sentenceLocale,
  sentenceText,
  withoutStatusComments,
} from './activity-sentence'

const names: ActivityNames = {
  user: (id) => ({ u1: 'Mina', u2: 'Jun', u3: '서연' })[id],
  shot: (id) => ({ s1: 'SH0030', s2: 'SH0040', s3: 'SH0050' })[id],
  task: (id) => ({ t1: { shotId: 's1', typeName: 'Keyframe' }, t2: { shotId: 's2', typeName: 'Animation' } })[id],
  status: (id) => ({ st1: 'Retake', st2: '승인' })[id],
  comment: (id) => ({ c1: 'softer **key**' })[id],
}

const nobody: ActivityNames = {
  user: () => undefined,
  shot: () => undefined,
  task: () => undefined,
  status: () => undefined,
}

function entry(over: Partial<ActivityEntry>): ActivityEntry {
  return { event: 'shot:new', actorId: 'u1', shotId: null, taskId: null, data: {}, ...over }
}

describe('activity sentences', () => {
  it('says who set which task to which status, with the note, in English and Korean', () => {
    const e = entry({
      event: 'task:status-changed',
      taskId: 't1',
      shotId: 's1',
      data: { statusId: 'st1', previousStatusId: null, commentId: 'c1' },
    })
    expect(sentenceText(activitySentence(e, names, 'en'))).toBe("Mina set SH0030 Keyframe to Retake: 'softer key'")
    expect(sentenceText(activitySentence(e, names, 'ko'))).toBe(
      "Mina님이 SH0030 Keyframe 상태를 Retake(으)로 변경했습니다: 'softer key'",
    )
    const approved = { ...e, data: { statusId: 'st2' } }
    expect(sentenceText(activitySentence(approved, names, 'ko'))).toBe(
      'Mina님이 SH0030 Keyframe 상태를 승인으로 변경했습니다',
    )
  })

  it('links the task to its shot page and marks the actor as a person', () => {
    const e = entry({ event: 'comment:new', taskId: 't2', shotId: 's2', data: { commentId: 'c9' } })
    expect(activitySentence(e, names, 'en')).toEqual([
      { kind: 'person', text: 'Mina' },
      { kind: 'text', text: ' commented on ' },
      { kind: 'link', text: 'SH0040 Animation', shotId: 's2', taskId: 't2' },
    ])
  })

  it('counts many shots and names one, choosing the Korean particle after the code', () => {
    const many = entry({ event: 'shot:new', data: { shotIds: ['s1', 's2', 's3'] } })
    expect(sentenceText(activitySentence(many, names, 'en'))).toBe('Mina added 3 shots')
    expect(sentenceText(activitySentence(many, names, 'ko'))).toBe('Mina님이 샷 3개를 추가했습니다')
    const one = entry({ event: 'shot:update', shotId: 's1', data: { shotIds: ['s1'], fields: ['frameIn'] } })
    expect(sentenceText(activitySentence(one, names, 'en'))).toBe('Mina edited shot SH0030')
    // 0 is read 영: a final consonant, so 을.
    expect(sentenceText(activitySentence(one, names, 'ko'))).toBe('Mina님이 샷 SH0030을 수정했습니다')
  })

  it('names assignees and team members', () => {
    const assign = entry({
      event: 'task:assign',
      taskId: 't1',
      data: { taskIds: ['t1'], userIds: ['u2', 'u3'], mode: 'add' },
    })
    expect(sentenceText(activitySentence(assign, names, 'en'))).toBe('Mina assigned Jun and 서연 to SH0030 Keyframe')
    expect(sentenceText(activitySentence(assign, names, 'ko'))).toBe(
      'Mina님이 SH0030 Keyframe에 Jun님, 서연님을 배정했습니다',
    )
    const member = entry({ event: 'member:new', data: { userId: 'u9', displayName: 'Hana', role: 'artist' } })
    expect(sentenceText(activitySentence(member, names, 'en'))).toBe('Mina added Hana to the team as artist')
    expect(sentenceText(activitySentence(member, names, 'ko'))).toBe('Mina님이 Hana님을 아티스트로 팀에 추가했습니다')
  })

  it('falls back to "someone" and neutral words when names are unknown', () => {
    const e = entry({ event: 'task:status-changed', taskId: 't1', shotId: 's1', data: { statusId: 'st1' } })
    expect(sentenceText(activitySentence(e, nobody, 'en'))).toBe('Someone set a task to another status')
    expect(sentenceText(activitySentence({ ...e, actorId: null }, nobody, 'ko'))).toBe(
      '누군가 태스크 상태를 다른 상태로 변경했습니다',
    )
  })

  it('words configuration changes with their names', () => {
    const e = entry({ event: 'status:delete', data: { statusId: 'gone', name: 'Hold' } })
    expect(sentenceText(activitySentence(e, names, 'en'))).toBe('Mina removed the status Hold')
    expect(sentenceText(activitySentence(e, names, 'ko'))).toBe('Mina님이 상태 Hold을(를) 삭제했습니다')
    const seq = entry({ event: 'sequence:new', data: { sequenceId: 'q', code: 'SQ010' } })
    expect(sentenceText(activitySentence(seq, names, 'ko'))).toBe('Mina님이 시퀀스 SQ010을 추가했습니다')
  })

  it('words every notification kind', () => {
    const n = { actorId: 'u2', taskId: 't1' }
    expect(sentenceText(notificationSentence({ ...n, kind: 'mention' }, names, 'en'))).toBe(
      'Jun mentioned you on SH0030 Keyframe',
    )
    expect(sentenceText(notificationSentence({ ...n, kind: 'assignment' }, names, 'ko'))).toBe(
      'Jun님이 나를 SH0030 Keyframe에 배정했습니다',
    )
  })

  it('leaves out a comment that carried a status change, keeping other comments', () => {
    const status = entry({ event: 'task:status-changed', taskId: 't1', data: { statusId: 'st1', commentId: 'c1' } })
    const carrier = entry({ event: 'comment:new', taskId: 't1', data: { commentId: 'c1' } })
    const other = entry({ event: 'comment:new', taskId: 't1', data: { commentId: 'c2' } })
    expect(withoutStatusComments([carrier, status, other])).toEqual([status, other])
  })

  it('cuts long notes and picks the locale from a language tag', () => {
    expect(noteExcerpt('a'.repeat(200))).toHaveLength(80)
    expect(noteExcerpt('  \n ')).toBeUndefined()
    expect(sentenceLocale('ko-KR')).toBe('ko')
    expect(sentenceLocale('en-US')).toBe('en')
    expect(sentenceLocale(undefined)).toBe('en')
  })
})

const ID = fc.constantFrom('u1', 'u2', 'u9', 's1', 's9', 't1', 't9', 'st1', 'st9', 'c1', 'c9')
const data = fc.record(
  {
    shotIds: fc.array(ID, { maxLength: 5 }),
    taskIds: fc.array(ID, { maxLength: 5 }),
    userIds: fc.array(ID, { maxLength: 3 }),
    statusId: ID,
    commentId: ID,
    userId: ID,
    number: fc.nat(999),
    name: fc.string({ maxLength: 12 }),
    mode: fc.constantFrom('set', 'add', 'remove', 'other'),
    role: fc.constantFrom('manager', 'artist'),
  },
  { requiredKeys: [] },
)
const anyEntry = fc.record({
  event: fc.constantFrom(...ACTIVITY_EVENTS),
  actorId: fc.option(ID, { nil: null }),
  shotId: fc.option(ID, { nil: null }),
  taskId: fc.option(ID, { nil: null }),
  data,
})
const UNRESOLVED = ['u9', 's9', 't9', 'st9', 'c9']

describe('activity sentences (properties)', () => {
  it('every event kind reads as a sentence in both languages that starts with its actor and never shows an unresolved id', () => {
    fc.assert(
      fc.property(
        anyEntry,
        fc.constantFrom(names, nobody),
        fc.constantFrom('en' as const, 'ko' as const),
        (e, n, l) => {
          const parts = activitySentence(e, n, l)
          const text = sentenceText(parts)
          expect(text.trim().length).toBeGreaterThan(3)
          expect(text).not.toContain('undefined')
          expect(text).not.toMatch(/\(task|\(shot|\(status|\(comment|\(version/)
          for (const id of UNRESOLVED) expect(text.split(/[\s,.:'(]/)).not.toContain(id)
          const actor = e.actorId === null ? undefined : n.user(e.actorId)
          expect(text.startsWith(actor ?? (l === 'ko' ? '누군가' : 'Someone'))).toBe(true)
          for (const p of parts) if (p.kind === 'link') expect(p.text.trim()).not.toBe('')
        },
      ),
    )
  })

  it('every notification kind reads as a sentence in both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NOTIFICATION_KINDS),
        fc.option(ID, { nil: null }),
        fc.option(ID, { nil: null }),
        fc.constantFrom('en' as const, 'ko' as const),
        (kind, actorId, taskId, l) => {
          const text = sentenceText(notificationSentence({ kind, actorId, taskId }, names, l))
          expect(text.length).toBeGreaterThan(5)
          expect(text).not.toContain('undefined')
        },
      ),
    )
  })
})
