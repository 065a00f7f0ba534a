import { NodeDef, type ObjectInfo } from '../workflow/object-info.schema'
import {
  BATCH,
  CFG,
  DIM,
  type Inputs,
  isModelFolder,
  m,
  type NodeSpec,
  PREFIX,
  SAMPLERS,
  SAVE_HIDDEN,
  SCHEDULERS,
  SEED,
  STEPS,
  STRENGTH,
  TEXT,
  UPSCALE_METHODS,
} from './default-node-spec'
import { MEDIA_NODE_SPECS } from './default-object-info.media-nodes'

// Our own authored /object_info for the simulator and the demo, in ComfyUI's real format.
// Written from the protocol description, not copied from any dump (those are GPL data).

/** Model files per ComfyUI model folder (`checkpoints`, `loras`, `vae`, …). */
export type InstalledModels = Record<string, string[]>

export const DEFAULT_INSTALLED_MODELS: InstalledModels = {
  checkpoints: [
    'sd_xl_base_1.0.safetensors',
    'sd_xl_refiner_1.0.safetensors',
    'v1-5-pruned-emaonly.safetensors',
    'sd-v1-5-inpainting.ckpt',
    'flux1-dev-fp8.safetensors',
  ],
  loras: ['film_grain_v1.safetensors', 'anamorphic_flare_v2.safetensors'],
  vae: [
    'sdxl_vae.safetensors',
    'wan_2.1_vae.safetensors',
    'ae.safetensors',
    'hunyuan_video_vae_bf16.safetensors',
  ].concat(['cogvideox_vae_bf16.safetensors']),
  diffusion_models: [
    'wan2.2_t2v_14B_fp8.safetensors',
    'wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors',
    'wan2.2_t2v_low_noise_14B_fp8_scaled.safetensors',
    'wan2.2_i2v_high_noise_14B_fp8_scaled.safetensors',
    'wan2.2_i2v_low_noise_14B_fp8_scaled.safetensors',
    'hunyuan_video_t2v_720p_bf16.safetensors',
    'hunyuan_video_v2_replace_image_to_video_720p_bf16.safetensors',
    'flux1-dev.safetensors',
    'CogVideoX-5b-1.5-I2V_bf16.safetensors',
  ],
  text_encoders: ['umt5_xxl_fp8_e4m3fn_scaled.safetensors', 'clip_l.safetensors', 't5xxl_fp16.safetensors'].concat([
    'llava_llama3_fp8_scaled.safetensors',
  ]),
  clip_vision: ['llava_llama3_vision.safetensors', 'clip_vision_h.safetensors'],
  controlnet: [
    'control_v11p_sd15_openpose.safetensors',
    'control_v11p_sd15_openpose_fp16.safetensors',
    'control_v11f1p_sd15_depth_fp16.safetensors',
    'control_v11p_sd15_canny_fp16.safetensors',
    'controlnet_union_sdxl.safetensors',
  ],
  upscale_models: ['RealESRGAN_x4plus.pth', '4x-UltraSharp.pth'],
}

/** Builds one definition in ComfyUI's shape, checked against the shared NodeDef schema. */
function def(name: string, spec: NodeSpec): NodeDef {
  const output = spec.output ?? []
  const input: Record<string, unknown> = { required: spec.required ?? {} }
  if (spec.optional) input.optional = spec.optional
  if (spec.hidden) input.hidden = spec.hidden
  return NodeDef.parse({
    input,
    input_order: { required: Object.keys(spec.required ?? {}), optional: Object.keys(spec.optional ?? {}) },
    output,
    output_is_list: output.map(() => false),
    output_name: spec.names ?? output,
    name,
    display_name: spec.display ?? name,
    description: '',
    python_module: spec.module ?? 'nodes',
    category: spec.category,
    output_node: spec.outputNode ?? false,
  })
}

const samplerCore = { model: ['MODEL'], positive: ['CONDITIONING'], negative: ['CONDITIONING'] }

/** The authored default node set. */
const NODE_SPECS: Record<string, NodeSpec> = {
  CheckpointLoaderSimple: {
    required: { ckpt_name: [m('checkpoints')] },
    output: ['MODEL', 'CLIP', 'VAE'],
    category: 'loaders',
    display: 'Load Checkpoint',
  },
  UNETLoader: {
    required: {
      unet_name: [m('diffusion_models')],
      weight_dtype: [['default', 'fp8_e4m3fn', 'fp8_e4m3fn_fast', 'fp8_e5m2']],
    },
    output: ['MODEL'],
    category: 'advanced/loaders',
    display: 'Load Diffusion Model',
  },
  VAELoader: { required: { vae_name: [m('vae')] }, output: ['VAE'], category: 'loaders', display: 'Load VAE' },
  CLIPLoader: {
    required: {
      clip_name: [m('text_encoders')],
      type: [['stable_diffusion', 'sd3', 'flux', 'wan', 'hunyuan_video']],
    },
    output: ['CLIP'],
    category: 'advanced/loaders',
    display: 'Load CLIP',
  },
  DualCLIPLoader: {
    required: {
      clip_name1: [m('text_encoders')],
      clip_name2: [m('text_encoders')],
      type: [['sdxl', 'sd3', 'flux', 'hunyuan_video']],
    },
    output: ['CLIP'],
    category: 'advanced/loaders',
  },
  LoraLoader: {
    required: {
      model: ['MODEL'],
      clip: ['CLIP'],
      lora_name: [m('loras')],
      strength_model: STRENGTH,
      strength_clip: STRENGTH,
    },
    output: ['MODEL', 'CLIP'],
    category: 'loaders',
    display: 'Load LoRA',
  },
  LoraLoaderModelOnly: {
    required: { model: ['MODEL'], lora_name: [m('loras')], strength_model: STRENGTH },
    output: ['MODEL'],
    category: 'loaders',
  },
  ModelSamplingSD3: {
    required: { model: ['MODEL'], shift: ['FLOAT', { default: 3.0, min: 0.0, max: 100.0, step: 0.01 }] },
    output: ['MODEL'],
    category: 'advanced/model',
    module: 'comfy_extras.nodes_model_advanced',
  },
  ControlNetLoader: {
    required: { control_net_name: [m('controlnet')] },
    output: ['CONTROL_NET'],
    category: 'loaders',
    display: 'Load ControlNet Model',
  },
  ControlNetApplyAdvanced: {
    required: {
      positive: ['CONDITIONING'],
      negative: ['CONDITIONING'],
      control_net: ['CONTROL_NET'],
      image: ['IMAGE'],
      strength: ['FLOAT', { default: 1.0, min: 0.0, max: 10.0, step: 0.01 }],
      start_percent: ['FLOAT', { default: 0.0, min: 0.0, max: 1.0, step: 0.001 }],
      end_percent: ['FLOAT', { default: 1.0, min: 0.0, max: 1.0, step: 0.001 }],
    },
    optional: { vae: ['VAE'] },
    output: ['CONDITIONING', 'CONDITIONING'],
    names: ['positive', 'negative'],
    category: 'conditioning/controlnet',
  },
  UpscaleModelLoader: {
    required: { model_name: [m('upscale_models')] },
    output: ['UPSCALE_MODEL'],
    category: 'loaders',
    module: 'comfy_extras.nodes_upscale_model',
  },
  ImageUpscaleWithModel: {
    required: { upscale_model: ['UPSCALE_MODEL'], image: ['IMAGE'] },
    output: ['IMAGE'],
    category: 'image/upscaling',
    module: 'comfy_extras.nodes_upscale_model',
  },
  CLIPTextEncode: {
    required: { text: TEXT, clip: ['CLIP'] },
    output: ['CONDITIONING'],
    category: 'conditioning',
    display: 'CLIP Text Encode (Prompt)',
  },
  KSampler: {
    required: {
      model: ['MODEL'],
      seed: SEED,
      steps: STEPS,
      cfg: CFG,
      sampler_name: [SAMPLERS],
      scheduler: [SCHEDULERS],
      positive: ['CONDITIONING'],
      negative: ['CONDITIONING'],
      latent_image: ['LATENT'],
      denoise: ['FLOAT', { default: 1.0, min: 0.0, max: 1.0, step: 0.01 }],
    },
    output: ['LATENT'],
    category: 'sampling',
  },
  KSamplerAdvanced: {
    required: {
      ...samplerCore,
      add_noise: [['enable', 'disable']],
      noise_seed: SEED,
      steps: STEPS,
      cfg: CFG,
      sampler_name: [SAMPLERS],
      scheduler: [SCHEDULERS],
      latent_image: ['LATENT'],
      start_at_step: ['INT', { default: 0, min: 0, max: 10000 }],
      end_at_step: ['INT', { default: 10000, min: 0, max: 10000 }],
      return_with_leftover_noise: [['disable', 'enable']],
    },
    output: ['LATENT'],
    category: 'sampling',
    display: 'KSampler (Advanced)',
  },
  EmptyLatentImage: {
    required: { width: DIM(512), height: DIM(512), batch_size: BATCH },
    output: ['LATENT'],
    category: 'latent',
  },
  EmptySD3LatentImage: {
    required: { width: DIM(1024), height: DIM(1024), batch_size: BATCH },
    output: ['LATENT'],
    category: 'latent/sd3',
    module: 'comfy_extras.nodes_sd3',
  },
  EmptyHunyuanLatentVideo: {
    required: {
      width: DIM(848),
      height: DIM(480),
      length: ['INT', { default: 25, min: 1, max: 16384, step: 4 }],
      batch_size: BATCH,
    },
    output: ['LATENT'],
    category: 'latent/video',
    module: 'comfy_extras.nodes_hunyuan',
  },
  VAEDecode: { required: { samples: ['LATENT'], vae: ['VAE'] }, output: ['IMAGE'], category: 'latent' },
  VAEEncode: { required: { pixels: ['IMAGE'], vae: ['VAE'] }, output: ['LATENT'], category: 'latent' },
  ImageScale: {
    required: {
      image: ['IMAGE'],
      upscale_method: [UPSCALE_METHODS],
      width: ['INT', { default: 512, min: 0, max: 16384, step: 1 }],
      height: ['INT', { default: 512, min: 0, max: 16384, step: 1 }],
      crop: [['disabled', 'center']],
    },
    output: ['IMAGE'],
    category: 'image/upscaling',
    display: 'Upscale Image',
  },
  LoadImage: {
    required: { image: [[], { image_upload: true }] },
    output: ['IMAGE', 'MASK'],
    category: 'image',
  },
  LoadImageMask: {
    required: { image: [[], { image_upload: true }], channel: [['alpha', 'red', 'green', 'blue']] },
    output: ['MASK'],
    category: 'mask',
  },
  SaveImage: {
    required: { images: ['IMAGE'], filename_prefix: PREFIX },
    hidden: SAVE_HIDDEN,
    outputNode: true,
    category: 'image',
    display: 'Save Image',
  },
  PreviewImage: {
    required: { images: ['IMAGE'] },
    hidden: SAVE_HIDDEN,
    outputNode: true,
    category: 'image',
    display: 'Preview Image',
  },
  SaveAnimatedWEBP: {
    required: {
      images: ['IMAGE'],
      filename_prefix: PREFIX,
      fps: ['FLOAT', { default: 6.0, min: 0.01, max: 1000.0, step: 0.01 }],
      lossless: ['BOOLEAN', { default: true }],
      quality: ['INT', { default: 80, min: 0, max: 100 }],
      method: [['default', 'fastest', 'slowest']],
    },
    hidden: SAVE_HIDDEN,
    outputNode: true,
    category: 'image/animation',
    module: 'comfy_extras.nodes_images',
  },
  CreateVideo: {
    required: { images: ['IMAGE'], fps: ['FLOAT', { default: 30.0, min: 1.0, max: 120.0, step: 1.0 }] },
    optional: { audio: ['AUDIO'] },
    output: ['VIDEO'],
    category: 'image/video',
    module: 'comfy_extras.nodes_video',
    display: 'Create Video',
  },
  SaveVideo: {
    required: {
      video: ['VIDEO'],
      filename_prefix: ['STRING', { default: 'video/ComfyUI' }],
      format: ['COMBO', { options: ['auto', 'mp4'], default: 'auto' }],
      codec: ['COMBO', { options: ['auto', 'h264'], default: 'auto' }],
    },
    hidden: SAVE_HIDDEN,
    outputNode: true,
    category: 'image/video',
    module: 'comfy_extras.nodes_video',
    display: 'Save Video',
  },
  SaveWEBM: {
    required: {
      images: ['IMAGE'],
      filename_prefix: PREFIX,
      codec: [['vp9', 'av1']],
      fps: ['FLOAT', { default: 24.0, min: 0.01, max: 1000.0, step: 0.01 }],
      crf: ['FLOAT', { default: 32.0, min: 0, max: 63.0, step: 1 }],
    },
    hidden: SAVE_HIDDEN,
    outputNode: true,
    category: 'image/video',
    module: 'comfy_extras.nodes_video',
  },
}

/** Loader inputs whose combo lists are the installed files of a model folder. */
export const MODEL_COMBO_INPUTS: Record<string, Record<string, string>> = {
  CheckpointLoaderSimple: { ckpt_name: 'checkpoints' },
  UNETLoader: { unet_name: 'diffusion_models' },
  VAELoader: { vae_name: 'vae' },
  CLIPLoader: { clip_name: 'text_encoders' },
  DualCLIPLoader: { clip_name1: 'text_encoders', clip_name2: 'text_encoders' },
  LoraLoader: { lora_name: 'loras' },
  LoraLoaderModelOnly: { lora_name: 'loras' },
  ControlNetLoader: { control_net_name: 'controlnet' },
  UpscaleModelLoader: { model_name: 'upscale_models' },
  CLIPVisionLoader: { clip_name: 'clip_vision' },
  CogVideoXModelLoader: { model: 'diffusion_models' },
  CogVideoXVAELoader: { model_name: 'vae' },
}

/** Builds the authored default object_info with combo lists from the installed models. */
export function defaultObjectInfo(installed: InstalledModels = DEFAULT_INSTALLED_MODELS): ObjectInfo {
  const fill = (inputs: Inputs | undefined): Inputs | undefined => {
    if (inputs === undefined) return undefined
    const entries = Object.entries(inputs).map(([name, spec]): [string, unknown[]] => {
      const head = spec[0]
      return [name, isModelFolder(head) ? [[...(installed[head.modelFolder] ?? [])], ...spec.slice(1)] : spec]
    })
    return Object.fromEntries(entries)
  }
  const out: ObjectInfo = {}
  for (const [name, spec] of Object.entries({ ...NODE_SPECS, ...MEDIA_NODE_SPECS })) {
    const required = fill(spec.required)
    const optional = fill(spec.optional)
    out[name] = def(name, { ...spec, ...(required ? { required } : {}), ...(optional ? { optional } : {}) })
  }
  return out
}

/** Returns a copy of `info` whose loader combos list exactly the installed models. */
export function withInstalledModels(info: ObjectInfo, installed: InstalledModels): ObjectInfo {
  const out: ObjectInfo = structuredClone(info)
  for (const [cls, inputs] of Object.entries(MODEL_COMBO_INPUTS)) {
    const node = out[cls]
    if (node === undefined) continue
    for (const [input, folder] of Object.entries(inputs)) {
      const spec = node.input.required?.[input]
      if (spec === undefined) continue
      const files = [...(installed[folder] ?? [])]
      const opts = spec[1]
      // V3 combos carry their list in options; legacy combos in the first element.
      if (spec[0] === 'COMBO' && opts !== undefined) opts.options = files
      else spec[0] = files
    }
  }
  return out
}
