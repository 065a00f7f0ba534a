import type { z } from 'zod'
import type { HistoryEntry } from '../protocol/http-response.schema'
import { ExecutionErrorDataSchema } from '../protocol/ws-message.schema'
import { type ComfyOutputFile, outputFiles } from './output-files'
import { nodeWeights, OverallProgress, type PromptGraphLike } from './prompt-progress'

export type ExecutionErrorData = z.infer<typeof ExecutionErrorDataSchema>
export type PromptOutcome = 'success' | 'error' | 'interrupted' | 'lost'

/** How a watched prompt ended; `lost` = in neither queue nor history (backend restarted). */
export interface PromptResult {
  promptId: string
  outcome: PromptOutcome
  history: HistoryEntry | null
  error: ExecutionErrorData | null
  files: ComfyOutputFile[]
}

export type PromptEvent =
  | { type: 'started' }
  | { type: 'cached'; nodes: string[] }
  /** A node started; `overall` is the weighted progress of the whole prompt (0..1). */
  | { type: 'executing'; node: string; overall: number }
  /** Per-step progress of `node`, plus the whole prompt's weighted progress (0..1). */
  | { type: 'progress'; node: string; value: number; max: number; overall: number }
  | { type: 'preview'; node: string | null; mime: string; image: Buffer }
  | { type: 'executed'; node: string; output: Record<string, unknown> }
  | { type: 'execution_error'; error: ExecutionErrorData }
  | { type: 'interrupted'; node: string | null }
  | { type: 'finished'; result: PromptResult }

/** A per-prompt event stream (async iterable) with its final result. */
export class PromptWatch implements AsyncIterable<PromptEvent> {
  readonly result: Promise<PromptResult>
  private settle: (r: PromptResult) => void = () => {}
  private readonly buffer: PromptEvent[] = []
  private waiter: (() => void) | null = null
  private finished = false
  /** True once any event of this prompt arrived (it left the queue). */
  started = false
  /** False between pre-registration and the 200 of POST /prompt: it cannot be lost yet. */
  armed = true
  /** True once `executing: null` arrived: its history is final, so arming must read it at once. */
  endSeen = false
  private wsError: ExecutionErrorData | null = null
  private readonly progress: OverallProgress

  constructor(
    readonly promptId: string,
    graph: PromptGraphLike | undefined,
    private readonly onDone: () => void,
  ) {
    this.progress = new OverallProgress(nodeWeights(graph ?? {}))
    this.result = new Promise((resolve) => {
      this.settle = resolve
    })
  }

  get isFinished(): boolean {
    return this.finished
  }

  /** Emits an event; progress and cached events also move the overall progress. */
  push(event: PromptEvent): void {
    if (this.finished) return
    this.started = true
    if (event.type === 'cached') this.progress.markDone(event.nodes)
    if (event.type === 'executing') {
      this.progress.start(event.node)
      this.emit({ ...event, overall: this.progress.value })
      return
    }
    if (event.type === 'execution_error') this.wsError = event.error
    if (event.type === 'progress') {
      this.progress.step(event.node, event.value, event.max)
      this.emit({ ...event, overall: this.progress.value })
      return
    }
    this.emit(event)
  }

  /** Ends the watch without a result event (the submit was rejected). */
  discard(): void {
    if (this.finished) return
    this.finished = true
    this.onDone()
  }

  /** Ends the watch from a history entry (or null when the prompt is lost). */
  finish(history: HistoryEntry | null): void {
    if (this.finished) return
    const result = resultFrom(this.promptId, history, this.wsError)
    this.emit({ type: 'finished', result })
    this.finished = true
    this.settle(result)
    this.onDone()
  }

  private emit(event: PromptEvent): void {
    this.buffer.push(event)
    this.waiter?.()
  }

  async *[Symbol.asyncIterator](): AsyncIterator<PromptEvent> {
    for (;;) {
      const next = this.buffer.shift()
      if (next !== undefined) {
        yield next
        if (next.type === 'finished') return
        continue
      }
      await new Promise<void>((resolve) => {
        this.waiter = resolve
      })
      this.waiter = null
    }
  }
}

function resultFrom(promptId: string, history: HistoryEntry | null, wsError: ExecutionErrorData | null): PromptResult {
  if (history === null) return { promptId, outcome: 'lost', history: null, error: null, files: [] }
  const messages = history.status?.messages ?? []
  const interrupted = messages.some(([event]) => event === 'execution_interrupted')
  let error = wsError
  for (const [event, data] of messages) {
    if (event !== 'execution_error') continue
    const parsed = ExecutionErrorDataSchema.safeParse(data)
    if (parsed.success) error = parsed.data
  }
  const success = history.status?.status_str === 'success' || (history.status === undefined && error === null)
  const outcome: PromptOutcome = success ? 'success' : interrupted ? 'interrupted' : 'error'
  return { promptId, outcome, history, error: outcome === 'error' ? error : null, files: outputFiles(history) }
}
