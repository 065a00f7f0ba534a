import { describe, expect, it } from 'vitest'
import { type ApiPrompt, parseApiPrompt } from './api-prompt.schema'
import { toComfyValidationResponse } from './comfy-validation.response'
import { validateApiPrompt } from './prompt.validator'
import { testObjectInfo as info } from './test-object-info.test-helper'

/** The classic default text-to-image graph, written here for the tests. */
function t2i(): ApiPrompt {
  return {
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd15.safetensors' } },
    '5': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512, batch_size: 1 } },
    '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a castle', clip: ['4', 1] } },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: 'blurry', clip: ['4', 1] } },
    '3': {
      class_type: 'KSampler',
      inputs: {
        seed: 1,
        steps: 20,
        cfg: 7,
        sampler_name: 'euler',
        scheduler: 'normal',
        denoise: 1,
        model: ['4', 0],
        positive: ['6', 0],
        negative: ['7', 0],
        latent_image: ['5', 0],
      },
    },
    '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
    '9': { class_type: 'SaveImage', inputs: { filename_prefix: 'out', images: ['8', 0] } },
  }
}

function errorsOf(prompt: ApiPrompt) {
  const result = validateApiPrompt(prompt, info)
  return result.ok ? result.errors : result.errors
}

describe('validateApiPrompt', () => {
  it('accepts a valid graph and orders execution so every source runs before its consumers', () => {
    const result = validateApiPrompt(t2i(), info)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.outputs).toEqual(['9'])
    expect(result.executionOrder).toEqual(['4', '5', '6', '7', '3', '8', '9'])
    expect(result.errors).toEqual([])
  })

  it('leaves nodes that feed no output out of the will-run set', () => {
    const prompt = t2i()
    prompt['20'] = { class_type: 'EmptyLatentImage', inputs: { width: 64, height: 64, batch_size: 1 } }
    const result = validateApiPrompt(prompt, info)
    expect(result.ok && result.willRun.has('20')).toBe(false)
    expect(result.ok && result.willRun.size).toBe(7)
  })

  it('names an unknown node class with its node id', () => {
    const prompt = t2i()
    prompt['8'] = { class_type: 'FancyDecode', inputs: {} }
    const errors = errorsOf(prompt)
    expect(errors).toMatchObject([{ code: 'unknown-class', nodeId: '8', classType: 'FancyDecode' }])
    expect(errors[0]?.message).toContain('#8')
    expect(toComfyValidationResponse(errors).body.error).toEqual({
      type: 'invalid_prompt',
      message: 'Cannot execute because node FancyDecode does not exist.',
      details: "Node ID '#8'",
      extra_info: {},
    })
  })

  it('rejects a workflow without output nodes as prompt_no_outputs', () => {
    const prompt = t2i()
    delete prompt['9']
    const errors = errorsOf(prompt)
    expect(errors.map((e) => e.code)).toEqual(['no-outputs'])
    expect(toComfyValidationResponse(errors).body.error.type).toBe('prompt_no_outputs')
  })

  it('reports a missing required input in ComfyUI shape, naming node and input', () => {
    const prompt = t2i()
    const ksampler = prompt['3']
    if (ksampler) delete ksampler.inputs.steps
    const errors = errorsOf(prompt)
    expect(errors).toMatchObject([{ code: 'missing-input', nodeId: '3', classType: 'KSampler', inputName: 'steps' }])
    expect(errors[0]?.message).toBe('node #3 (KSampler) input "steps" is required but missing')
    const response = toComfyValidationResponse(errors)
    expect(response.body.error.type).toBe('prompt_outputs_failed_validation')
    expect(response.body.node_errors['3']).toEqual({
      errors: [
        {
          type: 'required_input_missing',
          message: 'Required input is missing',
          details: 'steps',
          extra_info: { input_name: 'steps' },
        },
      ],
      dependent_outputs: ['9'],
      class_type: 'KSampler',
    })
  })

  it('checks min/max and combo values', () => {
    const prompt = t2i()
    prompt['5'] = { class_type: 'EmptyLatentImage', inputs: { width: 8, height: 512, batch_size: 1 } }
    prompt['4'] = { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'missing.ckpt' } }
    const errors = errorsOf(prompt)
    expect(errors.map((e) => [e.code, e.nodeId, e.inputName])).toEqual([
      ['value-not-in-list', '4', 'ckpt_name'],
      ['value-out-of-range', '5', 'width'],
    ])
    const nodeErrors = toComfyValidationResponse(errors).body.node_errors
    expect(nodeErrors['5']?.errors[0]).toMatchObject({
      type: 'value_smaller_than_min',
      message: 'Value 8 smaller than min of 16',
      details: 'width',
    })
    expect(nodeErrors['4']?.errors[0]).toMatchObject({
      type: 'value_not_in_list',
      details: "ckpt_name: 'missing.ckpt' not in ['sd15.safetensors', 'sdxl.safetensors']",
    })
  })

  it('accepts V3 combos by their options and rejects other values', () => {
    const prompt = t2i()
    const ksampler = prompt['3']
    if (ksampler) ksampler.inputs.scheduler = 'exotic'
    expect(errorsOf(prompt)).toMatchObject([{ code: 'value-not-in-list', inputName: 'scheduler' }])
  })

  it('rejects links to the wrong type, to missing nodes and to missing output slots', () => {
    const prompt = t2i()
    const decode = prompt['8']
    if (decode) decode.inputs = { samples: ['5', 0], vae: ['4', 1] }
    const save = prompt['9']
    if (save) save.inputs.images = ['8', 3]
    prompt['10'] = { class_type: 'SaveImage', inputs: { filename_prefix: 'b', images: ['99', 0] } }
    const errors = errorsOf(prompt)
    expect(errors.map((e) => [e.code, e.nodeId, e.inputName])).toEqual([
      ['bad-input-type', '8', 'vae'],
      ['bad-link-slot', '9', 'images'],
      ['dangling-link', '10', 'images'],
    ])
    expect(errors[0]?.message).toBe(
      'node #8 (VAEDecode) input "vae" expects VAE but node #4 (CheckpointLoaderSimple) output 1 is CLIP',
    )
    expect(toComfyValidationResponse(errors).body.node_errors['8']?.errors[0]).toMatchObject({
      type: 'return_type_mismatch',
      details: 'vae, received_type(CLIP) mismatch input_type(VAE)',
      extra_info: { input_name: 'vae', received_type: 'CLIP', linked_node: ['4', 1] },
    })
  })

  it('accepts wildcard and multi-type links', () => {
    const prompt = t2i()
    prompt['11'] = { class_type: 'AnyPass', inputs: { value: ['8', 0] } }
    prompt['12'] = { class_type: 'ImageOrMask', inputs: { pixels: ['11', 0] } }
    prompt['13'] = { class_type: 'SaveImage', inputs: { images: ['12', 0], filename_prefix: 'x' } }
    const result = validateApiPrompt(prompt, info)
    expect(result.ok && result.outputs).toEqual(['9', '13'])
  })

  it('keeps valid outputs and drops failing ones, as ComfyUI queues such prompts', () => {
    const prompt = t2i()
    prompt['10'] = { class_type: 'SaveImage', inputs: { images: ['8', 0] } }
    const result = validateApiPrompt(prompt, info)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.outputs).toEqual(['9'])
    expect(result.errors).toMatchObject([{ code: 'missing-input', nodeId: '10', dependentOutputs: ['10'] }])
  })

  it('names the nodes of a dependency cycle in order', () => {
    const prompt = t2i()
    prompt['20'] = { class_type: 'LatentPass', inputs: { samples: ['21', 0] } }
    prompt['21'] = { class_type: 'LatentPass', inputs: { samples: ['20', 0] } }
    const decode = prompt['8']
    if (decode) decode.inputs.samples = ['21', 0]
    const errors = errorsOf(prompt)
    expect(errors).toMatchObject([{ code: 'cycle', nodeId: '20', details: { cycle: ['20', '21', '20'] } }])
    expect(errors[0]?.message).toContain('#20 → #21 → #20')
  })

  it('coerces numeric strings like ComfyUI and rejects non-numbers for INT inputs', () => {
    const prompt = t2i()
    const latent = prompt['5']
    if (latent) latent.inputs = { width: '512', height: 'tall', batch_size: 1 }
    const errors = errorsOf(prompt)
    expect(errors).toMatchObject([{ code: 'bad-input-type', inputName: 'height' }])
    expect(toComfyValidationResponse(errors).body.node_errors['5']?.errors[0]?.type).toBe('invalid_input_type')
  })

  it('restricts outputs to partial execution targets', () => {
    const prompt = t2i()
    prompt['10'] = { class_type: 'SaveImage', inputs: { images: ['8', 0], filename_prefix: 'b' } }
    const result = validateApiPrompt(prompt, info, { partialExecutionTargets: ['10'] })
    expect(result.ok && result.outputs).toEqual(['10'])
  })

  it('splits independent branches into separate sub-graphs', () => {
    const a = t2i()
    const prompt: ApiPrompt = { ...a }
    for (const [id, node] of Object.entries(a)) {
      const inputs = Object.fromEntries(
        Object.entries(node.inputs).map(([k, v]) => [k, Array.isArray(v) ? [`1${v[0]}`, v[1]] : v]),
      )
      prompt[`1${id}`] = { class_type: node.class_type, inputs }
    }
    const result = validateApiPrompt(prompt, info)
    expect(result.ok && result.subgraphs.map((g) => g.length)).toEqual([7, 7])
  })
})

describe('parseApiPrompt', () => {
  it('reports invalid JSON text', () => {
    const result = parseApiPrompt('{"3": ')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors[0]?.code).toBe('invalid-json')
  })

  it('names the node of a malformed entry', () => {
    const result = parseApiPrompt({ '3': { inputs: {} } })
    expect(!result.ok && result.errors[0]).toMatchObject({ code: 'invalid-prompt', nodeId: '3' })
    expect(!result.ok && result.errors[0]?.message).toContain('node #3 class_type')
  })
})
