// Codes written in a sheet, read under the project's numbering (its code rules, e.g. SQ010 /
// SH0010, or EP01 for a series). Spreadsheets and people shorten codes: "10" for SH0010,
// "sh10", or nothing at all for a new shot. New shots get codes in the project's pattern;
// a code that already names a shot is always taken as it is.
import { type CodeRule, codeNumber, formatCode } from '@aipipeline/domain'

const SHORTENED = /^([A-Za-z_-]*?)(\d+)$/
const BARE = /^\d+$/

/** The codes a sequence has (existing and planned), kept for lookups in constant time. */
export interface KnownCodes {
  codes: Set<string>
  /** Whether some codes are bare numbers (the project does not use its pattern there). */
  bareNumbers: boolean
  /** The highest number of a code written under the rule; 0 without one. */
  highest: number
}

/** Known codes of one sequence, from its shots' codes. */
export function knownCodes(rule: CodeRule, codes: Iterable<string> = []): KnownCodes {
  const known: KnownCodes = { codes: new Set(), bareNumbers: false, highest: 0 }
  for (const code of codes) takeCode(rule, known, code)
  return known
}

/** Records a code as taken (a planned new shot). */
export function takeCode(rule: CodeRule, known: KnownCodes, code: string): void {
  known.codes.add(code)
  if (BARE.test(code)) known.bareNumbers = true
  const n = codeNumber(rule, code)
  if (n !== undefined && n > known.highest) known.highest = n
}

/**
 * The code a sheet cell means under `rule`: the text itself when a known code has it, else a
 * bare or differently padded number ("10", "sh10", "SH10") written in the rule's pattern —
 * unless the known codes are bare numbers themselves (then "010" stays "010").
 */
export function codeUnderRule(rule: CodeRule, raw: string, known: KnownCodes): string {
  const text = raw.trim()
  if (text === '' || known.codes.has(text)) return text
  const m = SHORTENED.exec(text)
  if (!m || rule.prefix === '') return text
  const [, prefix = '', digits = ''] = m
  if (prefix !== '' && prefix.toUpperCase() !== rule.prefix.toUpperCase()) return text
  if (prefix === '' && known.bareNumbers) return text
  return formatCode(rule, Number(digits))
}

/** The code for a new shot that came with none: the next one on the rule's step grid. */
export function nextShotCode(rule: CodeRule, known: KnownCodes): string {
  return formatCode(rule, (Math.floor(known.highest / rule.step) + 1) * rule.step)
}

/** Whether a code is written in the rule's pattern. */
export function followsRule(rule: CodeRule, code: string): boolean {
  const n = codeNumber(rule, code)
  return n !== undefined && formatCode(rule, n) === code
}
