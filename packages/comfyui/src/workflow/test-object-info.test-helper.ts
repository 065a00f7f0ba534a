import { ObjectInfo } from './object-info.schema'

/** A small hand-written object_info covering the input kinds validation and conversion care about. */
export const testObjectInfo: ObjectInfo = ObjectInfo.parse({
  CheckpointLoaderSimple: {
    input: { required: { ckpt_name: [['sd15.safetensors', 'sdxl.safetensors'], {}] } },
    input_order: { required: ['ckpt_name'] },
    output: ['MODEL', 'CLIP', 'VAE'],
    name: 'CheckpointLoaderSimple',
    output_node: false,
  },
  CLIPTextEncode: {
    input: { required: { text: ['STRING', { multiline: true }], clip: ['CLIP', {}] } },
    input_order: { required: ['text', 'clip'] },
    output: ['CONDITIONING'],
    name: 'CLIPTextEncode',
    output_node: false,
  },
  EmptyLatentImage: {
    input: {
      required: {
        width: ['INT', { default: 512, min: 16, max: 16384 }],
        height: ['INT', { default: 512, min: 16, max: 16384 }],
        batch_size: ['INT', { default: 1, min: 1, max: 4096 }],
      },
    },
    input_order: { required: ['width', 'height', 'batch_size'] },
    output: ['LATENT'],
    name: 'EmptyLatentImage',
    output_node: false,
  },
  KSampler: {
    input: {
      required: {
        model: ['MODEL', {}],
        seed: ['INT', { default: 0, min: 0, max: Number.MAX_SAFE_INTEGER, control_after_generate: true }],
        steps: ['INT', { default: 20, min: 1, max: 10000 }],
        cfg: ['FLOAT', { default: 8, min: 0, max: 100 }],
        sampler_name: [['euler', 'heun'], {}],
        scheduler: ['COMBO', { options: ['normal', 'karras'] }],
        positive: ['CONDITIONING', {}],
        negative: ['CONDITIONING', {}],
        latent_image: ['LATENT', {}],
        denoise: ['FLOAT', { default: 1, min: 0, max: 1 }],
      },
    },
    input_order: {
      required: [
        'model',
        'seed',
        'steps',
        'cfg',
        'sampler_name',
        'scheduler',
        'positive',
        'negative',
        'latent_image',
        'denoise',
      ],
    },
    output: ['LATENT'],
    name: 'KSampler',
    output_node: false,
  },
  VAEDecode: {
    input: { required: { samples: ['LATENT', {}], vae: ['VAE', {}] } },
    output: ['IMAGE'],
    name: 'VAEDecode',
    output_node: false,
  },
  LatentPass: {
    input: { required: { samples: ['LATENT', {}] }, optional: { strength: ['FLOAT', { default: 1, min: 0, max: 2 }] } },
    output: ['LATENT'],
    name: 'LatentPass',
    output_node: false,
  },
  AnyPass: {
    input: { required: { value: ['*', {}] } },
    output: ['*'],
    name: 'AnyPass',
    output_node: false,
  },
  ImageOrMask: {
    input: { required: { pixels: ['IMAGE,MASK', {}] } },
    output: ['IMAGE'],
    name: 'ImageOrMask',
    output_node: false,
  },
  LoraLoader: {
    input: {
      required: {
        model: ['MODEL', {}],
        clip: ['CLIP', {}],
        lora_name: [['style.safetensors', 'detail.safetensors'], {}],
        strength_model: ['FLOAT', { default: 1, min: -100, max: 100 }],
        strength_clip: ['FLOAT', { default: 1, min: -100, max: 100 }],
      },
    },
    input_order: { required: ['model', 'clip', 'lora_name', 'strength_model', 'strength_clip'] },
    output: ['MODEL', 'CLIP'],
    name: 'LoraLoader',
    output_node: false,
  },
  SaveImage: {
    input: {
      required: { images: ['IMAGE', {}], filename_prefix: ['STRING', { default: 'ComfyUI' }] },
      hidden: { prompt: 'PROMPT', extra_pnginfo: 'EXTRA_PNGINFO' },
    },
    input_order: { required: ['images', 'filename_prefix'], hidden: ['prompt', 'extra_pnginfo'] },
    output: [],
    name: 'SaveImage',
    output_node: true,
  },
})
