// Agent runs and their step envelopes (the Agents page): list, detail, retry of a failed step.
// An envelope maps onto an A2A task (research llm-agents-queue §4.5): id, run (context),
// parent step, agent, input, output, status, usage and cost, error.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'

const Id = z.string().min(1).max(100)

export const AGENT_PIPELINES = ['script-analysis', 'prompt-enhancement'] as const
export const AgentPipeline = z.enum(AGENT_PIPELINES)
export type AgentPipeline = z.infer<typeof AgentPipeline>

export const AgentRunStatus = z.enum(['queued', 'running', 'completed', 'failed', 'canceled'])
export type AgentRunStatus = z.infer<typeof AgentRunStatus>

export const AgentStepStatus = z.enum(['running', 'completed', 'failed'])
export type AgentStepStatus = z.infer<typeof AgentStepStatus>

/** Tokens and cost; cost in integer micro-dollars (1e-6 USD), as the LLM ledger keeps it. */
export const AgentUsage = z.object({
  model: z.string().nullable(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  costMicros: z.number().int().nonnegative(),
  /** Model calls made, repairs included. */
  calls: z.number().int().nonnegative(),
  /** Re-asks after output that did not match the step's schema. */
  repairs: z.number().int().nonnegative(),
})
export type AgentUsage = z.infer<typeof AgentUsage>

export const AgentError = z.object({
  code: z.string(),
  message: z.string(),
  /** Whether retrying the step may help (a model outage may; a malformed script will not). */
  retryable: z.boolean(),
})
export type AgentError = z.infer<typeof AgentError>

export const AgentStep = z
  .object({
    id: z.string(),
    runId: z.string(),
    parentId: z.string().nullable(),
    /** Stable within the run ("analyse-chunk:3"); a retry re-runs the step with this key. */
    key: z.string(),
    agent: z.string(),
    status: AgentStepStatus,
    attempt: z.number().int().positive(),
    input: z.unknown(),
    output: z.unknown().nullable(),
    usage: AgentUsage,
    error: AgentError.nullable(),
    createdAt: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'AgentStep' })
export type AgentStep = z.infer<typeof AgentStep>

export const AgentRunSummary = z
  .object({
    id: z.string(),
    projectId: z.string(),
    pipeline: AgentPipeline,
    status: AgentRunStatus,
    /** Percent, 0..100. */
    progress: z.number().min(0).max(100),
    progressMessage: z.string().nullable(),
    jobId: z.string().nullable(),
    createdBy: z.string(),
    /** Short label for lists: the script's file name or the shot's description. */
    label: z.string(),
    usage: AgentUsage,
    error: AgentError.nullable(),
    /** Review outcome: script analysis applied, prompt enhancement accepted or rejected. */
    decision: z.enum(['applied', 'accepted', 'rejected']).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'AgentRunSummary' })
export type AgentRunSummary = z.infer<typeof AgentRunSummary>

export const AgentRunDetail = AgentRunSummary.extend({
  input: z.unknown(),
  output: z.unknown().nullable(),
  steps: z.array(AgentStep),
}).meta({ id: 'AgentRunDetail' })
export type AgentRunDetail = z.infer<typeof AgentRunDetail>

export const AgentRunParams = z.object({ runId: Id }).strict()
export const AgentStepParams = z.object({ runId: Id, stepId: Id }).strict()

export const AgentRunListQuery = z
  .object({
    projectId: Id.optional(),
    pipeline: AgentPipeline.optional(),
    status: AgentRunStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()

export const AgentRunAccepted = z.object({ run: AgentRunSummary })

export const agentRunRoutes = {
  listAgentRuns: defineRoute({
    method: 'GET',
    path: '/api/agents/runs',
    summary: 'Agent runs, newest first',
    tags: ['agents'],
    access: access.atLeast('manager'),
    query: AgentRunListQuery,
    response: z.object({ items: z.array(AgentRunSummary) }),
  }),
  getAgentRun: defineRoute({
    method: 'GET',
    path: '/api/agents/runs/:runId',
    summary: 'One agent run with every step envelope',
    tags: ['agents'],
    access: access.atLeast('manager'),
    params: AgentRunParams,
    response: AgentRunDetail,
  }),
  retryAgentStep: defineRoute({
    method: 'POST',
    path: '/api/agents/runs/:runId/steps/:stepId/retry',
    summary: 'Re-run a failed step; completed steps of the run are reused',
    tags: ['agents'],
    access: access.atLeast('supervisor'),
    params: AgentStepParams,
    response: AgentRunAccepted,
    status: 202,
  }),
}
