import { randomFillSync } from 'node:crypto'

/**
 * The last timestamp and 12-bit sequence handed out by this process. Ids made in the same
 * millisecond would otherwise order by their random bits, and queues that break priority ties
 * by id (first in, first out) would run them out of order.
 */
let lastMs = -1
let lastSequence = 0
const MAX_HELD_BACK_STEP_MS = 10_000

/**
 * A UUIDv7: time-ordered, so primary keys index well and sort by creation. Within one process
 * ids are strictly increasing (RFC 9562 §6.2, method 1: the 12-bit `rand_a` field is a counter
 * started at a random value below 2048 each millisecond; on overflow the timestamp moves on by
 * one, and when the clock steps back by a little the last timestamp is reused).
 */
export function newId(nowMs: number = Date.now()): string {
  const bytes = new Uint8Array(16)
  randomFillSync(bytes)
  // A small step back (NTP slew) keeps the order; a big jump (a test clock, a reset host) starts over.
  let ms = Math.floor(nowMs)
  if (ms < lastMs && lastMs - ms <= MAX_HELD_BACK_STEP_MS) ms = lastMs
  // Starting below 2048 leaves at least 2048 more ids in the millisecond before overflow.
  const freshSequence = (((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0)) & 0x7ff
  let sequence = ms === lastMs ? lastSequence + 1 : freshSequence
  if (sequence > 0xfff) {
    ms += 1
    sequence = freshSequence
  }
  lastMs = ms
  lastSequence = sequence
  // 48-bit big-endian millisecond timestamp.
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  bytes[6] = 0x70 | (sequence >> 8) // version 7, then the top 4 bits of the sequence
  bytes[7] = sequence & 0xff
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80 // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Current time as the ISO-8601 UTC text our timestamp columns hold. */
export function isoNow(nowMs: number = Date.now()): string {
  return new Date(nowMs).toISOString()
}
