import { describe, expect, it } from 'vitest'
import { activeMention, insertMention, type MentionOption, mentionOptions } from './mention-suggest'

const options: MentionOption[] = [
  { kind: 'person', name: 'Demo Artist', detail: 'artist@demo.local' },
  { kind: 'person', name: 'Demo Supervisor', detail: 'supervisor@demo.local' },
  { kind: 'department', name: 'Keyframe', detail: '' },
  { kind: 'department', name: 'Post', detail: '' },
]

describe('mention autocomplete', () => {
  it('finds the mention being typed at the caret, not email addresses', () => {
    expect(activeMention('Please check @Demo Ar', 21)).toEqual({ start: 13, query: 'Demo Ar' })
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' })
    expect(activeMention('mail me at me@x.org', 19)).toBeNull()
    expect(activeMention('@Demo\nnext', 10)).toBeNull()
  })

  it('offers people and departments, prefix matches first', () => {
    expect(mentionOptions('demo a', options).map((o) => o.name)).toEqual(['Demo Artist'])
    expect(mentionOptions('po', options).map((o) => o.name)).toEqual(['Post'])
    expect(mentionOptions('o', options).map((o) => o.name)).toEqual(['Demo Artist', 'Demo Supervisor', 'Post'])
    expect(mentionOptions('key', options)[0]).toMatchObject({ kind: 'department', name: 'Keyframe' })
  })

  it('replaces the typed part with the full name and moves the caret after it', () => {
    expect(insertMention('Hi @dem thanks', 3, 7, 'Demo Artist')).toEqual({ text: 'Hi @Demo Artist  thanks', caret: 16 })
  })
})
