// Agent runs: start (a run row + a background job), execute (the job handler), list and
// inspect, retry a failed step, and the review actions (apply an analysis, accept or reject
// an enhanced prompt). Routes are one call into this service.
import {
  AgentPipeline,
  type AgentRunDetail,
  type AgentRunSummary,
  type AnalysisReview,
  type ApplyAnalysisResult,
  MAX_SCRIPT_CHARS,
  PromptEnhancementResult,
  ScriptAnalysis,
  type StartPromptEnhancementBody,
} from '@aipipeline/contracts'
import type { AgentRunRecord, AgentRunRepository, AgentStepRepository } from '@aipipeline/db'
import {
  Conflict,
  canEditBreakdown,
  canManageProject,
  Forbidden,
  NotFound,
  type ProjectAccess,
  ValidationFailed,
} from '@aipipeline/domain'
import { type JobContext, type JobQueue, UnrecoverableJobError } from '../../jobs'
import { inlineOffload } from '../../offload/offload-pool'
import type { Principal } from '../auth'
import { AGENT_RUN_JOB, type AgentEventSink } from './agent-events'
import { toRunSummary, toStepEnvelope, totalUsage } from './agent-run.view'
import { type AgentRunner, createAgentRunner, type RunScope } from './agent-runner'
import { toAgentError } from './agent-step'
import { diffAnalysis, planFromChoice } from './analysis-diff'
import type { LanguageModelPort } from './language-model.port'
import type { ProductionPort } from './production.port'
import { parseCpeSettings, promptEnhancementPipeline } from './prompt-enhancement.pipeline'
import type { AgentPipelineDefinition } from './script-analysis.pipeline'
import { scriptAnalysisPipeline } from './script-analysis.pipeline'
import {
  assertScriptReadable,
  assertScriptSize,
  previewScript,
  type ScriptReading,
  type ScriptRequest,
  scriptRunInput,
} from './script-preview'

export interface AgentsServiceDeps {
  runs: AgentRunRepository
  steps: AgentStepRepository
  llm: LanguageModelPort
  production: ProductionPort
  queue: Pick<JobQueue, 'enqueue'>
  events: AgentEventSink
  now: () => string
  newId: () => string
  /** Where scripts are read and the largest accepted; unit harnesses read inline up to MAX_SCRIPT_CHARS. */
  scripts?: ScriptReading
}

function label(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 77)}…` : line
}

/** Creates the agents service. */
export function createAgentsService(deps: AgentsServiceDeps) {
  const runner: AgentRunner = createAgentRunner(deps)
  const scripts = deps.scripts ?? { offload: inlineOffload, maxChars: MAX_SCRIPT_CHARS }
  const pipelines: Record<AgentPipeline, AgentPipelineDefinition> = {
    'script-analysis': scriptAnalysisPipeline(deps.llm, scripts.offload),
    'prompt-enhancement': promptEnhancementPipeline(),
  }

  async function summaryOf(run: AgentRunRecord): Promise<AgentRunSummary> {
    return toRunSummary(run, totalUsage(await deps.steps.listForRun(run.id)))
  }

  async function publish(runId: string): Promise<AgentRunSummary> {
    const run = await deps.runs.get(runId)
    if (run === undefined) throw new NotFound('agent run', runId)
    const summary = await summaryOf(run)
    deps.events.run(summary)
    return summary
  }

  async function mustGet(runId: string): Promise<AgentRunRecord> {
    const run = await deps.runs.get(runId)
    if (run === undefined) throw new NotFound('agent run', runId)
    return run
  }

  /**
   * The run if the caller may act on it in its project: a non-member gets NotFound for the
   * run itself (a run of a project they cannot see does not exist for them), a member whose
   * project role is too low gets Forbidden, as on the production routes.
   */
  async function runFor(
    runId: string,
    who: Principal,
    may: (a: ProjectAccess) => boolean,
    action: string,
  ): Promise<AgentRunRecord> {
    const run = await mustGet(runId)
    const access = await deps.production.access(run.projectId, who).catch((err: unknown) => {
      throw err instanceof NotFound ? new NotFound('agent run', runId) : err
    })
    if (!may(access)) throw new Forbidden(`not allowed: ${action} in this project`)
    return run
  }

  async function enqueue(run: AgentRunRecord): Promise<AgentRunSummary> {
    const job = await deps.queue.enqueue(AGENT_RUN_JOB, { runId: run.id })
    await deps.runs.update(run.id, { jobId: job.id }, deps.now())
    return publish(run.id)
  }

  async function start(pipeline: AgentPipeline, projectId: string, who: Principal, runLabel: string, input: unknown) {
    const run = await deps.runs.insert({
      id: deps.newId(),
      projectId,
      pipeline,
      label: runLabel,
      input,
      createdBy: who.userId,
      createdAt: deps.now(),
    })
    return enqueue(run)
  }

  async function completedOutput(
    runId: string,
    pipeline: AgentPipeline,
    who: Principal,
  ): Promise<{ run: AgentRunRecord; output: unknown }> {
    const run = await runFor(runId, who, canEditBreakdown, `review ${pipeline} runs`)
    if (run.pipeline !== pipeline) throw new NotFound(`${pipeline} run`, runId)
    if (run.status !== 'completed') throw new Conflict(`run ${runId} is ${run.status}, not completed`)
    return { run, output: run.output }
  }

  return {
    /** Parses and estimates a script without calling a model (for a project the caller is in). */
    async preview(who: Principal, body: ScriptRequest) {
      await deps.production.access(body.projectId, who)
      return previewScript(body, deps.llm, scripts)
    },

    async startScriptAnalysis(who: Principal, body: ScriptRequest): Promise<AgentRunSummary> {
      assertScriptSize(body.text, scripts.maxChars)
      await deps.production.inventory(body.projectId, who)
      await assertScriptReadable(body, deps.llm, scripts)
      return start('script-analysis', body.projectId, who, body.fileName ?? 'pasted script', scriptRunInput(body))
    },

    /** Artists may enhance only shots with a task assigned to them; supervisors and up any. */
    async startPromptEnhancement(who: Principal, body: StartPromptEnhancementBody): Promise<AgentRunSummary> {
      if (!(await deps.production.mayEnhance(body.projectId, body.shotId, who)))
        throw new Forbidden(
          body.shotId === undefined
            ? 'not allowed: enhance a prompt without a shot assigned to you'
            : `not allowed: enhance the prompt of shot ${body.shotId}, which is not assigned to you`,
        )
      const shot = body.shotId === undefined ? undefined : await deps.production.shot(body.projectId, body.shotId, who)
      if (body.shotId !== undefined && shot === undefined) throw new NotFound('shot', body.shotId)
      const settings = parseCpeSettings(body.cpeSettings ?? shot?.cpeSettings)
      if (!settings.success) {
        const issues = settings.error.issues.map((i) => ({
          path: `body.cpeSettings.${i.path.join('.')}`,
          message: i.message,
        }))
        throw new ValidationFailed('the CPE settings do not parse', issues)
      }
      const input = {
        shotId: body.shotId ?? null,
        description: body.description,
        characters: body.characters,
        cpeSettings: settings.data,
        targetModel: body.targetModel,
      }
      return start('prompt-enhancement', body.projectId, who, label(body.description), input)
    },

    /** Runs of the projects the caller manages; naming a project they cannot see is NotFound. */
    async listRuns(
      who: Principal,
      filter: {
        projectId?: string
        pipeline?: AgentPipeline
        status?: AgentRunSummary['status']
        limit: number
      },
    ) {
      if (filter.projectId !== undefined) {
        const access = await deps.production.access(filter.projectId, who)
        if (!canManageProject(access)) throw new Forbidden('not allowed: list agent runs in this project')
      }
      const projects = await deps.production.projectsOf(who)
      const projectIds = projects?.filter((p) => canManageProject({ ...p, userId: who.userId, departments: [] }))
      const runs = await deps.runs.list({ ...filter, projectIds: projectIds?.map((p) => p.projectId) })
      return Promise.all(runs.map(summaryOf))
    },

    async getRun(runId: string, who: Principal): Promise<AgentRunDetail> {
      const run = await runFor(runId, who, canManageProject, 'read agent runs')
      const steps = await deps.steps.listForRun(run.id)
      return {
        ...toRunSummary(run, totalUsage(steps)),
        input: run.input,
        output: run.output ?? null,
        steps: steps.map(toStepEnvelope),
      }
    },

    /** Queues the run again; its completed steps are reused, the failed one runs anew. */
    async retryStep(runId: string, stepId: string, who: Principal): Promise<AgentRunSummary> {
      await runFor(runId, who, canEditBreakdown, 'retry agent steps')
      const step = await deps.steps.get(stepId)
      if (step === undefined || step.runId !== runId) throw new NotFound('agent step', stepId)
      if (step.status !== 'failed')
        throw new Conflict(`step ${step.key} is ${step.status}; only a failed step can be retried`)
      if (!(await deps.runs.requeue(runId, deps.now()))) throw new Conflict(`run ${runId} is still queued or running`)
      return enqueue(await mustGet(runId))
    },

    async review(runId: string, who: Principal): Promise<AnalysisReview> {
      const { run, output } = await completedOutput(runId, 'script-analysis', who)
      const analysis = ScriptAnalysis.parse(output)
      const items = diffAnalysis(analysis, await deps.production.inventory(run.projectId, who))
      return { runId, projectId: run.projectId, analysis, items }
    },

    async apply(runId: string, who: Principal, itemKeys: readonly string[]): Promise<ApplyAnalysisResult> {
      const review = await this.review(runId, who)
      const { plan, skipped } = planFromChoice(review.items, new Set(itemKeys))
      const applied = await deps.production.applyScriptPlan(review.projectId, who, plan)
      // An analysis may be applied in several passes; the first one marks the run as applied.
      await deps.runs.decide(runId, 'applied', who.userId, deps.now())
      await publish(runId)
      const count = (items: { existingId: string | null }[], created: boolean) =>
        items.filter((i) => (i.existingId === null) === created).length
      const tally = (created: boolean) => ({
        sequences: count(plan.sequences, created),
        shots: count(plan.shots, created),
        characters: count(plan.characters, created),
        assets: count(plan.assets, created),
      })
      return { created: tally(true), updated: tally(false), skipped: [...skipped, ...applied.skipped] }
    },

    async decide(
      runId: string,
      who: Principal,
      decision: 'accept' | 'reject',
    ): Promise<{ run: AgentRunSummary; applied: boolean }> {
      const { run, output } = await completedOutput(runId, 'prompt-enhancement', who)
      const result = PromptEnhancementResult.parse(output)
      const shotId =
        typeof run.input === 'object' && run.input !== null && 'shotId' in run.input ? run.input.shotId : null
      const recorded = decision === 'accept' ? 'accepted' : 'rejected'
      if (!(await deps.runs.decide(runId, recorded, who.userId, deps.now())))
        throw new Conflict(`run ${runId} was already decided`)
      let applied = false
      if (decision === 'accept' && typeof shotId === 'string') {
        try {
          await deps.production.updateShotCpeSettings(run.projectId, shotId, who, result.after.cpeSettings)
          applied = true
        } catch (err) {
          await deps.runs.undoDecision(runId, deps.now())
          throw err
        }
      }
      return { run: await publish(runId), applied }
    },

    /** The job handler: executes a queued run to completion or failure. */
    async execute(job: JobContext<{ runId: string }>): Promise<void> {
      const run = await deps.runs.get(job.data.runId)
      if (run === undefined) throw new UnrecoverableJobError(`agent run ${job.data.runId} does not exist`)
      if (run.status !== 'queued' && run.status !== 'running') return
      const pipeline = pipelines[AgentPipeline.parse(run.pipeline)]
      // Steps a dead worker left running are failed first, so this attempt can take them.
      await deps.steps.failRunning(
        run.id,
        { code: 'interrupted', message: 'the worker stopped during this step', retryable: true },
        deps.now(),
      )
      await deps.runs.update(run.id, { status: 'running', jobId: job.id, progressMessage: 'started' }, deps.now())
      await publish(run.id)
      const scope: RunScope = {
        runId: run.id,
        projectId: run.projectId,
        jobId: job.id,
        signal: job.signal,
        progress: async (percent, message) => {
          await job.updateProgress(percent, message)
          await deps.runs.update(run.id, { progress: percent, progressMessage: message }, deps.now())
          await publish(run.id)
        },
      }
      try {
        const output = await pipeline.execute(scope, runner, run.input)
        const at = deps.now()
        await deps.runs.update(
          run.id,
          { status: 'completed', output, progress: 100, progressMessage: 'done', error: null, finishedAt: at },
          at,
        )
        await publish(run.id)
      } catch (err) {
        const error = toAgentError(err)
        const at = deps.now()
        await deps.runs.update(run.id, { status: 'failed', error, progressMessage: error.message, finishedAt: at }, at)
        await publish(run.id)
        throw new UnrecoverableJobError(error.message)
      }
    },
  }
}

export type AgentsService = ReturnType<typeof createAgentsService>
