import { randomFillSync } from 'node:crypto'

/** A UUIDv7: time-ordered, so primary keys index well and sort by creation. */
export function newId(nowMs: number = Date.now()): string {
  const bytes = new Uint8Array(16)
  randomFillSync(bytes)
  // 48-bit big-endian millisecond timestamp.
  let ms = nowMs
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70 // version 7
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80 // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Current time as the ISO-8601 UTC text our timestamp columns hold. */
export function isoNow(nowMs: number = Date.now()): string {
  return new Date(nowMs).toISOString()
}
