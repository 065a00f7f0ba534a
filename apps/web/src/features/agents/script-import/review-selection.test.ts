import type { AnalysisDiffItem } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { countChosen, initialSelection, scenesOf, toggle, toggleKind } from './review-selection'

function item(key: string, overrides: Partial<AnalysisDiffItem> = {}): AnalysisDiffItem {
  const kind = key.split(':')[0] as AnalysisDiffItem['kind']
  return {
    key,
    kind,
    action: 'create',
    parentKey: null,
    label: key,
    proposed: {},
    existing: null,
    existingId: null,
    changes: [],
    ...overrides,
  }
}

const items = [
  item('sequence:SC001'),
  item('shot:SC001/SH010', { parentKey: 'sequence:SC001' }),
  item('shot:SC001/SH020', { parentKey: 'sequence:SC001' }),
  item('sequence:SC002', { action: 'unchanged' }),
  item('shot:SC002/SH010', { parentKey: 'sequence:SC002' }),
  item('character:KAY'),
  item('asset:RADIO STUDIO', { action: 'unchanged' }),
]

describe('choosing what to create from a script analysis', () => {
  it('starts with every new or changed item chosen and nothing already in the project', () => {
    expect([...initialSelection(items)]).toEqual([
      'sequence:SC001',
      'shot:SC001/SH010',
      'shot:SC001/SH020',
      'shot:SC002/SH010',
      'character:KAY',
    ])
  })

  it('drops the shots of a new sequence when the sequence is dropped', () => {
    const next = toggle(initialSelection(items), items, 'sequence:SC001', false)
    expect([...next]).toEqual(['shot:SC002/SH010', 'character:KAY'])
  })

  it('chooses the new sequence again when one of its shots is chosen', () => {
    const none = toggleKind(toggleKind(initialSelection(items), items, 'sequence', false), items, 'shot', false)
    const next = toggle(none, items, 'shot:SC001/SH020', true)
    expect(next.has('sequence:SC001')).toBe(true)
    expect(next.has('shot:SC001/SH010')).toBe(false)
  })

  it('needs nothing extra for a shot whose sequence already exists', () => {
    const next = toggle(new Set<string>(), items, 'shot:SC002/SH010', true)
    expect([...next]).toEqual(['shot:SC002/SH010'])
  })

  it('cannot choose an item the project already has', () => {
    const before = initialSelection(items)
    expect(toggle(before, items, 'asset:RADIO STUDIO', true)).toBe(before)
  })

  it('groups shots under their sequences and counts the chosen items per kind', () => {
    expect(scenesOf(items).map((g) => [g.sequence?.key, g.shots.length])).toEqual([
      ['sequence:SC001', 2],
      ['sequence:SC002', 1],
    ])
    expect(countChosen(initialSelection(items), items)).toEqual({ sequence: 1, shot: 3, character: 1, asset: 0 })
  })
})
