import type { ApiPrompt } from './api-prompt.schema'
import { applyParameters, type ParameterValues } from './parameters'
import { compareNodeIds } from './prompt-graph'
import type { WorkflowError } from './workflow-error'

/** A sweep larger than this is almost certainly a mistake (and would exhaust memory). */
export const MAX_SWEEP_RUNS = 10_000

/** Seed inputs ComfyUI's core nodes use; custom nodes mostly follow the same naming. */
const SEED_INPUT = /(^|_)seed$/

/** 32-bit FNV-1a, to mix a node's address into the base seed. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** mulberry32 step: a small, well-mixed deterministic generator. */
function mix(state: number): number {
  let t = (state + 0x6d2b79f5) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return (t ^ (t >>> 14)) >>> 0
}

export interface RandomizedSeeds {
  prompt: ApiPrompt
  /** `nodeId.inputName` → the seed written there, for the version's sidecar. */
  seeds: Record<string, number>
}

/**
 * Gives every literal seed input (`seed`, `noise_seed`, …) a new value derived only from
 * `baseSeed` and the node id and input name: the same base seed always gives the same seeds.
 * Seeds stay within 2^53 so they survive JSON and JavaScript numbers.
 */
export function randomizeSeeds(prompt: ApiPrompt, baseSeed: number): RandomizedSeeds {
  const out: ApiPrompt = {}
  const seeds: Record<string, number> = {}
  const base = Math.trunc(baseSeed) >>> 0
  const high = Math.floor(Math.trunc(baseSeed) / 2 ** 32) >>> 0
  for (const id of Object.keys(prompt).sort(compareNodeIds)) {
    const node = prompt[id]
    if (node === undefined) continue
    const inputs = { ...node.inputs }
    for (const [name, value] of Object.entries(inputs)) {
      if (!SEED_INPUT.test(name) || typeof value !== 'number') continue
      const h = fnv1a(`${id}.${name}`, base ^ mix(high))
      const seed = (mix(h) & 0x1fffff) * 2 ** 32 + mix(h ^ 0x9e3779b9)
      inputs[name] = seed
      seeds[`${id}.${name}`] = seed
    }
    out[id] = { ...node, inputs }
  }
  return { prompt: out, seeds }
}

export interface SweepRun {
  prompt: ApiPrompt
  /** The parameter values of this run (one per sweep axis). */
  values: ParameterValues
  errors: WorkflowError[]
}

/**
 * Expands `{name: [v1, v2…]}` axes into their cartesian product, one prompt per combination,
 * in row-major order (the last axis changes fastest). Axes are placeholder names or overrides.
 */
export function expandSweep(
  prompt: ApiPrompt,
  axes: Record<string, readonly unknown[]>,
  fixed: ParameterValues = {},
): SweepRun[] {
  const names = Object.keys(axes)
  const total = names.reduce((n, name) => n * (axes[name]?.length ?? 0), 1)
  if (total > MAX_SWEEP_RUNS) {
    const error: WorkflowError = {
      code: 'bad-parameter-value',
      message: `Sweep of ${total} runs exceeds the limit of ${MAX_SWEEP_RUNS}`,
    }
    return [{ prompt, values: {}, errors: [error] }]
  }
  const runs: SweepRun[] = []
  for (let index = 0; index < total; index++) {
    const values: ParameterValues = {}
    let rest = index
    for (let a = names.length - 1; a >= 0; a--) {
      const name = names[a] ?? ''
      const options = axes[name] ?? []
      values[name] = options[rest % options.length]
      rest = Math.floor(rest / options.length)
    }
    const applied = applyParameters(prompt, { ...fixed, ...values })
    runs.push({ prompt: applied.prompt, values, errors: applied.errors })
  }
  return runs
}
