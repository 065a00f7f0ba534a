import { describe, expect, it } from 'vitest'
import { type ApiPrompt, parseApiPrompt } from './api-prompt.schema'
import { fixturesAvailable, listFixtures, loadObjectInfo, readFixture } from './comfy-fixtures.test-helper'
import { validateApiPrompt } from './prompt.validator'
import { convertUiToApi } from './ui-to-api.converter'

const FULL_2026 = 'autoflow_2026-02_full_with_wan'
const FULL_2024 = 'comfy-ts_2024_full_with_custom_nodes'

/** Which /object_info dump fits which UI workflow (per the fixture README and the classes each uses). */
const fitting: Record<string, string> = {
  'pair_comfy-cli_sd15_t2i': 'comfy-cli_sd15_subset',
  pair_autoflow_sdxl_t2i_markdownnotes: FULL_2026,
  'pair_comfy-ts_simple_pag_t2i': FULL_2024,
  pair_krita_upscale_mask_primitives: 'krita-ai-diffusion_subset',
  'pair_comfyui-examples_img2img': FULL_2024,
  'pair_comfyui-examples_inpaint_alpha_mask': FULL_2024,
  'pair_comfyui-examples_inpaint_yosemite_outpaint': FULL_2024,
  'pair_comfyui-examples_upscale_esrgan': FULL_2024,
  'pair_comfyui-examples_2pass_hiresfix_latent': FULL_2024,
  'pair_comfyui-examples_sdxl_refiner_primitives_converted_widgets': FULL_2024,
  frontend_old_converted_widget_input_primitive: FULL_2024,
  frontend_primitive_node_steps: 'comfy-cli_sd15_subset',
  frontend_reroute_legacy_nodes_branching: 'comfy-cli_sd15_subset',
  frontend_reroute_native_branching: 'comfy-cli_sd15_subset',
  template_01_get_started_t2i_subgraph: FULL_2026,
  template_02_qwen_image_edit_subgraphed_i2i: FULL_2026,
  template_api_tripo3_text_to_model_bypassed: FULL_2026,
  template_flux2_klein_image_extend_outpaint: FULL_2026,
  template_video_wan2_2_14B_t2v: FULL_2026,
}

/**
 * No dump here has every class these use, so conversion must fail and name what is missing.
 * The Gemini batch template references a subgraph definition it does not contain, and its
 * top-level link table was emptied when it was cut down, so its subgraph nodes' inputs point
 * at links that no longer exist.
 */
const unconvertible: Record<string, { objectInfo: string; classes: string[]; code: string; danglingLinks?: number[] }> =
  {
    'comfy-cli_subgraph_template_gemini_batch': {
      objectInfo: 'comfy-cli_subgraph_template_subset',
      classes: ['6d92985e-3e1e-49e2-acea-91c5259d86a8'],
      code: 'unsupported-node',
      danglingLinks: [12, 14, 60, 81, 86],
    },
    template_3d_triposplat_bypassed_subgraph_video: {
      objectInfo: FULL_2026,
      classes: [
        'CreateCameraInfo',
        'LoadBackgroundRemovalModel',
        'RemoveBackground',
        'RenderSplat',
        'SplatToFile3D',
        'TripoSplatConditioning',
        'TripoSplatPreprocessImage',
        'TripoSplatSamplingPreview',
        'VAEDecodeTripoSplat',
      ],
      code: 'unknown-class',
    },
    template_animate_diff_loops_nested_subgraphs: {
      objectInfo: FULL_2024,
      classes: ['AILab_QwenVL', 'FL_KsamplerPlus', 'FL_UpscaleModel', 'VHS_VideoCombine'],
      code: 'unknown-class',
    },
    template_image_speech_to_video_muted_subgraph: {
      objectInfo: FULL_2026,
      classes: ['ComfyMathExpression', 'ElevenLabsTextToSpeech', 'ElevenLabsVoiceSelector'],
      code: 'unknown-class',
    },
  }

const stems = listFixtures('workflows/ui').map((f) => f.replace(/\.ui\.json$/, ''))

function convert(stem: string, objectInfo: string) {
  return convertUiToApi(readFixture(`workflows/ui/${stem}.ui.json`), loadObjectInfo(objectInfo))
}

function withoutMeta(prompt: ApiPrompt): Record<string, { class_type: string; inputs: unknown }> {
  return Object.fromEntries(
    Object.entries(prompt).map(([id, n]) => [id, { class_type: n.class_type, inputs: { ...n.inputs } }]),
  )
}

describe.runIf(fixturesAvailable)('UI → API conversion of recorded workflows', () => {
  it('has a decision for every UI fixture', () => {
    expect(stems.filter((s) => fitting[s] === undefined && unconvertible[s] === undefined)).toEqual([])
  })

  it.each(Object.entries(fitting))('converts %s with %s', (stem, objectInfo) => {
    const result = convert(stem, objectInfo)
    expect(result.ok ? 'ok' : result.errors.map((e) => e.message)).toBe('ok')
    expect(result.ok && parseApiPrompt(result.prompt).ok).toBe(true)
  })

  it.each(Object.entries(unconvertible))('refuses %s, naming the nodes it cannot convert', (stem, expected) => {
    const result = convert(stem, expected.objectInfo)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const dangling = result.errors.filter((e) => e.code === 'dangling-link')
    const missing = result.errors.filter((e) => e.code !== 'dangling-link')
    expect(new Set(missing.map((e) => e.code))).toEqual(new Set([expected.code]))
    expect([...new Set(missing.map((e) => e.classType))].sort()).toEqual(expected.classes)
    expect([...new Set(dangling.map((e) => e.details?.linkId))].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      expected.danglingLinks ?? [],
    )
    for (const error of result.errors) expect(error.message).toContain(`#${error.nodeId}`)
  })

  const pairs = stems.filter((s) => s.startsWith('pair_') && !s.includes('krita'))
  it.each(pairs)('reproduces the recorded API prompt of %s', (stem) => {
    const result = convert(stem, fitting[stem] ?? '')
    const recorded = parseApiPrompt(readFixture(`workflows/api/${stem}.api.json`))
    if (!result.ok || !recorded.ok) throw new Error(`${stem} did not convert or parse`)
    const expected = withoutMeta(recorded.prompt)
    // The 2023 frontend also sent LoadImage's upload button as an input; the server ignores it
    // and today's frontend no longer sends it.
    for (const node of Object.values(expected)) delete (node.inputs as Record<string, unknown>)['choose file to upload']
    expect(withoutMeta(result.prompt)).toEqual(expected)
  })

  it('reproduces the krita pair up to its renumbered ids', () => {
    const result = convert('pair_krita_upscale_mask_primitives', 'krita-ai-diffusion_subset')
    const recorded = parseApiPrompt(readFixture('workflows/api/pair_krita_upscale_mask_primitives.api.json'))
    if (!result.ok || !recorded.ok) throw new Error('krita pair did not convert or parse')
    // Each class occurs once, so class names identify nodes across the two numberings.
    const byClass = (p: ApiPrompt) => {
      const idToClass = new Map(Object.entries(p).map(([id, n]) => [id, n.class_type]))
      return Object.fromEntries(
        Object.values(p).map((n) => [
          n.class_type,
          Object.fromEntries(
            Object.entries(n.inputs).map(([k, v]) => [k, Array.isArray(v) ? [idToClass.get(String(v[0])), v[1]] : v]),
          ),
        ]),
      )
    }
    const expected = byClass(recorded.prompt)
    // krita's importer leaves out `tapered_corners`, whose widget value (true) the UI stores.
    expected.GrowMask = { ...expected.GrowMask, tapered_corners: true }
    expect(byClass(result.prompt)).toEqual(expected)
  })

  it('gives the same prompt for legacy Reroute nodes and native reroutes of the same graph', () => {
    const legacy = convert('frontend_reroute_legacy_nodes_branching', 'comfy-cli_sd15_subset')
    const native = convert('frontend_reroute_native_branching', 'comfy-cli_sd15_subset')
    if (!legacy.ok || !native.ok) throw new Error('reroute fixtures did not convert')
    expect(withoutMeta(legacy.prompt)).toEqual(withoutMeta(native.prompt))
  })

  it('pushes a PrimitiveNode value into the converted widget it drives', () => {
    const result = convert('frontend_primitive_node_steps', 'comfy-cli_sd15_subset')
    const ksampler = result.ok ? Object.values(result.prompt).find((n) => n.class_type === 'KSampler') : undefined
    expect(typeof ksampler?.inputs.steps).toBe('number')
  })

  it('leaves no link type error in the converted official templates (Switch and resize nodes use MatchType)', () => {
    const templates = Object.entries(fitting).filter(([stem]) => stem.startsWith('template_'))
    const typeErrors = templates.flatMap(([stem, objectInfo]) => {
      const result = convert(stem, objectInfo)
      if (!result.ok) return [`${stem}: ${result.errors.map((e) => e.message).join('; ')}`]
      // Model files and uploads differ from the machine the dump came from; link types do not.
      return validateApiPrompt(result.prompt, loadObjectInfo(objectInfo))
        .errors.filter((e) => e.code === 'bad-input-type' && e.details?.linkedNode !== undefined)
        .map((e) => `${stem}: ${e.message}`)
    })
    expect(typeErrors).toEqual([])
  })

  it("sends the value edited on the Qwen edit template's subgraph node, not the inner sampler's", () => {
    const result = convert('template_02_qwen_image_edit_subgraphed_i2i', FULL_2026)
    if (!result.ok) throw new Error('qwen edit template did not convert')
    expect(result.prompt['141:137']?.inputs.seed).toBe(392667428726572)
  })

  it('flattens subgraphs into outer:inner ids', () => {
    const result = convert('template_01_get_started_t2i_subgraph', FULL_2026)
    if (!result.ok) throw new Error('subgraph template did not convert')
    expect(Object.keys(result.prompt).filter((id) => !id.startsWith('104:'))).toEqual(['60'])
    expect(result.prompt['60']?.inputs.images).toEqual(['104:88', 0])
    expect(result.prompt['104:92']?.inputs.model).toEqual(['104:93', 0])
  })
})
