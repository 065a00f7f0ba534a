// Still-image templates: text to image (SD 1.5, SDXL base + refiner, FLUX dev), image to image,
// inpaint and outpaint. Model files are the names their publishers ship them under.
import { node, type ShippedTemplate } from './library.types'

const PROMPT = '{prompt:a lighthouse on a cliff at dusk, 35mm film, soft light}'
const NEGATIVE = '{negative:blurry, low quality, watermark, text, deformed}'

/** Checkpoint → prompts → sampler → decode → save, around a latent source `latent` at node 4. */
function checkpointGraph(ckpt: string, latent: ReturnType<typeof node>, prefix: string, denoise: string | number = 1) {
  return {
    '1': node('CheckpointLoaderSimple', { ckpt_name: ckpt }),
    '2': node('CLIPTextEncode', { text: PROMPT, clip: ['1', 1] }, 'Prompt'),
    '3': node('CLIPTextEncode', { text: NEGATIVE, clip: ['1', 1] }, 'Negative prompt'),
    '4': latent,
    '5': node('KSampler', {
      seed: '{seed:0}',
      steps: '{steps:25}',
      cfg: '{cfg:7.0}',
      sampler_name: 'dpmpp_2m',
      scheduler: 'karras',
      denoise,
      model: ['1', 0],
      positive: ['2', 0],
      negative: ['3', 0],
      latent_image: ['4', 0],
    }),
    '6': node('VAEDecode', { samples: ['5', 0], vae: ['1', 2] }),
    '7': node('SaveImage', { images: ['6', 0], filename_prefix: prefix }),
  }
}

const sd15TextToImage: ShippedTemplate = {
  key: 'sd15-text-to-image',
  revision: 1,
  name: 'SD 1.5 text to image',
  description: 'Stable Diffusion 1.5: a still from a prompt, 512 px native.',
  modelFamily: 'sd15',
  category: 'text-to-image',
  outputs: ['image'],
  prompt: checkpointGraph(
    'v1-5-pruned-emaonly.safetensors',
    node('EmptyLatentImage', { width: '{width:512}', height: '{height:512}', batch_size: 1 }),
    'aipipeline/sd15',
  ),
}

const sdxlRefiner: ShippedTemplate = {
  key: 'sdxl-base-refiner',
  revision: 1,
  name: 'SDXL text to image (base + refiner)',
  description: 'SDXL 1.0: the base model samples the first steps, the refiner finishes the last ones.',
  modelFamily: 'sdxl',
  category: 'text-to-image',
  outputs: ['image'],
  parameters: { refiner_start: { label: 'Step the refiner takes over', min: 1, max: 200 } },
  prompt: {
    '1': node('CheckpointLoaderSimple', { ckpt_name: 'sd_xl_base_1.0.safetensors' }, 'Base'),
    '2': node('CheckpointLoaderSimple', { ckpt_name: 'sd_xl_refiner_1.0.safetensors' }, 'Refiner'),
    '3': node('CLIPTextEncode', { text: PROMPT, clip: ['1', 1] }, 'Prompt'),
    '4': node('CLIPTextEncode', { text: NEGATIVE, clip: ['1', 1] }, 'Negative prompt'),
    '5': node('CLIPTextEncode', { text: PROMPT, clip: ['2', 1] }, 'Prompt (refiner)'),
    '6': node('CLIPTextEncode', { text: NEGATIVE, clip: ['2', 1] }, 'Negative prompt (refiner)'),
    '7': node('EmptyLatentImage', { width: '{width:1024}', height: '{height:1024}', batch_size: 1 }),
    '8': node('KSamplerAdvanced', {
      add_noise: 'enable',
      noise_seed: '{seed:0}',
      steps: '{steps:25}',
      cfg: '{cfg:8.0}',
      sampler_name: 'euler',
      scheduler: 'normal',
      start_at_step: 0,
      end_at_step: '{refiner_start:20}',
      return_with_leftover_noise: 'enable',
      model: ['1', 0],
      positive: ['3', 0],
      negative: ['4', 0],
      latent_image: ['7', 0],
    }),
    '9': node('KSamplerAdvanced', {
      add_noise: 'disable',
      noise_seed: '{seed:0}',
      steps: '{steps:25}',
      cfg: '{cfg:8.0}',
      sampler_name: 'euler',
      scheduler: 'normal',
      start_at_step: '{refiner_start:20}',
      end_at_step: 10000,
      return_with_leftover_noise: 'disable',
      model: ['2', 0],
      positive: ['5', 0],
      negative: ['6', 0],
      latent_image: ['8', 0],
    }),
    '10': node('VAEDecode', { samples: ['9', 0], vae: ['2', 2] }),
    '11': node('SaveImage', { images: ['10', 0], filename_prefix: 'aipipeline/sdxl' }),
  },
}

// FLUX dev is guidance-distilled: the guidance goes in FluxGuidance, the sampler runs at cfg 1
// and the model takes no negative prompt (an all-zero conditioning stands in for it).
const fluxDev: ShippedTemplate = {
  key: 'flux-dev-text-to-image',
  revision: 1,
  name: 'FLUX.1 dev text to image',
  description: 'FLUX.1 [dev] from its diffusion model, T5 + CLIP-L text encoders and the FLUX VAE.',
  modelFamily: 'flux-dev',
  category: 'text-to-image',
  outputs: ['image'],
  parameters: { guidance: { role: 'cfg', label: 'FLUX guidance', min: 0, max: 10 } },
  prompt: {
    '1': node('UNETLoader', { unet_name: 'flux1-dev.safetensors', weight_dtype: 'default' }),
    '2': node('DualCLIPLoader', {
      clip_name1: 't5xxl_fp16.safetensors',
      clip_name2: 'clip_l.safetensors',
      type: 'flux',
    }),
    '3': node('VAELoader', { vae_name: 'ae.safetensors' }),
    '4': node('CLIPTextEncode', { text: PROMPT, clip: ['2', 0] }, 'Prompt'),
    '5': node('FluxGuidance', { guidance: '{guidance:3.5}', conditioning: ['4', 0] }),
    '6': node('ConditioningZeroOut', { conditioning: ['4', 0] }),
    '7': node('EmptySD3LatentImage', { width: '{width:1024}', height: '{height:1024}', batch_size: 1 }),
    '8': node('KSampler', {
      seed: '{seed:0}',
      steps: '{steps:20}',
      cfg: 1,
      sampler_name: 'euler',
      scheduler: 'simple',
      denoise: 1,
      model: ['1', 0],
      positive: ['5', 0],
      negative: ['6', 0],
      latent_image: ['7', 0],
    }),
    '9': node('VAEDecode', { samples: ['8', 0], vae: ['3', 0] }),
    '10': node('SaveImage', { images: ['9', 0], filename_prefix: 'aipipeline/flux' }),
  },
}

const sdxlImageToImage: ShippedTemplate = {
  key: 'sdxl-image-to-image',
  revision: 1,
  name: 'SDXL image to image',
  description: 'SDXL 1.0 repaints an input image; denoise sets how far it may move from it.',
  modelFamily: 'sdxl',
  category: 'image-to-image',
  outputs: ['image'],
  prompt: {
    ...checkpointGraph(
      'sd_xl_base_1.0.safetensors',
      node('VAEEncode', { pixels: ['9', 0], vae: ['1', 2] }),
      'aipipeline/sdxl_i2i',
      '{denoise:0.6}',
    ),
    '8': node('LoadImage', { image: '{image}' }, 'Input image'),
    '9': node('ImageScale', {
      image: ['8', 0],
      upscale_method: 'lanczos',
      width: '{width:1024}',
      height: '{height:1024}',
      crop: 'center',
    }),
  },
}

const INPAINT_CKPT = 'sd-v1-5-inpainting.ckpt'

// The mask travels as ComfyUI's own mask editor sends it: /upload/mask copies the mask's alpha
// onto the input image and LoadImage's MASK output is 1 − alpha, so the studio uploads the
// painted (white) area as transparent and that area is what VAEEncodeForInpaint repaints.
const sd15Inpaint: ShippedTemplate = {
  key: 'sd15-inpaint',
  revision: 2,
  name: 'SD 1.5 inpaint',
  description: 'Repaints the masked part of an image with the SD 1.5 inpainting model.',
  modelFamily: 'sd15',
  category: 'inpaint',
  outputs: ['image'],
  parameters: { mask: { role: 'mask', label: 'Mask (white = repaint)' } },
  prompt: {
    ...checkpointGraph(
      INPAINT_CKPT,
      node('VAEEncodeForInpaint', { pixels: ['8', 0], vae: ['1', 2], mask: ['9', 1], grow_mask_by: 6 }),
      'aipipeline/inpaint',
    ),
    '8': node('LoadImage', { image: '{image}' }, 'Input image'),
    '9': node('LoadImage', { image: '{mask}' }, 'Mask (the image with the mask as alpha)'),
  },
}

const PAD = { min: 0, max: 2048 }

const sd15Outpaint: ShippedTemplate = {
  key: 'sd15-outpaint',
  revision: 1,
  name: 'SD 1.5 outpaint',
  description: 'Extends an image beyond its edges: pads it and paints the new border.',
  modelFamily: 'sd15',
  category: 'outpaint',
  outputs: ['image'],
  parameters: {
    pad_left: { label: 'Extend left (px)', ...PAD },
    pad_top: { label: 'Extend top (px)', ...PAD },
    pad_right: { label: 'Extend right (px)', ...PAD },
    pad_bottom: { label: 'Extend bottom (px)', ...PAD },
  },
  prompt: {
    ...checkpointGraph(
      INPAINT_CKPT,
      node('VAEEncodeForInpaint', { pixels: ['9', 0], vae: ['1', 2], mask: ['9', 1], grow_mask_by: 8 }),
      'aipipeline/outpaint',
    ),
    '8': node('LoadImage', { image: '{image}' }, 'Input image'),
    '9': node('ImagePadForOutpaint', {
      image: ['8', 0],
      left: '{pad_left:0}',
      top: '{pad_top:0}',
      right: '{pad_right:256}',
      bottom: '{pad_bottom:0}',
      feathering: 40,
    }),
  },
}

export const IMAGE_TEMPLATES: ShippedTemplate[] = [
  sd15TextToImage,
  sdxlRefiner,
  fluxDev,
  sdxlImageToImage,
  sd15Inpaint,
  sd15Outpaint,
]
