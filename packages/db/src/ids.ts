import { v7 } from 'uuid'

/**
 * A UUIDv7: time-ordered, so primary keys index well and sort by creation. The `uuid` library
 * keeps ids strictly increasing within a process (RFC 9562 §6.2: a counter seeded at random each
 * millisecond, and the last timestamp reused when the clock steps back), which queues that break
 * priority ties by id (first in, first out) rely on.
 */
export function newId(): string {
  return v7()
}

/** Current time as the ISO-8601 UTC text our timestamp columns hold. */
export function isoNow(nowMs: number = Date.now()): string {
  return new Date(nowMs).toISOString()
}
