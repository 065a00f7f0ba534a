import { describe, expect, it } from 'vitest'
import type { ApiPrompt } from './api-prompt.schema'
import { extractRequirements } from './requirements'
import { testObjectInfo } from './test-object-info.test-helper'

describe('extractRequirements', () => {
  it('lists classes and model files by folder from known loader inputs', () => {
    const prompt: ApiPrompt = {
      '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd15.safetensors' } },
      '2': { class_type: 'UNETLoader', inputs: { unet_name: 'wan2.2_t2v_high_noise_14B_fp8.safetensors' } },
      '3': {
        class_type: 'DualCLIPLoader',
        inputs: { clip_name1: 't5xxl.safetensors', clip_name2: 'clip_l.safetensors' },
      },
      '4': { class_type: 'CLIPVisionLoader', inputs: { clip_name: 'clip_vision_h.safetensors' } },
      '5': { class_type: 'UpscaleModelLoader', inputs: { model_name: '4x-UltraSharp.pth' } },
      '6': { class_type: 'LoraLoader', inputs: { lora_name: 'style.safetensors', model: ['1', 0] } },
      '7': { class_type: 'VAELoader', inputs: { vae_name: 'ae.safetensors' } },
      '8': { class_type: 'ControlNetLoader', inputs: { control_net_name: 'canny.safetensors' } },
      '9': { class_type: 'CustomLoader', inputs: { weights: 'custom.gguf', note: 'not a model' } },
    }
    const req = extractRequirements(prompt)
    expect(req.nodeClasses).toHaveLength(9)
    expect(req.models).toMatchObject({
      checkpoints: ['sd15.safetensors'],
      diffusionModels: ['wan2.2_t2v_high_noise_14B_fp8.safetensors'],
      textEncoders: ['clip_l.safetensors', 't5xxl.safetensors'],
      clipVision: ['clip_vision_h.safetensors'],
      upscaleModels: ['4x-UltraSharp.pth'],
      loras: ['style.safetensors'],
      vaes: ['ae.safetensors'],
      controlnets: ['canny.safetensors'],
      other: ['custom.gguf'],
    })
  })

  it('with object_info, counts only combo inputs as generic model choices', () => {
    const prompt: ApiPrompt = {
      '6': { class_type: 'CLIPTextEncode', inputs: { text: 'render.safetensors', clip: ['4', 1] } },
    }
    expect(extractRequirements(prompt, testObjectInfo).models.other).toEqual([])
    expect(extractRequirements(prompt).models.other).toEqual(['render.safetensors'])
  })
})
