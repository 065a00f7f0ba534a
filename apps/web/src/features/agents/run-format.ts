// Small display rules of agent runs: durations and which runs are still moving.
import type { AgentRunStatus } from '@aipipeline/contracts'

/** A run's or step's duration in the largest sensible unit; `rest` is the next unit down. */
export interface Duration {
  unit: 'ms' | 's' | 'min' | 'h'
  value: number
  rest: number
}

/** 850 ms, 12 s, 3 min 05 s, 1 h 02 min; null while there is no end yet. */
export function durationOf(startIso: string, endIso: string | null): Duration | null {
  if (endIso === null) return null
  const ms = Math.max(0, Date.parse(endIso) - Date.parse(startIso))
  if (!Number.isFinite(ms)) return null
  if (ms < 1_000) return { unit: 'ms', value: ms, rest: 0 }
  const s = Math.round(ms / 1_000)
  if (s < 60) return { unit: 's', value: s, rest: 0 }
  const m = Math.floor(s / 60)
  if (m < 60) return { unit: 'min', value: m, rest: s % 60 }
  return { unit: 'h', value: Math.floor(m / 60), rest: m % 60 }
}

/** Runs that will still change, so the page listens for their events. */
export function isActive(status: AgentRunStatus): boolean {
  switch (status) {
    case 'queued':
    case 'running':
      return true
    case 'completed':
    case 'failed':
    case 'canceled':
      return false
    default:
      return assertNever(status)
  }
}

export const RUN_STATUS_COLOR: Record<AgentRunStatus, string> = {
  queued: 'gray',
  running: 'blue',
  completed: 'teal',
  failed: 'red',
  canceled: 'dark',
}

function assertNever(value: never): never {
  throw new Error(`unexpected run status ${String(value)}`)
}
