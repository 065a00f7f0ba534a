import { BATCH, DIM, m, type NodeSpec, SCHEDULERS, SEED, STEPS, TEXT } from './default-node-spec'

// Node classes the shipped workflow template library uses beyond the basic text-to-image set:
// inpaint/outpaint, ControlNet preprocessing, custom sampling, CLIP vision, video (Wan 2.2,
// HunyuanVideo, CogVideoX through kijai's wrapper), video loading and RIFE frame interpolation.
// Input specs follow the definitions these nodes publish in /object_info (authored, not copied).

const PAD = ['INT', { default: 0, min: 0, max: 16384, step: 8 }]
const VIDEO_DIM = (d: number) => ['INT', { default: d, min: 16, max: 16384, step: 16 }]
const VIDEO_LENGTH = (d: number) => ['INT', { default: d, min: 1, max: 16384, step: 4 }]
const PRECISION = [['fp16', 'fp32', 'bf16'], { default: 'bf16' }]

/** The library's node set, merged into the default object_info. */
export const MEDIA_NODE_SPECS: Record<string, NodeSpec> = {
  VAEEncodeForInpaint: {
    required: {
      pixels: ['IMAGE'],
      vae: ['VAE'],
      mask: ['MASK'],
      grow_mask_by: ['INT', { default: 6, min: 0, max: 64, step: 1 }],
    },
    output: ['LATENT'],
    category: 'latent/inpaint',
    display: 'VAE Encode (for Inpainting)',
  },
  InpaintModelConditioning: {
    required: {
      positive: ['CONDITIONING'],
      negative: ['CONDITIONING'],
      vae: ['VAE'],
      pixels: ['IMAGE'],
      mask: ['MASK'],
      noise_mask: ['BOOLEAN', { default: true }],
    },
    output: ['CONDITIONING', 'CONDITIONING', 'LATENT'],
    names: ['positive', 'negative', 'latent'],
    category: 'conditioning/inpaint',
  },
  ImagePadForOutpaint: {
    required: {
      image: ['IMAGE'],
      left: PAD,
      top: PAD,
      right: PAD,
      bottom: PAD,
      feathering: ['INT', { default: 40, min: 0, max: 16384, step: 1 }],
    },
    output: ['IMAGE', 'MASK'],
    category: 'image',
    display: 'Pad Image for Outpainting',
  },
  ImageScaleBy: {
    required: {
      image: ['IMAGE'],
      upscale_method: [['nearest-exact', 'bilinear', 'area', 'bicubic', 'lanczos']],
      scale_by: ['FLOAT', { default: 1.0, min: 0.01, max: 8.0, step: 0.01 }],
    },
    output: ['IMAGE'],
    category: 'image/upscaling',
    display: 'Upscale Image By',
  },
  Canny: {
    required: {
      image: ['IMAGE'],
      low_threshold: ['FLOAT', { default: 0.4, min: 0.01, max: 0.99, step: 0.01 }],
      high_threshold: ['FLOAT', { default: 0.8, min: 0.01, max: 0.99, step: 0.01 }],
    },
    output: ['IMAGE'],
    category: 'image/preprocessors',
    module: 'comfy_extras.nodes_canny',
  },
  FluxGuidance: {
    required: {
      conditioning: ['CONDITIONING'],
      guidance: ['FLOAT', { default: 3.5, min: 0.0, max: 100.0, step: 0.1 }],
    },
    output: ['CONDITIONING'],
    category: 'advanced/conditioning/flux',
    module: 'comfy_extras.nodes_flux',
  },
  ConditioningZeroOut: {
    required: { conditioning: ['CONDITIONING'] },
    output: ['CONDITIONING'],
    category: 'advanced/conditioning',
  },
  RandomNoise: {
    required: { noise_seed: SEED },
    output: ['NOISE'],
    category: 'sampling/custom_sampling/noise',
    module: 'comfy_extras.nodes_custom_sampler',
  },
  KSamplerSelect: {
    required: { sampler_name: [['euler', 'euler_ancestral', 'heun', 'dpmpp_2m', 'dpmpp_sde', 'uni_pc', 'ddim']] },
    output: ['SAMPLER'],
    category: 'sampling/custom_sampling/samplers',
    module: 'comfy_extras.nodes_custom_sampler',
  },
  BasicScheduler: {
    required: {
      model: ['MODEL'],
      scheduler: [SCHEDULERS],
      steps: STEPS,
      denoise: ['FLOAT', { default: 1.0, min: 0.0, max: 1.0, step: 0.01 }],
    },
    output: ['SIGMAS'],
    category: 'sampling/custom_sampling/schedulers',
    module: 'comfy_extras.nodes_custom_sampler',
  },
  BasicGuider: {
    required: { model: ['MODEL'], conditioning: ['CONDITIONING'] },
    output: ['GUIDER'],
    category: 'sampling/custom_sampling/guiders',
    module: 'comfy_extras.nodes_custom_sampler',
  },
  SamplerCustomAdvanced: {
    required: {
      noise: ['NOISE'],
      guider: ['GUIDER'],
      sampler: ['SAMPLER'],
      sigmas: ['SIGMAS'],
      latent_image: ['LATENT'],
    },
    output: ['LATENT', 'LATENT'],
    names: ['output', 'denoised_output'],
    category: 'sampling/custom_sampling',
    module: 'comfy_extras.nodes_custom_sampler',
  },
  CLIPVisionLoader: {
    required: { clip_name: [m('clip_vision')] },
    output: ['CLIP_VISION'],
    category: 'loaders',
    display: 'Load CLIP Vision',
  },
  CLIPVisionEncode: {
    required: { clip_vision: ['CLIP_VISION'], image: ['IMAGE'], crop: [['center', 'none']] },
    output: ['CLIP_VISION_OUTPUT'],
    category: 'conditioning',
  },
  VAEDecodeTiled: {
    required: {
      samples: ['LATENT'],
      vae: ['VAE'],
      tile_size: ['INT', { default: 512, min: 64, max: 4096, step: 32 }],
      overlap: ['INT', { default: 64, min: 0, max: 4096, step: 32 }],
      temporal_size: ['INT', { default: 64, min: 8, max: 4096, step: 4 }],
      temporal_overlap: ['INT', { default: 8, min: 4, max: 4096, step: 4 }],
    },
    output: ['IMAGE'],
    category: '_for_testing',
    display: 'VAE Decode (Tiled)',
  },
  WanImageToVideo: {
    required: {
      positive: ['CONDITIONING'],
      negative: ['CONDITIONING'],
      vae: ['VAE'],
      width: VIDEO_DIM(832),
      height: VIDEO_DIM(480),
      length: VIDEO_LENGTH(81),
      batch_size: BATCH,
    },
    optional: { clip_vision_output: ['CLIP_VISION_OUTPUT'], start_image: ['IMAGE'] },
    output: ['CONDITIONING', 'CONDITIONING', 'LATENT'],
    names: ['positive', 'negative', 'latent'],
    category: 'conditioning/video_models',
    module: 'comfy_extras.nodes_wan',
  },
  TextEncodeHunyuanVideo_ImageToVideo: {
    required: {
      clip: ['CLIP'],
      clip_vision_output: ['CLIP_VISION_OUTPUT'],
      prompt: TEXT,
      image_interleave: ['INT', { default: 2, min: 1, max: 512 }],
    },
    output: ['CONDITIONING'],
    category: 'advanced/conditioning',
    module: 'comfy_extras.nodes_hunyuan',
  },
  HunyuanImageToVideo: {
    required: {
      positive: ['CONDITIONING'],
      vae: ['VAE'],
      width: VIDEO_DIM(848),
      height: VIDEO_DIM(480),
      length: VIDEO_LENGTH(53),
      batch_size: BATCH,
      guidance_type: ['COMBO', { options: ['v1 (concat)', 'v2 (replace)', 'custom'] }],
    },
    optional: { start_image: ['IMAGE'] },
    output: ['CONDITIONING', 'LATENT'],
    names: ['positive', 'latent'],
    category: 'conditioning/video_models',
    module: 'comfy_extras.nodes_hunyuan',
  },
  LoadVideo: {
    // The file list is the input folder (filled in by the simulator, like LoadImage's).
    required: { file: ['COMBO', { options: [], video_upload: true }] },
    output: ['VIDEO'],
    category: 'image/video',
    module: 'comfy_extras.nodes_video',
    display: 'Load Video',
  },
  GetVideoComponents: {
    required: { video: ['VIDEO'] },
    output: ['IMAGE', 'AUDIO', 'FLOAT'],
    names: ['images', 'audio', 'fps'],
    category: 'image/video',
    module: 'comfy_extras.nodes_video',
  },
  // ComfyUI-Frame-Interpolation (Fannovel16): the node downloads its own RIFE weights, so the
  // checkpoint combo is a fixed list rather than a models folder.
  'RIFE VFI': {
    required: {
      ckpt_name: [['rife40.pth', 'rife41.pth', 'rife42.pth', 'rife43.pth', 'rife44.pth', 'rife47.pth', 'rife49.pth']],
      frames: ['IMAGE'],
      clear_cache_after_n_frames: ['INT', { default: 10, min: 1, max: 1000 }],
      multiplier: ['INT', { default: 2, min: 1 }],
      fast_mode: ['BOOLEAN', { default: true }],
      ensemble: ['BOOLEAN', { default: true }],
      scale_factor: [[0.25, 0.5, 1.0, 2.0, 4.0], { default: 1.0 }],
    },
    optional: { optional_interpolation_states: ['INTERPOLATION_STATES'] },
    output: ['IMAGE'],
    category: 'ComfyUI-Frame-Interpolation/VFI',
    module: 'custom_nodes.ComfyUI-Frame-Interpolation',
    display: 'RIFE VFI (recommend rife47 and rife49)',
  },
  // ComfyUI-CogVideoXWrapper (kijai): its own model type and sampler.
  CogVideoXModelLoader: {
    required: {
      model: [m('diffusion_models')],
      base_precision: PRECISION,
      quantization: [['disabled', 'fp8_e4m3fn', 'fp8_e4m3fn_fastmode', 'torchao_int8dq'], { default: 'disabled' }],
      load_device: [['main_device', 'offload_device'], { default: 'main_device' }],
    },
    output: ['COGVIDEOMODEL'],
    names: ['model'],
    category: 'CogVideoWrapper',
    module: 'custom_nodes.ComfyUI-CogVideoXWrapper',
  },
  CogVideoXVAELoader: {
    required: { model_name: [m('vae')], precision: PRECISION },
    output: ['VAE'],
    names: ['vae'],
    category: 'CogVideoWrapper',
    module: 'custom_nodes.ComfyUI-CogVideoXWrapper',
  },
  CogVideoTextEncode: {
    required: {
      clip: ['CLIP'],
      prompt: TEXT,
      strength: ['FLOAT', { default: 1.0, min: 0.0, max: 10.0, step: 0.01 }],
      force_offload: ['BOOLEAN', { default: true }],
    },
    output: ['CONDITIONING', 'CLIP'],
    names: ['conditioning', 'clip'],
    category: 'CogVideoWrapper',
    module: 'custom_nodes.ComfyUI-CogVideoXWrapper',
  },
  CogVideoImageEncode: {
    required: { vae: ['VAE'], start_image: ['IMAGE'] },
    optional: { end_image: ['IMAGE'], enable_tiling: ['BOOLEAN', { default: false }] },
    output: ['LATENT'],
    names: ['samples'],
    category: 'CogVideoWrapper',
    module: 'custom_nodes.ComfyUI-CogVideoXWrapper',
  },
  CogVideoSampler: {
    required: {
      model: ['COGVIDEOMODEL'],
      positive: ['CONDITIONING'],
      negative: ['CONDITIONING'],
      num_frames: ['INT', { default: 49, min: 1, max: 1024, step: 1 }],
      steps: ['INT', { default: 50, min: 1 }],
      cfg: ['FLOAT', { default: 6.0, min: 0.0, max: 30.0, step: 0.01 }],
      seed: SEED,
      scheduler: [['CogVideoXDDIM', 'CogVideoXDPMScheduler', 'DPM++', 'Euler', 'UniPC'], { default: 'CogVideoXDDIM' }],
    },
    optional: {
      samples: ['LATENT'],
      image_cond_latents: ['LATENT'],
      denoise_strength: ['FLOAT', { default: 1.0, min: 0.0, max: 1.0, step: 0.01 }],
    },
    output: ['LATENT'],
    names: ['samples'],
    category: 'CogVideoWrapper',
    module: 'custom_nodes.ComfyUI-CogVideoXWrapper',
  },
  CogVideoDecode: {
    required: {
      vae: ['VAE'],
      samples: ['LATENT'],
      enable_vae_tiling: ['BOOLEAN', { default: true }],
      tile_sample_min_height: DIM(240),
      tile_sample_min_width: DIM(360),
      tile_overlap_factor_height: ['FLOAT', { default: 0.2, min: 0.0, max: 1.0, step: 0.001 }],
      tile_overlap_factor_width: ['FLOAT', { default: 0.2, min: 0.0, max: 1.0, step: 0.001 }],
      auto_tile_size: ['BOOLEAN', { default: true }],
    },
    output: ['IMAGE'],
    names: ['images'],
    category: 'CogVideoWrapper',
    module: 'custom_nodes.ComfyUI-CogVideoXWrapper',
  },
  // comfyui_controlnet_aux (Fannovel16): preprocessors that turn a picture into a control map.
  // They download their own annotator weights, so their checkpoints are fixed lists, not folders.
  OpenposePreprocessor: {
    required: { image: ['IMAGE'] },
    optional: {
      detect_hand: [['enable', 'disable'], { default: 'enable' }],
      detect_body: [['enable', 'disable'], { default: 'enable' }],
      detect_face: [['enable', 'disable'], { default: 'enable' }],
      resolution: ['INT', { default: 512, min: 64, max: 16384, step: 64 }],
      scale_stick_for_xinsr_cn: [['disable', 'enable'], { default: 'disable' }],
    },
    output: ['IMAGE', 'POSE_KEYPOINT'],
    names: ['IMAGE', 'POSE_KEYPOINT'],
    category: 'ControlNet Preprocessors/Faces and Poses Estimators',
    module: 'custom_nodes.comfyui_controlnet_aux',
    display: 'OpenPose Pose',
  },
  DepthAnythingPreprocessor: {
    required: { image: ['IMAGE'] },
    optional: {
      ckpt_name: [
        ['depth_anything_vitl14.pth', 'depth_anything_vitb14.pth', 'depth_anything_vits14.pth'],
        { default: 'depth_anything_vitl14.pth' },
      ],
      resolution: ['INT', { default: 512, min: 64, max: 16384, step: 64 }],
    },
    output: ['IMAGE'],
    category: 'ControlNet Preprocessors/Normal and Depth Estimators',
    module: 'custom_nodes.comfyui_controlnet_aux',
    display: 'Depth Anything',
  },
}
