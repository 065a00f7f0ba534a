import type { QueuedPrompt } from './prompt-heap'
import { cacheKeys, estimateVramGb, nominalDurationMs, samplerSteps } from './simulator-graph'
import type { NodeRun } from './simulator-outputs'

// Runs one prompt the way execution.py does, emitting ComfyUI's message sequence:
// execution_start → execution_cached → per node (progress_state, executing, ticks, executed,
// progress_state) → terminal message. Interrupts land only at node starts and sampler ticks.

export type StatusMessage = [string, Record<string, unknown>]

export interface PromptOutcome {
  status: 'success' | 'error' | 'interrupted'
  outputs: Record<string, Record<string, unknown[]>>
  messages: StatusMessage[]
}

export interface ExecutorContext {
  send(type: string, data: Record<string, unknown>, sid: string | null): void
  preview(promptId: string, nodeId: string, step: number, sid: string | null, kind: 'meta' | 'plain'): void
  /** Waits `nominalMs` scaled by timeScale / speed; resolves false when the run was abandoned (crash). */
  wait(nominalMs: number): Promise<boolean>
  interruptRequested(): boolean
  cachedOutput(key: string): NodeRun['output'] | undefined
  isCached(key: string): boolean
  runOutputNode(item: QueuedPrompt, id: string, key: string): NodeRun['output']
  storeCache(key: string, output: NodeRun['output']): void
  oomNode(item: QueuedPrompt): string | null
  vramGb: number
  setLastNode(id: string | null): void
}

const OOM_TIPS =
  'This error means you ran out of memory on your GPU.\n\n' +
  'TIPS: If the workflow worked before you might have accidentally set the batch_size to a large number.'

/** Builds the execution_error payload ComfyUI sends for a torch out-of-memory exception. */
export function oomError(item: QueuedPrompt, nodeId: string, executed: string[], needGb: number, haveGb: number) {
  const node = item.prompt[nodeId]
  const requested = Math.max(0.5, needGb - haveGb).toFixed(2)
  return {
    prompt_id: item.promptId,
    node_id: nodeId,
    node_type: node?.class_type ?? '',
    executed,
    exception_message:
      `Allocation on device 0 would exceed allowed memory. (out of memory)\n` +
      `Currently allocated     : ${haveGb.toFixed(2)} GiB\nRequested               : ${requested} GiB\n` +
      `Device limit            : ${haveGb.toFixed(2)} GiB\nFree (according to CUDA): 0 bytes\n${OOM_TIPS}`,
    exception_type: 'torch.OutOfMemoryError',
    traceback: [
      '  File "/ComfyUI/execution.py", line 496, in execute\n    output_data, output_ui, has_subgraph, has_pending_tasks = await get_output_data(...)\n',
      '  File "/ComfyUI/comfy/model_management.py", line 1072, in cast_to\n    r = torch.empty_like(weight, dtype=dtype, device=device)\n',
    ],
    current_inputs: Object.fromEntries(Object.entries(node?.inputs ?? {}).map(([k, v]) => [k, [JSON.stringify(v)]])),
    current_outputs: executed,
  }
}

/** Executes one prompt; returns null when the run was abandoned by a crash. */
export function executePrompt(ctx: ExecutorContext, item: QueuedPrompt): Promise<PromptOutcome | null> {
  return new PromptRun(ctx, item).run()
}

type NodeResult = 'done' | 'abandoned' | PromptOutcome

/** One execution of one prompt: the state execution.py keeps while it walks the graph. */
class PromptRun {
  private readonly sid: string | null
  private readonly pid: string
  private readonly messages: StatusMessage[] = []
  private readonly outputs: PromptOutcome['outputs'] = {}
  private readonly executed: string[] = []
  private readonly states: Record<string, Record<string, unknown>> = {}

  constructor(
    private readonly ctx: ExecutorContext,
    private readonly item: QueuedPrompt,
  ) {
    this.sid = item.clientId
    this.pid = item.promptId
  }

  async run(): Promise<PromptOutcome | null> {
    const keys = cacheKeys(this.item.prompt, this.item.executionOrder)
    const cached = this.item.executionOrder.filter((id) => this.ctx.isCached(keys.get(id) ?? ''))
    this.add('execution_start', { prompt_id: this.pid }, false)
    this.add('execution_cached', { nodes: cached, prompt_id: this.pid }, false)
    const oomAt = this.ctx.oomNode(this.item)
    for (const id of this.item.executionOrder) {
      const key = keys.get(id) ?? ''
      if (cached.includes(id)) {
        this.replayCached(id, key)
        continue
      }
      const result = await this.runNode(id, key, oomAt === id)
      if (result === 'abandoned') return null
      if (result !== 'done') return result
    }
    this.add('execution_success', { prompt_id: this.pid }, false)
    return { status: 'success', outputs: this.outputs, messages: this.messages }
  }

  // execution.py add_message: sent to the submitter, or to everyone only for "broadcast" events.
  private add(event: string, data: Record<string, unknown>, broadcast: boolean): void {
    const stamped = { ...data, timestamp: Date.now() }
    this.messages.push([event, stamped])
    if (this.sid !== null || broadcast) this.ctx.send(event, stamped, this.sid)
  }

  private progressState(id: string, value: number, max: number, state: string): void {
    const ids = { node_id: id, prompt_id: this.pid, display_node_id: id, parent_node_id: null, real_node_id: id }
    this.states[id] = { value, max, state, ...ids }
    this.ctx.send('progress_state', { prompt_id: this.pid, nodes: { ...this.states } }, this.sid)
  }

  private emitExecuted(id: string, output: Record<string, unknown[]>): void {
    this.outputs[id] = output
    if (this.sid !== null) {
      this.ctx.send('executed', { node: id, display_node: id, output, prompt_id: this.pid }, this.sid)
    }
  }

  /** Cached output nodes re-send their UI output; other cached nodes only finish. */
  private replayCached(id: string, key: string): void {
    const out = this.ctx.cachedOutput(key)
    if (out) this.emitExecuted(id, out)
    this.progressState(id, 1, 1, 'finished')
  }

  private async runNode(id: string, key: string, oom: boolean): Promise<NodeResult> {
    const node = this.item.prompt[id]
    if (node === undefined) return 'done'
    if (this.ctx.interruptRequested()) return this.interrupted(id)
    this.progressState(id, 0, 1, 'running')
    if (this.sid !== null) this.ctx.send('executing', { node: id, display_node: id, prompt_id: this.pid }, this.sid)
    this.ctx.setLastNode(id)
    if (oom) {
      const need = estimateVramGb(this.item.prompt)
      this.add('execution_error', oomError(this.item, id, [...this.executed], need, this.ctx.vramGb), false)
      return { status: 'error', outputs: this.outputs, messages: this.messages }
    }
    const steps = samplerSteps(this.item.prompt, id)
    const stepMs = nominalDurationMs(this.item.prompt, id)
    if (steps === 0 && !(await this.ctx.wait(stepMs))) return 'abandoned'
    for (let s = 1; s <= steps; s++) {
      if (!(await this.ctx.wait(stepMs))) return 'abandoned'
      // The progress hook raises on the interrupt flag before reporting the tick.
      if (this.ctx.interruptRequested()) return this.interrupted(id)
      this.progressState(id, s, steps, 'running')
      this.ctx.preview(this.pid, id, s, this.sid, 'meta')
      this.ctx.send('progress', { value: s, max: steps, prompt_id: this.pid, node: id }, this.sid)
      this.ctx.preview(this.pid, id, s, this.sid, 'plain')
    }
    const out = this.item.outputs.includes(id) ? this.ctx.runOutputNode(this.item, id, key) : null
    this.ctx.storeCache(key, out)
    this.executed.push(id)
    if (out) this.emitExecuted(id, out)
    this.progressState(id, steps || 1, steps || 1, 'finished')
    return 'done'
  }

  private interrupted(id: string): PromptOutcome {
    const nodeType = this.item.prompt[id]?.class_type ?? ''
    const data = { prompt_id: this.pid, node_id: id, node_type: nodeType, executed: this.executed }
    this.add('execution_interrupted', data, true)
    return { status: 'interrupted', outputs: this.outputs, messages: this.messages }
  }
}
