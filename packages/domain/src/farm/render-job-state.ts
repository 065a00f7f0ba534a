// Render job and backend states as string unions with their transition table, so every
// state change the dispatcher or an API call makes is checked against one list.
import { z } from 'zod'

export const RENDER_JOB_STATES = [
  'queued',
  'assigned',
  'running',
  'succeeded',
  'failed',
  'canceled',
  'unschedulable',
] as const
export const RenderJobState = z.enum(RENDER_JOB_STATES)
export type RenderJobState = z.infer<typeof RenderJobState>

/** Which states a job may move to from each state. `assigned` = submitted to a backend, not started. */
const JOB_TRANSITIONS: Record<RenderJobState, readonly RenderJobState[]> = {
  queued: ['assigned', 'canceled', 'unschedulable', 'failed'],
  assigned: ['running', 'queued', 'succeeded', 'failed', 'canceled'],
  running: ['queued', 'succeeded', 'failed', 'canceled'],
  succeeded: [],
  failed: ['queued'],
  canceled: ['queued'],
  unschedulable: ['queued', 'canceled'],
}

/** Whether a render job may move from `from` to `to`. */
export function canTransitionJob(from: RenderJobState, to: RenderJobState): boolean {
  return JOB_TRANSITIONS[from].includes(to)
}

/** States from which a job no longer changes by itself (retry moves failed/canceled back). */
export function isTerminalJobState(state: RenderJobState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'canceled'
}

/** States in which a job holds a prompt on a backend. */
export function isActiveJobState(state: RenderJobState): boolean {
  return state === 'assigned' || state === 'running'
}

export const BACKEND_STATES = ['online', 'degraded', 'offline', 'disabled'] as const
export const BackendState = z.enum(BACKEND_STATES)
export type BackendState = z.infer<typeof BackendState>

/** How an attempt on one backend ended. */
export const ATTEMPT_OUTCOMES = [
  'pending',
  'succeeded',
  'failed',
  'rejected',
  'out-of-memory',
  'lost',
  'canceled',
  'interrupted',
] as const
export const AttemptOutcome = z.enum(ATTEMPT_OUTCOMES)
export type AttemptOutcome = z.infer<typeof AttemptOutcome>

/** Priority bands for queue-depth metrics and the benchmark: 0–33 low, 34–66 normal, 67–100 high. */
export function priorityBand(priority: number): 'low' | 'normal' | 'high' {
  if (priority >= 67) return 'high'
  if (priority >= 34) return 'normal'
  return 'low'
}
