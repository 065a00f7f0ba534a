import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editsBreakdown, viewableImages, wordList } from './breakdown-rules'

describe('breakdown rules', () => {
  it('lets managers and supervisors edit, not artists, clients or vendors, and nobody in an archived project', () => {
    expect(editsBreakdown({ myRole: 'supervisor', archived: false })).toBe(true)
    expect(editsBreakdown({ myRole: 'manager', archived: false })).toBe(true)
    expect(editsBreakdown({ myRole: 'artist', archived: false })).toBe(false)
    expect(editsBreakdown({ myRole: 'client', archived: false })).toBe(false)
    expect(editsBreakdown({ myRole: 'vendor', archived: false })).toBe(false)
    expect(editsBreakdown({ myRole: 'admin', archived: true })).toBe(false)
  })

  it('shows only web addresses as images', () => {
    expect(viewableImages(['https://cdn/x.png', 'refs/minsu.png', 'javascript:alert(1)', 'http://a/b.jpg'])).toEqual([
      'https://cdn/x.png',
      'http://a/b.jpg',
    ])
  })

  it('reads a comma list into distinct trimmed words', () => {
    expect(wordList(' minsu, young man ,, minsu ')).toEqual(['minsu', 'young man'])
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => !s.includes(','))), (words) => {
        const read = wordList(words.join(','))
        expect(read.every((w) => w === w.trim() && w !== '')).toBe(true)
        expect(new Set(read).size).toBe(read.length)
      }),
    )
  })
})
