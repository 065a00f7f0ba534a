import { describe, expect, it } from 'vitest'
import { parseInline, parseMarkdown } from './markdown'
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

describe('comment markdown', () => {
  it('parses bold, italic, code, web links and mentions', () => {
    expect(parseInline('**Nice** *lighting* on `v003`, see [ref](https://x.org) @Post')).toEqual([
      { kind: 'strong', text: 'Nice' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'lighting' },
      { kind: 'text', text: ' on ' },
      { kind: 'code', text: 'v003' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', text: 'ref', href: 'https://x.org' },
      { kind: 'text', text: ' ' },
      { kind: 'mention', text: '@Post' },
    ])
  })

  it('never turns a javascript: link into a link', () => {
    expect(parseInline('[x](javascript:alert(1))')).toEqual([
      { kind: 'text', text: '[x](javascript:alert(1)' },
      { kind: 'text', text: ')' },
    ])
  })

  it('splits headings, lists and paragraphs', () => {
    const blocks = parseMarkdown('# Notes\nfirst line\nsecond line\n\n- one\n- two')
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list'])
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', lines: [[{ text: 'first line' }], [{ text: 'second line' }]] })
  })
})
