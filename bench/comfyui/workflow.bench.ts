// Workflow benchmarks: parse + validate + apply parameters on a generated 200-node prompt, and
// UI → API conversion of each recorded workflow. Prints one JSON object; never asserts on time.
// Run: npx tsx bench/comfyui/workflow.bench.ts   (needs ../shared/fixtures for object_info dumps)
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  type ApiPrompt,
  applyParameters,
  convertUiToApi,
  ObjectInfo,
  parseApiPrompt,
  validateApiPrompt,
} from '@aipipeline/comfyui'
import { twoHundredNodePrompt } from '../support/two-hundred-node-prompt'

const fixtures = new URL('../../../shared/fixtures/comfyui/', import.meta.url)
const readJson = (relative: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(relative, fixtures)), 'utf8'))
const objectInfo = (stem: string) => ObjectInfo.parse(readJson(`object_info/${stem}.object_info.json`))

/** Milliseconds per call: median of `runs` timed calls after a warm-up. */
function median(fn: () => void, runs: number): number {
  for (let i = 0; i < Math.min(20, runs); i++) fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    fn()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  samples.sort((a, b) => a - b)
  return Number((samples[Math.floor(samples.length / 2)] ?? 0).toFixed(4))
}

const generatedPrompt = (): ApiPrompt => twoHundredNodePrompt({ placeholders: true })

const full2026 = objectInfo('autoflow_2026-02_full_with_wan')
const full2024 = objectInfo('comfy-ts_2024_full_with_custom_nodes')
const text = JSON.stringify(generatedPrompt())
const runs = 300

function pipeline(): void {
  const parsed = parseApiPrompt(JSON.parse(text))
  if (!parsed.ok) throw new Error('generated prompt does not parse')
  const applied = applyParameters(parsed.prompt, { subject: 'castle', steps: 25 }, full2026)
  if (applied.errors.length > 0) throw new Error(applied.errors[0]?.message)
  const valid = validateApiPrompt(applied.prompt, full2026)
  if (!valid.ok) throw new Error(valid.errors[0]?.message)
}

const conversions: [string, ObjectInfo][] = [
  ['pair_comfy-cli_sd15_t2i', objectInfo('comfy-cli_sd15_subset')],
  ['pair_autoflow_sdxl_t2i_markdownnotes', full2026],
  ['pair_comfy-ts_simple_pag_t2i', full2024],
  ['pair_krita_upscale_mask_primitives', objectInfo('krita-ai-diffusion_subset')],
  ['pair_comfyui-examples_sdxl_refiner_primitives_converted_widgets', full2024],
  ['pair_comfyui-examples_2pass_hiresfix_latent', full2024],
  ['frontend_reroute_legacy_nodes_branching', full2024],
  ['frontend_reroute_native_branching', full2024],
  ['template_01_get_started_t2i_subgraph', full2026],
  ['template_02_qwen_image_edit_subgraphed_i2i', full2026],
  ['template_api_tripo3_text_to_model_bypassed', full2026],
  ['template_flux2_klein_image_extend_outpaint', full2026],
  ['template_video_wan2_2_14B_t2v', full2026],
]

const uiToApiMs: Record<string, number> = {}
for (const [stem, info] of conversions) {
  const ui = readJson(`workflows/ui/${stem}.ui.json`)
  uiToApiMs[stem] = median(() => {
    if (!convertUiToApi(ui, info).ok) throw new Error(`${stem} did not convert`)
  }, 200)
}

const parsedOnce = parseApiPrompt(JSON.parse(text))
const prompt = parsedOnce.ok ? parsedOnce.prompt : {}
console.log(
  JSON.stringify(
    {
      node: process.version,
      generatedWorkflow: { nodes: Object.keys(prompt).length, jsonBytes: text.length },
      parseValidateApplyMedianMs: median(pipeline, runs),
      parts: {
        jsonParseAndSchemaMs: median(() => parseApiPrompt(JSON.parse(text)), runs),
        applyParametersMs: median(() => applyParameters(prompt, { subject: 'castle', steps: 25 }, full2026), runs),
        validateMs: median(
          () => validateApiPrompt(applyParameters(prompt, { steps: 25, subject: 'x' }).prompt, full2026),
          runs,
        ),
      },
      targetMs: 2,
      uiToApiMedianMs: uiToApiMs,
    },
    null,
    2,
  ),
)
