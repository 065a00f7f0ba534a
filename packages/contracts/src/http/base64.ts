// Files inside JSON bodies travel as standard base64 (RFC 4648 §4, padded). Node's decoder skips
// anything it does not understand, so without this check a damaged upload decodes to garbage
// and is imported as if it were the file.
import { z } from 'zod'

/** Standard alphabet, padding only at the end; a plain character class keeps it linear on MBs. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** True when `text` is strictly standard, padded base64 (no whitespace, no base64url). */
export function isStrictBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text)
}

/** Message of the zod issue, kept stable so clients can recognise it. */
export const INVALID_BASE64_MESSAGE = 'not valid base64 (standard alphabet, padded with "=")'

/** A required base64 field of at most `maxChars` characters, checked strictly. */
export function base64Field(maxChars: number) {
  return z.string().min(1).max(maxChars).refine(isStrictBase64, INVALID_BASE64_MESSAGE)
}
