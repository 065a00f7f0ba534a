// Fractional ordering keys for editorial order: moving a shot rewrites only that shot's key,
// so concurrent reorders never renumber a whole sequence. The keys are the `fractional-indexing`
// library's: an integer part whose first character says its length, then a fraction, so
// appending shot after shot keeps keys short. Both alphabets are the base-36 digits (0-9, a-z):
// lowercase and digits only, so keys sort the same under byte order (SQLite) and the usual
// Postgres collations, where the library's default A-Z heads would not.
// Keys written before this scheme (bare fractions like "i") were rewritten by migration
// 0009-ordering-keys as "i0" + key, the same fraction under the integer zero.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'
import { ValidationFailed } from '../errors/domain-error'

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'

/** The integer part every key written before the library scheme now carries (see migration 0009). */
export const LEGACY_ORDERING_KEY_PREFIX = 'i0'

/** Whether `key` is a well-formed ordering key. */
export function isOrderingKey(key: string): boolean {
  if (!/^[0-9a-z]+$/.test(key)) return false
  try {
    // The library validates both bounds before it computes anything.
    generateKeyBetween(key, null, DIGITS, DIGITS)
    return true
  } catch {
    return false
  }
}

function checkBounds(before: string | null, after: string | null): void {
  for (const k of [before, after]) {
    if (k !== null && !isOrderingKey(k)) throw new ValidationFailed(`"${k}" is not an ordering key`)
  }
  if (before !== null && after !== null && before >= after) {
    throw new ValidationFailed(`ordering keys out of order: "${before}" must sort before "${after}"`)
  }
}

/** A key that sorts after `before` and before `after` (null = open end). */
export function keyBetween(before: string | null, after: string | null): string {
  checkBounds(before, after)
  return generateKeyBetween(before, after, DIGITS, DIGITS)
}

/** `count` keys between two bounds, in order; stays short for large counts. */
export function keysBetween(before: string | null, after: string | null, count: number): string[] {
  if (count <= 0) return []
  checkBounds(before, after)
  return generateNKeysBetween(before, after, count, DIGITS, DIGITS)
}
