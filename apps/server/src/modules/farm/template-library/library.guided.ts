// Guided and finishing templates: ControlNet pose, depth and canny on SD 1.5, upscaling with an
// ESRGAN model, and frame interpolation with RIFE (ComfyUI-Frame-Interpolation).
import type { ApiPrompt } from '@aipipeline/comfyui'
import { node, type ShippedTemplate } from './library.types'

/** SD 1.5 with one ControlNet; `canny` inserts the edge detector between the image and the net. */
function controlNetPrompt(model: string, canny: boolean, prefix: string): ApiPrompt {
  const prompt: ApiPrompt = {
    '1': node('CheckpointLoaderSimple', { ckpt_name: 'v1-5-pruned-emaonly.safetensors' }),
    '2': node('ControlNetLoader', { control_net_name: model }),
    '3': node('LoadImage', { image: '{control_image}' }, 'Control image'),
    '4': node('CLIPTextEncode', { text: '{prompt:a dancer mid-leap on an empty stage, rim light}', clip: ['1', 1] }),
    '5': node('CLIPTextEncode', { text: '{negative:blurry, low quality, deformed hands}', clip: ['1', 1] }),
    '6': node('ControlNetApplyAdvanced', {
      positive: ['4', 0],
      negative: ['5', 0],
      control_net: ['2', 0],
      image: canny ? ['11', 0] : ['3', 0],
      strength: '{control_strength:1.0}',
      start_percent: '{control_start:0.0}',
      end_percent: '{control_end:1.0}',
    }),
    '7': node('EmptyLatentImage', { width: '{width:512}', height: '{height:768}', batch_size: 1 }),
    '8': node('KSampler', {
      seed: '{seed:0}',
      steps: '{steps:25}',
      cfg: '{cfg:7.0}',
      sampler_name: 'dpmpp_2m',
      scheduler: 'karras',
      denoise: 1,
      model: ['1', 0],
      positive: ['6', 0],
      negative: ['6', 1],
      latent_image: ['7', 0],
    }),
    '9': node('VAEDecode', { samples: ['8', 0], vae: ['1', 2] }),
    '10': node('SaveImage', { images: ['9', 0], filename_prefix: prefix }),
  }
  if (canny) {
    prompt['11'] = node('Canny', {
      image: ['3', 0],
      low_threshold: '{canny_low:0.4}',
      high_threshold: '{canny_high:0.8}',
    })
  }
  return prompt
}

const CONTROL = {
  control_strength: { label: 'ControlNet strength', min: 0, max: 2 },
  control_start: { label: 'ControlNet starts at (0–1 of the steps)', min: 0, max: 1 },
  control_end: { label: 'ControlNet ends at (0–1 of the steps)', min: 0, max: 1 },
}

const controlNets: ShippedTemplate[] = [
  {
    key: 'sd15-controlnet-pose',
    revision: 2,
    name: 'SD 1.5 ControlNet pose',
    description: 'Follows the body pose of an OpenPose skeleton image.',
    modelFamily: 'sd15',
    category: 'controlnet',
    outputs: ['image'],
    parameters: { ...CONTROL, control_image: { role: 'controlImage', label: 'Pose skeleton image' } },
    prompt: controlNetPrompt('control_v11p_sd15_openpose_fp16.safetensors', false, 'aipipeline/pose'),
  },
  {
    key: 'sd15-controlnet-depth',
    revision: 2,
    name: 'SD 1.5 ControlNet depth',
    description: 'Follows the depth layout of a depth map (near = bright).',
    modelFamily: 'sd15',
    category: 'controlnet',
    outputs: ['image'],
    parameters: { ...CONTROL, control_image: { role: 'controlImage', label: 'Depth map' } },
    prompt: controlNetPrompt('control_v11f1p_sd15_depth_fp16.safetensors', false, 'aipipeline/depth'),
  },
  {
    key: 'sd15-controlnet-canny',
    revision: 2,
    name: 'SD 1.5 ControlNet canny',
    description: 'Follows the edges of a reference image, found with the Canny detector.',
    modelFamily: 'sd15',
    category: 'controlnet',
    outputs: ['image'],
    parameters: {
      ...CONTROL,
      control_image: { role: 'controlImage', label: 'Reference image' },
      canny_low: { label: 'Edge threshold low', min: 0.01, max: 0.99 },
      canny_high: { label: 'Edge threshold high', min: 0.01, max: 0.99 },
    },
    prompt: controlNetPrompt('control_v11p_sd15_canny_fp16.safetensors', true, 'aipipeline/canny'),
  },
]

// The ESRGAN model always scales by 4; the resize after it brings the result to the asked factor.
const upscale: ShippedTemplate = {
  key: 'esrgan-upscale',
  revision: 1,
  name: 'Upscale with ESRGAN',
  description: 'Upscales an image 4x with RealESRGAN, then resizes by the chosen factor (0.5 = 2x overall).',
  modelFamily: 'generic',
  category: 'upscale',
  outputs: ['image'],
  parameters: { scale: { role: 'upscaleFactor', label: 'Resize after the 4x model', min: 0.25, max: 1 } },
  prompt: {
    '1': node('LoadImage', { image: '{image}' }, 'Input image'),
    '2': node('UpscaleModelLoader', { model_name: 'RealESRGAN_x4plus.pth' }),
    '3': node('ImageUpscaleWithModel', { upscale_model: ['2', 0], image: ['1', 0] }),
    '4': node('ImageScaleBy', { image: ['3', 0], upscale_method: 'lanczos', scale_by: '{scale:0.5}' }),
    '5': node('SaveImage', { images: ['4', 0], filename_prefix: 'aipipeline/upscaled' }),
  },
}

// ComfyUI uploads videos through /upload/image as well, so the clip travels like an image input.
const interpolation: ShippedTemplate = {
  key: 'rife-frame-interpolation',
  revision: 1,
  name: 'Frame interpolation (RIFE)',
  description: 'Multiplies the frames of a clip with RIFE 4.7 and writes it at the new frame rate.',
  modelFamily: 'generic',
  category: 'interpolation',
  outputs: ['video'],
  parameters: {
    video: { role: 'image', label: 'Input clip (video file)' },
    multiplier: { label: 'Frame multiplier', min: 2, max: 8 },
  },
  prompt: {
    '1': node('LoadVideo', { file: '{video}' }, 'Input clip'),
    '2': node('GetVideoComponents', { video: ['1', 0] }),
    '3': node('RIFE VFI', {
      ckpt_name: 'rife47.pth',
      frames: ['2', 0],
      clear_cache_after_n_frames: 10,
      multiplier: '{multiplier:2}',
      fast_mode: true,
      ensemble: true,
      scale_factor: 1,
    }),
    '4': node('CreateVideo', { images: ['3', 0], fps: '{fps:48.0}', audio: ['2', 1] }),
    '5': node('SaveVideo', {
      video: ['4', 0],
      filename_prefix: 'video/aipipeline/interpolated',
      format: 'auto',
      codec: 'auto',
    }),
  },
}

export const GUIDED_TEMPLATES: ShippedTemplate[] = [...controlNets, upscale, interpolation]
