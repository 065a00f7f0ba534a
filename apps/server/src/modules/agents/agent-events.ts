// Progress of runs and steps, sent to the run's project room and its job room, so the Agents
// page (project) and the import wizard (job) both follow along.
import type { AgentRunSummary, RoomName, ServerEvent, ServerEventName } from '@aipipeline/contracts'
import type { AgentStepRecord } from '@aipipeline/db'
import { stepUsageOf, storedError } from './agent-run.view'

/** The part of the realtime hub agents use. */
export interface EventEmitter {
  emit<N extends ServerEventName>(room: RoomName, event: N, payload: ServerEvent<N>): void
}

export interface EventScope {
  runId: string
  projectId: string
  jobId: string | null
}

export interface AgentEventSink {
  step(scope: EventScope, step: AgentStepRecord): void
  run(summary: AgentRunSummary): void
}

function roomsOf(projectId: string, jobId: string | null): RoomName[] {
  return jobId === null ? [`project:${projectId}`] : [`project:${projectId}`, `job:${jobId}`]
}

/** Sends agent events through the hub; `now` stamps them. */
export function createAgentEventSink(hub: EventEmitter, now: () => string): AgentEventSink {
  return {
    step(scope, step) {
      const payload: ServerEvent<'agent-step:update'> = {
        runId: scope.runId,
        projectId: scope.projectId,
        stepId: step.id,
        key: step.key,
        agent: step.agent,
        status: step.status,
        attempt: step.attempt,
        usage: stepUsageOf(step),
        error: storedError(step.error),
        at: now(),
      }
      for (const room of roomsOf(scope.projectId, scope.jobId)) hub.emit(room, 'agent-step:update', payload)
    },
    run(summary) {
      const payload: ServerEvent<'agent-run:update'> = {
        runId: summary.id,
        projectId: summary.projectId,
        pipeline: summary.pipeline,
        status: summary.status,
        progress: summary.progress,
        message: summary.progressMessage,
        usage: summary.usage,
        at: now(),
      }
      for (const room of roomsOf(summary.projectId, summary.jobId)) {
        hub.emit(room, 'agent-run:update', payload)
        if (summary.jobId !== null && room.startsWith('job:')) {
          hub.emit(room, 'job:progress', {
            jobId: summary.jobId,
            name: AGENT_RUN_JOB,
            progress: summary.progress,
            ...(summary.progressMessage !== null ? { message: summary.progressMessage } : {}),
          })
        }
      }
    },
  }
}

/** Name of the background job that executes agent runs. */
export const AGENT_RUN_JOB = 'agents.run'

/** A sink that records events in memory (tests). */
export function createRecordingEventSink(): AgentEventSink & { steps: AgentStepRecord[]; runs: AgentRunSummary[] } {
  const steps: AgentStepRecord[] = []
  const runs: AgentRunSummary[] = []
  return {
    steps,
    runs,
    step: (_scope, step) => void steps.push(step),
    run: (summary) => void runs.push(summary),
  }
}
