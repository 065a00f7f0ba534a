// Realtime events of agent runs, on `project:<id>` and `job:<id>` (the run's job). Payloads
// are small; the Agents page re-fetches the run for inputs and outputs.
import { z } from 'zod'
import { AgentError, AgentPipeline, AgentRunStatus, AgentStepStatus, AgentUsage } from './agent-run.contract'

export const agentEvents = {
  'agent-run:update': z.object({
    runId: z.string(),
    projectId: z.string(),
    pipeline: AgentPipeline,
    status: AgentRunStatus,
    progress: z.number().min(0).max(100),
    message: z.string().nullable(),
    usage: AgentUsage,
    at: z.string(),
  }),
  'agent-step:update': z.object({
    runId: z.string(),
    projectId: z.string(),
    stepId: z.string(),
    key: z.string(),
    agent: z.string(),
    status: AgentStepStatus,
    attempt: z.number().int(),
    usage: AgentUsage,
    error: AgentError.nullable(),
    at: z.string(),
  }),
} as const
export type AgentEventName = keyof typeof agentEvents
