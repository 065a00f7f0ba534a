import { DEFAULT_CODE_RULES, PROJECT_TEMPLATES } from '@aipipeline/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeUnderRule, followsRule, knownCodes, nextShotCode } from './spreadsheet-codes'

const shot = DEFAULT_CODE_RULES.shot
const episode = PROJECT_TEMPLATES.series.codeRules.sequence

describe('codes read from a sheet under the project’s numbering', () => {
  it('writes shortened shot and sequence codes in the project’s pattern', () => {
    expect(codeUnderRule(shot, '10', knownCodes(shot, ['SH0020']))).toBe('SH0010')
    expect(codeUnderRule(shot, 'sh10', knownCodes(shot, []))).toBe('SH0010')
    expect(codeUnderRule(shot, 'SH010', knownCodes(shot, []))).toBe('SH0010')
    expect(codeUnderRule(episode, '3', knownCodes(episode, ['EP01']))).toBe('EP03')
    expect(codeUnderRule(DEFAULT_CODE_RULES.sequence, '10', knownCodes(DEFAULT_CODE_RULES.sequence, []))).toBe('SQ010')
  })

  it('takes a code that names a known shot, another prefix or free text as it is', () => {
    expect(codeUnderRule(shot, 'SH10', knownCodes(shot, ['SH10']))).toBe('SH10')
    expect(codeUnderRule(shot, 'INS5', knownCodes(shot, []))).toBe('INS5')
    expect(codeUnderRule(shot, 'pickup-a', knownCodes(shot, []))).toBe('pickup-a')
  })

  it('keeps bare numbers where the project’s shots are bare numbers', () => {
    expect(codeUnderRule(shot, '003', knownCodes(shot, ['001', '002']))).toBe('003')
  })

  it('gives shots without a code the next code in the pattern', () => {
    expect(nextShotCode(shot, knownCodes(shot, ['SH0010', 'SH0020', 'x']))).toBe('SH0030')
    expect(nextShotCode(episode, knownCodes(episode))).toBe('EP01')
  })

  it('always lands on a code that follows the rule for any shortened number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('', 'sh', 'SH', 'Sh'), (n, prefix) => {
        const code = codeUnderRule(shot, `${prefix}${n}`, knownCodes(shot, []))
        expect(followsRule(shot, code)).toBe(true)
        expect(code).toBe(`SH${String(n).padStart(4, '0')}`)
      }),
    )
  })
})
