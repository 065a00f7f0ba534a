// Template import benchmark: reading a 200-node UI workflow the way POST /api/farm/templates/inspect
// does (JSON parse, UI → API conversion with object_info, placeholder suggestions, parameter
// typing, traits, requirements, preview graph), against a baseline measured in the same run:
// JSON.parse of the same text. Prints one JSON object; never asserts on time. Target: median < 50 ms.
// Run: npx tsx bench/farm/template-import.bench.ts   (BENCH_RUNS sets the timed runs, default 200)
import { loadavg } from 'node:os'
import {
  type ApiPrompt,
  convertUiToApi,
  defaultObjectInfo,
  describeWorkflowImport,
  isLink,
  listInputs,
  type ObjectInfo,
} from '@aipipeline/comfyui'
import { twoHundredNodePrompt } from '../support/two-hundred-node-prompt'

const RUNS = Number(process.env.BENCH_RUNS ?? 200)
const TARGET_MEDIAN_MS = 50

const generatedPrompt = (): ApiPrompt => twoHundredNodePrompt({ placeholders: false })

const WIDGET_TYPES = new Set(['INT', 'FLOAT', 'STRING', 'BOOLEAN', 'COMBO'])

/** The UI ("Save") form of an API prompt: nodes with sockets and widget values, v0.4 link tuples. */
function toUiWorkflow(prompt: ApiPrompt, info: ObjectInfo): unknown {
  const links: unknown[][] = []
  const nodes = Object.entries(prompt).map(([id, node], index) => {
    const def = info[node.class_type]
    if (def === undefined) throw new Error(`no definition for ${node.class_type}`)
    const inputs: unknown[] = []
    const widgets: unknown[] = []
    for (const input of listInputs(def)) {
      if (input.category === 'hidden') continue
      const value = node.inputs[input.name]
      if (isLink(value)) {
        links.push([links.length + 1, Number(value[0]), value[1], Number(id), inputs.length, input.type])
        inputs.push({ name: input.name, type: input.type, link: links.length })
      } else if (WIDGET_TYPES.has(input.type)) {
        widgets.push(value ?? input.options.default ?? null)
        if (input.options.control_after_generate === true) widgets.push('fixed')
      }
    }
    const outputs = def.output.map((type, slot) => ({ name: def.output_name?.[slot] ?? type, type, links: [] }))
    return {
      id: Number(id),
      type: node.class_type,
      pos: [(index % 20) * 320, Math.floor(index / 20) * 260],
      mode: 0,
      inputs,
      outputs,
      widgets_values: widgets,
    }
  })
  return { last_node_id: 500, last_link_id: links.length, nodes, links, version: 0.4 }
}

function quantile(sorted: number[], q: number): number {
  return Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(4))
}

/** Median and p95 in ms of `fn` over RUNS timed calls after a warm-up. */
function measure(fn: () => void): { medianMs: number; p95Ms: number } {
  for (let i = 0; i < Math.min(20, RUNS); i++) fn()
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint()
    fn()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  samples.sort((a, b) => a - b)
  return { medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95) }
}

const info = defaultObjectInfo()
const text = JSON.stringify(toUiWorkflow(generatedPrompt(), info))
let suggested = 0
let convertedNodes = 0

function importOnce(): void {
  const ui: unknown = JSON.parse(text)
  const converted = convertUiToApi(ui, info)
  if (!converted.ok) throw new Error(converted.errors[0]?.message ?? 'conversion failed')
  const described = describeWorkflowImport(converted.prompt, ui, info)
  suggested = described.parameters.length
  convertedNodes = Object.keys(described.prompt).length
}

const imported = measure(importOnce)
const baseline = measure(() => JSON.parse(text))
console.log(
  JSON.stringify(
    {
      bench: 'template-import',
      node: process.version,
      loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
      workflow: {
        nodes: generatedPromptSize(),
        convertedNodes,
        jsonBytes: text.length,
        suggestedParameters: suggested,
      },
      runs: RUNS,
      importMs: imported,
      baselineJsonParseMs: baseline,
      targetMedianMs: TARGET_MEDIAN_MS,
      medianOverTarget: Number((imported.medianMs / TARGET_MEDIAN_MS).toFixed(4)),
      medianOverBaseline: Number((imported.medianMs / Math.max(baseline.medianMs, 1e-6)).toFixed(2)),
      withinTarget: imported.medianMs < TARGET_MEDIAN_MS,
    },
    null,
    2,
  ),
)

function generatedPromptSize(): number {
  return Object.keys(generatedPrompt()).length
}
