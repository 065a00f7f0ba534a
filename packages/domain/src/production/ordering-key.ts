// Fractional ordering keys for editorial order: moving a shot rewrites only that shot's key,
// so concurrent reorders never renumber a whole sequence. Keys are base-36 digit strings
// (0-9, a-z) compared as plain strings; that alphabet sorts the same under byte order
// (SQLite) and the usual Postgres collations. A key never ends in "0", so there is always
// room before it.
import { ValidationFailed } from '../errors/domain-error'

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'
const BASE = DIGITS.length

function digitValue(ch: string | undefined): number {
  if (ch === undefined) return 0
  const v = DIGITS.indexOf(ch)
  if (v < 0) throw new ValidationFailed(`ordering key has an invalid character "${ch}"`)
  return v
}

/** Whether `key` is a well-formed ordering key. */
export function isOrderingKey(key: string): boolean {
  return /^[0-9a-z]*[1-9a-z]$/.test(key)
}

// A key strictly between a and b (b = null: no upper bound); a may be ''.
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0
    while ((a[n] ?? '0') === b[n]) n++
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n))
  }
  const da = digitValue(a[0])
  const db = b === null ? BASE : digitValue(b[0])
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)] ?? ''
  if (b !== null && b.length > 1) return b.slice(0, 1)
  return (DIGITS[da] ?? '') + midpoint(a.slice(1), null)
}

// The next key after `a` with no upper bound: count up at the same length, and when every
// digit is "z" double the length, so appending n shots one at a time costs O(log n) chars.
function keyAfter(a: string): string {
  if (a === '') return 'i'
  const digits = [...a].map(digitValue)
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digits[i] ?? 0
    if (d < BASE - 1) {
      digits[i] = d + 1
      const next =
        digits
          .slice(0, i + 1)
          .map((v) => DIGITS[v] ?? '')
          .join('') + a.slice(i + 1)
      // A trailing "0" would leave no room before the key; count on past it.
      return next.endsWith('0') ? keyAfter(next) : next
    }
  }
  return `${a}${'0'.repeat(a.length - 1)}1`
}

/** A key that sorts after `before` and before `after` (null = open end). */
export function keyBetween(before: string | null, after: string | null): string {
  for (const k of [before, after]) {
    if (k !== null && !isOrderingKey(k)) throw new ValidationFailed(`"${k}" is not an ordering key`)
  }
  if (before !== null && after !== null && before >= after) {
    throw new ValidationFailed(`ordering keys out of order: "${before}" must sort before "${after}"`)
  }
  return after === null ? keyAfter(before ?? '') : midpoint(before ?? '', after)
}

/** `count` evenly spread keys between two bounds, in order; stays short for large counts. */
export function keysBetween(before: string | null, after: string | null, count: number): string[] {
  if (count <= 0) return []
  if (count === 1) return [keyBetween(before, after)]
  const half = Math.floor(count / 2)
  const mid = keyBetween(before, after)
  return [...keysBetween(before, mid, half), mid, ...keysBetween(mid, after, count - half - 1)]
}
