// One attempt of a render job on one backend: submit with our prompt_id, follow its events,
// and decide what its result means. Failure classes (ARCHITECTURE decision 2): validation →
// fail at once with node errors; out-of-memory → retry on a backend with more VRAM; backend
// lost → resubmit elsewhere; other errors → retry with exponential backoff up to max attempts.
import {
  type ApiPrompt,
  ComfyHttpError,
  type PromptResult,
  type PromptWatch,
  type SubmitResult,
} from '@aipipeline/comfyui'
import type { InputFile, RenderJobError, RenderJobRepository } from '@aipipeline/db'
import { retryDelayMs } from '../../jobs'
import { describeFetchError } from './backend-discovery'
import type { ActiveAttempt, BackendRuntime } from './backend-pool'
import { learnSpeed } from './backend-speed'
import { type InputBytesSource, promptWithInputs } from './derive/input-upload'
import type { FarmMetrics } from './farm.metrics'
import type { FarmOptions } from './farm.options'
import type { FarmEvents } from './farm-events'
import { type IngestDeps, ingestOutputs } from './output-ingestion'

export interface RunnerContext {
  jobs: RenderJobRepository
  events: FarmEvents
  metrics: FarmMetrics
  options: FarmOptions
  ingest: IngestDeps
  logger: { warn(obj: object, msg: string): void }
  /** The attempt's prompt ended on the GPU: its slot may take the next prompt (results are read meanwhile). */
  gpuFree(rt: BackendRuntime): void
  /** Frees the attempt's slot on its backend and wakes the dispatcher. */
  release(rt: BackendRuntime, attempt: ActiveAttempt): void
  /** Probes a backend now (a request to it just failed). */
  suspect(rt: BackendRuntime): void
  /** The backend's tracked model changed to `model`. */
  modelLoaded(rt: BackendRuntime, model: string): void
  /** The job was settled as succeeded with its outputs stored: hand them on (versions). Never throws. */
  succeeded(job: { id: string; taskId: string | null }): Promise<void>
  /** Where the bytes of job input files are read before they are uploaded to a backend. */
  inputs: InputBytesSource | null
}

const MAX_PREVIEW_BYTES = 64 * 1024
/** Error type of a job whose outputs could not be downloaded; the web translates it. */
export const OUTPUT_DOWNLOAD_FAILED = 'output_download_failed'
/** How long after another prompt started we wait for our own end event before reading /history. */
const MISSED_END_GRACE_MS = 250

/** Uploads the job's input files, submits the attempt's prompt and follows it to its end. */
export async function runAttempt(
  ctx: RunnerContext,
  rt: BackendRuntime,
  a: ActiveAttempt,
  filled: ApiPrompt,
  inputFiles: readonly InputFile[] = [],
) {
  const uploaded = await promptWithInputs(ctx.inputs, rt.client, filled, inputFiles, rt.record.name)
  if (!uploaded.ok) {
    if (uploaded.suspect) ctx.suspect(rt)
    await settleFailure(ctx, rt, a, 'failed', uploaded.error, uploaded.retry ? 'backoff' : 'never')
    return
  }
  // Canceled or lost while the inputs were on their way: nothing to submit.
  if (a.settled) return
  const prompt = uploaded.prompt
  let submitted: SubmitResult
  try {
    submitted = await rt.client.submit(prompt, { promptId: a.promptId })
  } catch (err) {
    await loseAttempt(ctx, rt, a, `submit failed: ${describeFetchError(err)}`)
    ctx.suspect(rt)
    return
  }
  if (submitted.status === 'rejected') {
    const error: RenderJobError = {
      type: submitted.error.type || 'prompt_rejected',
      message: submitted.error.message,
      nodeId: submitted.nodeErrors[0]?.nodeId ?? null,
      nodeType: submitted.nodeErrors[0]?.classType ?? null,
      nodeErrors: submitted.nodeErrors.map((n) => ({
        nodeId: n.nodeId,
        classType: n.classType,
        messages: n.errors.map((e) => (e.details ? `${e.message}: ${e.details}` : e.message)),
      })),
    }
    await settleFailure(ctx, rt, a, 'rejected', error, 'never')
    return
  }
  ctx.metrics.dispatchLatency.observe((Date.now() - a.submittedAtMs) / 1000)
  await followAttempt(ctx, rt, a, rt.client.watch(a.promptId, { prompt }))
}

/** Follows a submitted (or, after a restart, reconciled) prompt until its result is handled. */
export async function followAttempt(ctx: RunnerContext, rt: BackendRuntime, a: ActiveAttempt, watch: PromptWatch) {
  // The GPU is free at `executing: null`, before /history is read: note that moment for gaps and speed.
  // ComfyUI runs one prompt at a time, so another prompt starting means ours ended: if its end
  // was missed, read /history now instead of waiting for the client's silence fallback.
  const off = rt.client.onEvent((e) => {
    if (e.type === 'executing' && e.data.node === null && e.data.prompt_id === a.promptId && a.finishedAtMs === null) {
      a.finishedAtMs = Date.now()
      ctx.gpuFree(rt)
    }
    if (e.type === 'execution_start' && e.data.prompt_id !== a.promptId && a.startedAtMs !== null) {
      const seenAt = Date.now()
      setTimeout(() => void settleFromHistory(ctx, rt, a, seenAt), MISSED_END_GRACE_MS)
    }
  })
  let node: string | null = null
  try {
    for await (const ev of watch) {
      if (a.settled) return
      switch (ev.type) {
        case 'started':
          a.startedAtMs ??= Date.now()
          await onStarted(ctx, rt, a)
          break
        case 'executing':
          node = ev.node
          ctx.events.progress({
            jobId: a.jobId,
            backendId: a.backendId,
            node,
            step: null,
            max: null,
            overall: a.progress,
          })
          break
        case 'progress':
          a.progress = ev.overall
          ctx.events.progress({
            jobId: a.jobId,
            backendId: a.backendId,
            node: ev.node,
            step: ev.value,
            max: ev.max,
            overall: ev.overall,
          })
          break
        case 'preview':
          if (ev.image.length <= MAX_PREVIEW_BYTES) {
            ctx.events.preview(a.jobId, `data:${ev.mime};base64,${ev.image.toString('base64')}`)
          }
          break
        case 'finished':
          a.finishedAtMs ??= Date.now()
          await onFinished(ctx, rt, a, ev.result)
          return
        default:
          break
      }
    }
  } catch (err) {
    ctx.logger.warn({ err: String(err), jobId: a.jobId }, 'farm attempt failed unexpectedly; resubmitting')
    await loseAttempt(ctx, rt, a, `internal error: ${String(err)}`)
  } finally {
    off()
  }
}

async function onStarted(ctx: RunnerContext, rt: BackendRuntime, a: ActiveAttempt): Promise<void> {
  if (a.primaryModel !== null) ctx.modelLoaded(rt, a.primaryModel)
  if (await ctx.jobs.markRunning(a.jobId, a.promptId, new Date(a.startedAtMs ?? Date.now()).toISOString())) {
    ctx.events.job({
      jobId: a.jobId,
      state: 'running',
      priority: a.priority,
      backendId: a.backendId,
      attempt: a.number,
      error: null,
    })
  }
}

function isOutOfMemory(result: PromptResult): boolean {
  const e = result.error
  return e !== null && (/OutOfMemory/i.test(e.exception_type) || /out of memory/i.test(e.exception_message))
}

function executionError(result: PromptResult): RenderJobError {
  const e = result.error
  if (e === null) {
    return {
      type: 'execution_error',
      message: 'ComfyUI reported an error',
      nodeId: null,
      nodeType: null,
      nodeErrors: [],
    }
  }
  const nodeId = e.node_id == null ? null : String(e.node_id)
  return {
    type: e.exception_type,
    message: e.exception_message.split('\n')[0] ?? e.exception_message,
    nodeId,
    nodeType: e.node_type ?? null,
    nodeErrors:
      nodeId === null ? [] : [{ nodeId, classType: e.node_type ?? '', messages: [e.exception_message.trim()] }],
  }
}

/** Settles an attempt whose end event never came, from its /history entry (if it has one). */
async function settleFromHistory(ctx: RunnerContext, rt: BackendRuntime, a: ActiveAttempt, endedBy: number) {
  if (a.settled) return
  const history = await rt.client.history(a.promptId).catch(() => null)
  if (history === null || a.settled) return
  a.finishedAtMs ??= endedBy
  const messages = history.status?.messages ?? []
  const success = history.status?.status_str === 'success' || history.status === undefined
  const interrupted = messages.some(([event]) => event === 'execution_interrupted')
  const outcome = success ? 'success' : interrupted ? 'interrupted' : 'error'
  ctx.logger.warn({ jobId: a.jobId, promptId: a.promptId }, 'farm: prompt end event missed; settled from /history')
  await onFinished(ctx, rt, a, {
    promptId: a.promptId,
    outcome,
    history,
    error: null,
    files: rt.client.outputs(history),
  })
}

async function onFinished(ctx: RunnerContext, rt: BackendRuntime, a: ActiveAttempt, result: PromptResult) {
  if (a.settled) return
  switch (result.outcome) {
    case 'success':
      return onSuccess(ctx, rt, a, result)
    case 'lost':
      return loseAttempt(ctx, rt, a, 'the prompt is in neither the queue nor the history (backend restarted?)')
    case 'interrupted':
      if (a.canceled) return
      return settleFailure(ctx, rt, a, 'interrupted', {
        type: 'interrupted',
        message: 'interrupted on the backend by someone else',
        nodeId: null,
        nodeType: null,
        nodeErrors: [],
      })
    case 'error':
      if (isOutOfMemory(result)) return settleFailure(ctx, rt, a, 'out-of-memory', executionError(result), 'more-vram')
      return settleFailure(ctx, rt, a, 'failed', executionError(result))
  }
}

async function onSuccess(ctx: RunnerContext, rt: BackendRuntime, a: ActiveAttempt, result: PromptResult) {
  learnSpeed(rt, a, ctx.options.smart.switchCost)
  a.settled = true
  // Free the slot first: the next prompt is submitted while we download this one's files.
  ctx.release(rt, a)
  const job = await ctx.jobs.get(a.jobId)
  if (job === null || job.promptId !== a.promptId || (job.state !== 'assigned' && job.state !== 'running')) {
    await ctx.jobs.endAttempt(a.promptId, job?.state === 'canceled' ? 'canceled' : 'lost', null)
    return
  }
  try {
    await ingestOutputs(ctx.ingest, rt.client, a.jobId, result.files)
  } catch (err) {
    // A failed download is a failed attempt, not a lost backend: it is counted, so outputs that
    // can never be fetched (files gone, disk full, a failing proxy) end the job after maxAttempts.
    if (!(err instanceof ComfyHttpError)) ctx.suspect(rt)
    await countFailure(ctx, rt, a, 'failed', downloadError(rt, err))
    return
  }
  // Ended when the GPU was free (`executing: null`), not after our download.
  const endedAt = new Date(a.finishedAtMs ?? Date.now()).toISOString()
  if (!(await ctx.jobs.settle(a.jobId, a.promptId, 'succeeded', null, { outcome: 'succeeded', error: null, endedAt })))
    return
  await ctx.succeeded({ id: a.jobId, taskId: job.taskId })
  ctx.metrics.attempts.inc({ outcome: 'succeeded' })
  if (a.startedAtMs !== null && a.finishedAtMs !== null) {
    ctx.metrics.jobDuration.observe((a.finishedAtMs - a.startedAtMs) / 1000)
  }
  ctx.events.job({
    jobId: a.jobId,
    state: 'succeeded',
    priority: a.priority,
    backendId: a.backendId,
    attempt: a.number,
    error: null,
  })
}

/** The backend lost the prompt (crash, restart, unreachable): resubmit elsewhere, not counted as a failure. */
export async function loseAttempt(ctx: RunnerContext, rt: BackendRuntime, a: ActiveAttempt, reason: string) {
  if (a.settled) return
  a.settled = true
  ctx.release(rt, a)
  // If the server is in fact alive (a network blip), do not let it run the prompt twice.
  rt.client.cancel(a.promptId).catch(() => {})
  await requeueLost(ctx, a, reason)
}

async function requeueLost(ctx: RunnerContext, a: ActiveAttempt, reason: string): Promise<void> {
  const error: RenderJobError = { type: 'backend_lost', message: reason, nodeId: null, nodeType: null, nodeErrors: [] }
  ctx.metrics.attempts.inc({ outcome: 'lost' })
  if (await ctx.jobs.requeue(a.jobId, a.promptId, { nextAttemptAt: null, attempt: { outcome: 'lost', error } })) {
    ctx.events.job({
      jobId: a.jobId,
      state: 'queued',
      priority: a.priority,
      backendId: null,
      attempt: a.number,
      error: reason,
    })
  }
}

type RetryRule = 'backoff' | 'more-vram' | 'never'
/** How an attempt that did not succeed ended. */
type FailureOutcome = 'failed' | 'rejected' | 'out-of-memory' | 'interrupted'

async function settleFailure(
  ctx: RunnerContext,
  rt: BackendRuntime,
  a: ActiveAttempt,
  outcome: FailureOutcome,
  error: RenderJobError,
  rule: RetryRule = 'backoff',
): Promise<void> {
  if (a.settled) return
  a.settled = true
  ctx.release(rt, a)
  await countFailure(ctx, rt, a, outcome, error, rule)
}

/** The output download of a finished prompt failed (the GPU work itself succeeded). */
function downloadError(rt: BackendRuntime, err: unknown): RenderJobError {
  return {
    type: OUTPUT_DOWNLOAD_FAILED,
    message: `downloading the outputs from ${rt.record.name} failed: ${describeFetchError(err)}`,
    nodeId: null,
    nodeType: null,
    nodeErrors: [],
  }
}

/** Records a failed attempt whose slot is already released, then retries or fails the job. */
async function countFailure(
  ctx: RunnerContext,
  rt: BackendRuntime,
  a: ActiveAttempt,
  outcome: FailureOutcome,
  error: RenderJobError,
  rule: RetryRule = 'backoff',
): Promise<void> {
  ctx.metrics.attempts.inc({ outcome })
  // The attempt ends in the same transaction as the job's requeue or failure.
  const attempt = { outcome, error }
  const job = await ctx.jobs.get(a.jobId)
  if (job === null) {
    await ctx.jobs.endAttempt(a.promptId, outcome, error)
    return
  }
  const retry = rule !== 'never' && job.attemptCount < job.maxAttempts
  if (retry) {
    const delayMs =
      rule === 'more-vram' ? 0 : retryDelayMs({ type: 'exponential', delay: ctx.options.retryBaseMs }, job.attemptCount)
    const vram = rule === 'more-vram' ? { vramAboveGb: Math.max(job.vramAboveGb ?? 0, rt.record.vramGb) } : {}
    const nextAttemptAt = delayMs > 0 ? new Date(Date.now() + delayMs).toISOString() : null
    if (await ctx.jobs.requeue(a.jobId, a.promptId, { nextAttemptAt, error, attempt, ...vram })) {
      ctx.events.job({
        jobId: a.jobId,
        state: 'queued',
        priority: a.priority,
        backendId: null,
        attempt: a.number,
        error: error.message,
      })
    }
    return
  }
  if (await ctx.jobs.settle(a.jobId, a.promptId, 'failed', error, attempt)) {
    ctx.events.job({
      jobId: a.jobId,
      state: 'failed',
      priority: a.priority,
      backendId: a.backendId,
      attempt: a.number,
      error: error.message,
    })
  }
}
