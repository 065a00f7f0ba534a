// Video templates: Wan 2.2 14B text to video and image to video (high-noise expert for the
// first steps, low-noise expert for the rest), CogVideoX 1.5 image to video through kijai's
// CogVideoXWrapper, and HunyuanVideo image to video (v2 "replace" model, no negative prompt).
import type { ApiNode, ApiPrompt } from '@aipipeline/comfyui'
import { node, type ShippedTemplate } from './library.types'

const VIDEO_PROMPT = '{prompt:a slow dolly-in on a fishing boat in morning fog, gentle waves}'
const WAN_NEGATIVE = '{negative:static frame, blurry, overexposed, low quality, deformed, extra limbs, subtitles}'
const SWITCH = { switch_step: { label: 'Step the low-noise model takes over', min: 1, max: 200 } }

/** Wan 2.2's two experts chained; `latent` is [node, slot] of the latent, `cond` of the conditionings. */
function wanGraph(kind: 't2v' | 'i2v', latent: [string, number], cond: [[string, number], [string, number]]) {
  const expert = (noise: 'high' | 'low') => `wan2.2_${kind}_${noise}_noise_14B_fp8_scaled.safetensors`
  const sampler = (high: boolean): ApiNode =>
    node('KSamplerAdvanced', {
      add_noise: high ? 'enable' : 'disable',
      noise_seed: high ? '{seed:0}' : 0,
      steps: '{steps:20}',
      cfg: '{cfg:3.5}',
      sampler_name: 'euler',
      scheduler: 'simple',
      start_at_step: high ? 0 : '{switch_step:10}',
      end_at_step: high ? '{switch_step:10}' : 10000,
      return_with_leftover_noise: high ? 'enable' : 'disable',
      model: high ? ['5', 0] : ['6', 0],
      positive: cond[0],
      negative: cond[1],
      latent_image: high ? latent : ['10', 0],
    })
  const prompt: ApiPrompt = {
    '1': node('UNETLoader', { unet_name: expert('high'), weight_dtype: 'default' }, 'High-noise model'),
    '2': node('UNETLoader', { unet_name: expert('low'), weight_dtype: 'default' }, 'Low-noise model'),
    '3': node('CLIPLoader', { clip_name: 'umt5_xxl_fp8_e4m3fn_scaled.safetensors', type: 'wan' }),
    '4': node('VAELoader', { vae_name: 'wan_2.1_vae.safetensors' }),
    '5': node('ModelSamplingSD3', { model: ['1', 0], shift: 8 }),
    '6': node('ModelSamplingSD3', { model: ['2', 0], shift: 8 }),
    '7': node('CLIPTextEncode', { text: VIDEO_PROMPT, clip: ['3', 0] }, 'Prompt'),
    '8': node('CLIPTextEncode', { text: WAN_NEGATIVE, clip: ['3', 0] }, 'Negative prompt'),
    '10': sampler(true),
    '11': sampler(false),
    '12': node('VAEDecode', { samples: ['11', 0], vae: ['4', 0] }),
    '13': node('CreateVideo', { images: ['12', 0], fps: '{fps:16.0}' }),
    '14': node('SaveVideo', {
      video: ['13', 0],
      filename_prefix: `video/aipipeline/wan22_${kind}`,
      format: 'auto',
      codec: 'auto',
    }),
  }
  return prompt
}

const wanTextToVideo: ShippedTemplate = {
  key: 'wan22-text-to-video',
  revision: 1,
  name: 'Wan 2.2 text to video',
  description: 'Wan 2.2 14B: 81 frames at 16 fps from a prompt, high- and low-noise experts.',
  modelFamily: 'wan-2.2',
  category: 'text-to-video',
  outputs: ['video'],
  parameters: SWITCH,
  prompt: {
    ...wanGraph(
      't2v',
      ['9', 0],
      [
        ['7', 0],
        ['8', 0],
      ],
    ),
    '9': node('EmptyHunyuanLatentVideo', {
      width: '{width:1280}',
      height: '{height:704}',
      length: '{frames:81}',
      batch_size: 1,
    }),
  },
}

const wanImageToVideo: ShippedTemplate = {
  key: 'wan22-image-to-video',
  revision: 1,
  name: 'Wan 2.2 image to video',
  description: 'Wan 2.2 14B: animates a start frame for 81 frames at 16 fps.',
  modelFamily: 'wan-2.2',
  category: 'image-to-video',
  outputs: ['video'],
  parameters: { ...SWITCH, image: { role: 'image', label: 'Start frame' } },
  prompt: {
    ...wanGraph(
      'i2v',
      ['9', 2],
      [
        ['9', 0],
        ['9', 1],
      ],
    ),
    '9': node('WanImageToVideo', {
      positive: ['7', 0],
      negative: ['8', 0],
      vae: ['4', 0],
      width: '{width:1280}',
      height: '{height:720}',
      length: '{frames:81}',
      batch_size: 1,
      start_image: ['15', 0],
    }),
    '15': node('LoadImage', { image: '{image}' }, 'Start frame'),
  },
}

const cogVideoX: ShippedTemplate = {
  key: 'cogvideox-image-to-video',
  revision: 1,
  name: 'CogVideoX 1.5 image to video',
  description: 'CogVideoX 1.5 5B (CogVideoXWrapper nodes): animates a start frame, 49 frames.',
  modelFamily: 'cogvideox',
  category: 'image-to-video',
  outputs: ['video'],
  parameters: { image: { role: 'image', label: 'Start frame' } },
  prompt: {
    '1': node('CLIPLoader', { clip_name: 't5xxl_fp16.safetensors', type: 'sd3' }),
    '2': node('CogVideoXModelLoader', {
      model: 'CogVideoX-5b-1.5-I2V_bf16.safetensors',
      base_precision: 'bf16',
      quantization: 'disabled',
      load_device: 'main_device',
    }),
    '3': node('CogVideoXVAELoader', { model_name: 'cogvideox_vae_bf16.safetensors', precision: 'bf16' }),
    '4': node('LoadImage', { image: '{image}' }, 'Start frame'),
    '5': node('ImageScale', {
      image: ['4', 0],
      upscale_method: 'lanczos',
      width: '{width:1360}',
      height: '{height:768}',
      crop: 'center',
    }),
    '6': node('CogVideoTextEncode', { clip: ['1', 0], prompt: VIDEO_PROMPT, strength: 1, force_offload: false }),
    '7': node('CogVideoTextEncode', {
      clip: ['6', 1],
      prompt: '{negative:blurry, distorted, low quality}',
      strength: 1,
      force_offload: true,
    }),
    '8': node('CogVideoImageEncode', { vae: ['3', 0], start_image: ['5', 0] }),
    '9': node('CogVideoSampler', {
      model: ['2', 0],
      positive: ['6', 0],
      negative: ['7', 0],
      num_frames: '{frames:49}',
      steps: '{steps:50}',
      cfg: '{cfg:6.0}',
      seed: '{seed:0}',
      scheduler: 'CogVideoXDDIM',
      image_cond_latents: ['8', 0],
      denoise_strength: 1,
    }),
    '10': node('CogVideoDecode', {
      vae: ['3', 0],
      samples: ['9', 0],
      enable_vae_tiling: true,
      tile_sample_min_height: 240,
      tile_sample_min_width: 360,
      tile_overlap_factor_height: 0.2,
      tile_overlap_factor_width: 0.2,
      auto_tile_size: true,
    }),
    '11': node('CreateVideo', { images: ['10', 0], fps: '{fps:16.0}' }),
    '12': node('SaveVideo', {
      video: ['11', 0],
      filename_prefix: 'video/aipipeline/cogvideox',
      format: 'auto',
      codec: 'auto',
    }),
  },
}

const hunyuanImageToVideo: ShippedTemplate = {
  key: 'hunyuan-image-to-video',
  revision: 1,
  name: 'HunyuanVideo image to video',
  description: 'HunyuanVideo I2V (v2 replace): animates a start frame; the prompt is read with the image.',
  modelFamily: 'hunyuan-video',
  category: 'image-to-video',
  outputs: ['video'],
  parameters: { image: { role: 'image', label: 'Start frame' }, cfg: { role: 'cfg', label: 'Embedded guidance' } },
  prompt: {
    '1': node('UNETLoader', {
      unet_name: 'hunyuan_video_v2_replace_image_to_video_720p_bf16.safetensors',
      weight_dtype: 'default',
    }),
    '2': node('DualCLIPLoader', {
      clip_name1: 'clip_l.safetensors',
      clip_name2: 'llava_llama3_fp8_scaled.safetensors',
      type: 'hunyuan_video',
    }),
    '3': node('VAELoader', { vae_name: 'hunyuan_video_vae_bf16.safetensors' }),
    '4': node('CLIPVisionLoader', { clip_name: 'llava_llama3_vision.safetensors' }),
    '5': node('LoadImage', { image: '{image}' }, 'Start frame'),
    '6': node('CLIPVisionEncode', { clip_vision: ['4', 0], image: ['5', 0], crop: 'none' }),
    '7': node('TextEncodeHunyuanVideo_ImageToVideo', {
      clip: ['2', 0],
      clip_vision_output: ['6', 0],
      prompt: VIDEO_PROMPT,
      image_interleave: 2,
    }),
    '8': node('FluxGuidance', { conditioning: ['7', 0], guidance: '{cfg:6.0}' }),
    '9': node('HunyuanImageToVideo', {
      positive: ['8', 0],
      vae: ['3', 0],
      width: '{width:1280}',
      height: '{height:720}',
      length: '{frames:57}',
      batch_size: 1,
      guidance_type: 'v2 (replace)',
      start_image: ['5', 0],
    }),
    '10': node('ModelSamplingSD3', { model: ['1', 0], shift: 7 }),
    '11': node('RandomNoise', { noise_seed: '{seed:0}' }),
    '12': node('BasicGuider', { model: ['10', 0], conditioning: ['9', 0] }),
    '13': node('KSamplerSelect', { sampler_name: 'euler' }),
    '14': node('BasicScheduler', { model: ['10', 0], scheduler: 'simple', steps: '{steps:20}', denoise: 1 }),
    '15': node('SamplerCustomAdvanced', {
      noise: ['11', 0],
      guider: ['12', 0],
      sampler: ['13', 0],
      sigmas: ['14', 0],
      latent_image: ['9', 1],
    }),
    '16': node('VAEDecodeTiled', {
      samples: ['15', 0],
      vae: ['3', 0],
      tile_size: 256,
      overlap: 64,
      temporal_size: 64,
      temporal_overlap: 8,
    }),
    '17': node('CreateVideo', { images: ['16', 0], fps: '{fps:24.0}' }),
    '18': node('SaveVideo', {
      video: ['17', 0],
      filename_prefix: 'video/aipipeline/hunyuan_i2v',
      format: 'auto',
      codec: 'auto',
    }),
  },
}

export const VIDEO_TEMPLATES: ShippedTemplate[] = [wanTextToVideo, wanImageToVideo, cogVideoX, hunyuanImageToVideo]
