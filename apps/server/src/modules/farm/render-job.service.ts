// Submitting and managing render jobs. A submission resolves its workflow, fills parameters
// and extracts requirements before anything is stored; a sweep is stored all or nothing.
import { expandSweep, type ObjectInfo } from '@aipipeline/comfyui'
import type {
  FarmSummary,
  ListRenderJobsQuery,
  RenderJob,
  RenderJobDetail,
  SubmitRenderJobRequest,
  SubmitSweepRequest,
} from '@aipipeline/contracts'
import {
  type BackendRepository,
  type NewRenderJob,
  newId,
  type RenderJobRecord,
  type RenderJobRepository,
  type WorkflowTemplateRecord,
} from '@aipipeline/db'
import { InvalidTransition, NotFound, priorityBand, ValidationFailed } from '@aipipeline/domain'
import type { z } from 'zod'
import type { OffloadPool } from '../../offload/offload-pool'
import type { Principal } from '../auth'
import type { FarmDispatcher } from './farm-dispatcher'
import type { FarmEvents } from './farm-events'
import { allModels, primaryModel } from './render-cost'
import type { RenderJobAccess } from './render-job-access'
import { assertSweepWithinLimit } from './sweep-limit'
import type { VersionPort } from './version-port'
import {
  OFFLOAD_WORKFLOW_NODES,
  type PromptFacts,
  prepareSubmissionTask,
  promptFacts,
  readWorkflowTask,
} from './workflow-reading.task'
import { gatherSource, workflowSize } from './workflow-source'

export interface RenderJobServiceDeps {
  /** Most jobs one sweep may expand to (config SWEEP_MAX_COMBINATIONS). */
  maxSweepCombinations: number
  jobs: RenderJobRepository
  backends: BackendRepository
  dispatcher: FarmDispatcher
  events: FarmEvents
  access: RenderJobAccess
  template(id: string): Promise<WorkflowTemplateRecord | null>
  objectInfo(backendId?: string): Promise<ObjectInfo | null>
  isLeader(): boolean
  /** Stops a prompt on a backend from an instance that is not the leader. */
  cancelRemote(backendUrl: string, promptId: string): Promise<void>
  /** Where large workflows are read. */
  offload: OffloadPool
  /** Most nodes a workflow may have (WORKFLOW_MAX_NODES). */
  maxNodes: number
  /** Checks input versions against the job's project. */
  versions: Pick<VersionPort, 'assertInputVersions'>
}

/** The public shape of a job (no prompt, no internal ids). */
export function toRenderJob(j: RenderJobRecord, liveProgress?: number): RenderJob {
  return {
    id: j.id,
    name: j.name,
    state: j.state,
    priority: j.priority,
    progress: liveProgress ?? j.progress,
    backendId: j.backendId,
    attemptCount: j.attemptCount,
    maxAttempts: j.maxAttempts,
    groupId: j.groupId,
    templateId: j.templateId,
    shotId: j.shotId,
    taskId: j.taskId,
    submittedBy: j.submittedBy,
    requirements: j.requirements,
    primaryModel: j.primaryModel,
    unschedulableReason: j.unschedulableReason,
    error: j.error,
    nextAttemptAt: j.nextAttemptAt,
    queuedAt: j.queuedAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
  }
}

type Submission = Omit<SubmitRenderJobRequest, 'source' | 'parameters'>

function newJob(
  facts: PromptFacts,
  parameters: Record<string, unknown>,
  input: Submission & {
    templateId: string | null
    templateRevision: number | null
    groupId: string | null
    name: string
    submittedBy: string | null
  },
): NewRenderJob {
  const found = facts.requirements
  return {
    name: input.name,
    priority: input.priority,
    promptJson: facts.promptJson,
    parameters,
    requirements: {
      nodeClasses: found.nodeClasses,
      models: allModels(found),
      tags: input.requirements.tags,
      minVramGb: input.requirements.minVramGb,
    },
    primaryModel: primaryModel(found),
    cost: facts.cost,
    templateId: input.templateId,
    templateRevision: input.templateRevision,
    inputVersions: input.inputVersions,
    groupId: input.groupId,
    shotId: input.shotId ?? null,
    taskId: input.taskId ?? null,
    submittedBy: input.submittedBy,
    maxAttempts: input.maxAttempts,
  }
}

export function createRenderJobService(deps: RenderJobServiceDeps) {
  const { jobs, dispatcher, events } = deps

  function announce(created: RenderJobRecord[]): void {
    for (const j of created) {
      events.job({ jobId: j.id, state: j.state, priority: j.priority, backendId: null, attempt: 0, error: null })
    }
    dispatcher.wake()
  }

  async function existing(id: string): Promise<RenderJobRecord> {
    const job = await jobs.get(id)
    if (job === null) throw new NotFound('render job', id)
    return job
  }

  /** The job if the caller may see it (NotFound otherwise). */
  async function visible(id: string, who: Principal): Promise<RenderJobRecord> {
    const job = await existing(id)
    await deps.access.assertVisible(who, id, job)
    return job
  }

  /** The job if the caller may cancel, reprioritise or retry it. */
  async function steerable(id: string, who: Principal): Promise<RenderJobRecord> {
    const job = await existing(id)
    await deps.access.assertMaySteer(who, id, job)
    return job
  }

  /** Input versions must be versions of the job's project that the submitter may see. */
  async function assertInputs(who: Principal, input: Submission): Promise<void> {
    if (input.inputVersions.length === 0) return
    const projectId = await deps.access.projectOfJob({ shotId: input.shotId ?? null, taskId: input.taskId ?? null })
    if (projectId === null) {
      throw new ValidationFailed('input versions need the job to have a shotId or taskId', [
        { path: 'inputVersions', message: 'needs shotId or taskId' },
      ])
    }
    await deps.versions.assertInputVersions(who, projectId, input.inputVersions)
  }

  return {
    async submit(input: SubmitRenderJobRequest, who: Principal): Promise<RenderJob> {
      await deps.access.assertSubmission(who, input)
      await assertInputs(who, input)
      const submittedBy = who.userId
      const source = await gatherSource(input.source, deps)
      const facts = await deps.offload.runSized(
        prepareSubmissionTask,
        { workflow: source.workflow, parameters: input.parameters, maxNodes: deps.maxNodes },
        workflowSize(source.workflow) >= OFFLOAD_WORKFLOW_NODES,
      )
      const name = input.name ?? source.templateName ?? 'render'
      const row = newJob(facts, input.parameters, {
        ...input,
        templateId: source.templateId,
        templateRevision: source.templateRevision,
        groupId: null,
        name,
        submittedBy,
      })
      const created = await jobs.insertMany([row])
      announce(created)
      const [job] = created
      if (!job) throw new Error('insert returned no job')
      return toRenderJob(job)
    },

    /** One job per sweep combination, in one group. */
    async sweep(input: SubmitSweepRequest, who: Principal): Promise<{ groupId: string; items: RenderJob[] }> {
      await deps.access.assertSubmission(who, input)
      await assertInputs(who, input)
      const submittedBy = who.userId
      assertSweepWithinLimit(input.sweep, deps.maxSweepCombinations)
      const source = await gatherSource(input.source, deps)
      const prompt = await deps.offload.runSized(
        readWorkflowTask,
        { workflow: source.workflow, maxNodes: deps.maxNodes },
        workflowSize(source.workflow) >= OFFLOAD_WORKFLOW_NODES,
      )
      const runs = expandSweep(prompt, input.sweep, input.parameters)
      const issues = runs.flatMap((run) =>
        run.errors.map((e) => ({
          path: `parameters.${/"([^"]+)"/.exec(e.message)?.[1] ?? 'sweep'}`,
          message: e.message,
        })),
      )
      if (issues.length > 0) throw new ValidationFailed(`invalid sweep: ${issues[0]?.message ?? ''}`, issues)
      const groupId = newId()
      const base = input.name ?? source.templateName ?? 'sweep'
      const rows = runs.map((run, i) =>
        newJob(
          promptFacts(run.prompt),
          { ...input.parameters, ...run.values },
          {
            ...input,
            templateId: source.templateId,
            templateRevision: source.templateRevision,
            groupId,
            name: `${base} #${i + 1}`,
            submittedBy,
          },
        ),
      )
      const created = await jobs.insertMany(rows)
      announce(created)
      return { groupId, items: created.map((j) => toRenderJob(j)) }
    },

    /** Studio jobs and jobs of the caller's projects (admins: all). */
    async list(q: z.infer<typeof ListRenderJobsQuery>, who: Principal): Promise<RenderJob[]> {
      const rows = await jobs.list({
        ...(who.role === 'admin' ? {} : { visibleTo: who.userId }),
        ...(q.state ? { states: [q.state] } : {}),
        ...(q.groupId ? { groupId: q.groupId } : {}),
        ...(q.minPriority !== undefined ? { minPriority: q.minPriority } : {}),
        ...(q.maxPriority !== undefined ? { maxPriority: q.maxPriority } : {}),
        limit: q.limit,
        offset: q.offset,
      })
      return rows.map((j) => toRenderJob(j, dispatcher.progressOf(j.id)))
    },

    /** Throws NotFound unless the caller may see the job (its outputs too). */
    async assertVisible(id: string, who: Principal): Promise<void> {
      await visible(id, who)
    },

    async get(id: string, who: Principal): Promise<RenderJobDetail> {
      const job = await visible(id, who)
      const [attempts, outputs] = await Promise.all([jobs.attempts(id), jobs.outputsWithVersions(id)])
      return {
        ...toRenderJob(job, dispatcher.progressOf(id)),
        parameters: job.parameters,
        templateRevision: job.templateRevision,
        inputVersions: job.inputVersions,
        attempts: attempts.map(({ id: _id, jobId: _job, ...a }) => a),
        outputs: outputs.map(({ jobId: _job, createdAt: _c, ...o }) => o),
      }
    },

    /** Cancels: a queued job never starts; a running one is deleted from the queue and interrupted. */
    async cancel(id: string, who: Principal): Promise<RenderJob> {
      const before = await steerable(id, who)
      const was = await jobs.cancel(id)
      if (was === null) throw new InvalidTransition(`render job ${id} is ${before.state} and cannot be canceled`)
      if (was.backendId !== null && was.promptId !== null && (was.state === 'assigned' || was.state === 'running')) {
        if (deps.isLeader()) await dispatcher.cancelPrompt(was.backendId, was.promptId)
        else {
          const backend = await deps.backends.get(was.backendId)
          if (backend) await deps.cancelRemote(backend.url, was.promptId).catch(() => {})
        }
      }
      const after = await existing(id)
      events.job({
        jobId: id,
        state: 'canceled',
        priority: after.priority,
        backendId: was.backendId,
        attempt: after.attemptCount,
        error: null,
      })
      dispatcher.wake()
      return toRenderJob(after)
    },

    async setPriority(id: string, priority: number, who: Principal): Promise<RenderJob> {
      const before = await steerable(id, who)
      if (!(await jobs.setPriority(id, priority))) {
        throw new InvalidTransition(`render job ${id} is ${before.state}; only unfinished jobs can be reprioritised`)
      }
      dispatcher.wake()
      return toRenderJob(await existing(id))
    },

    async retry(id: string, who: Principal): Promise<RenderJob> {
      const before = await steerable(id, who)
      if (!(await jobs.retry(id))) {
        throw new InvalidTransition(
          `render job ${id} is ${before.state}; only failed, canceled or unschedulable jobs can be retried`,
        )
      }
      const after = await existing(id)
      announce([after])
      return toRenderJob(after)
    },

    async summary(): Promise<z.infer<typeof FarmSummary>> {
      const jobCounts: Record<string, number> = {}
      const queuedByBand = { low: 0, normal: 0, high: 0 }
      for (const row of await jobs.countByState()) {
        jobCounts[row.state] = (jobCounts[row.state] ?? 0) + row.count
        if (row.state === 'queued') queuedByBand[priorityBand(row.priority)] += row.count
      }
      const backends: Record<string, number> = { online: 0, degraded: 0, offline: 0, disabled: 0 }
      for (const b of await deps.backends.list()) {
        const state = b.enabled ? b.state : 'disabled'
        backends[state] = (backends[state] ?? 0) + 1
      }
      return { backends, jobs: jobCounts, queuedByBand, leader: deps.isLeader() }
    },
  }
}
export type RenderJobService = ReturnType<typeof createRenderJobService>
