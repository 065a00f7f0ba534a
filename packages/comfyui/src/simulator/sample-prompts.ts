import type { ApiPrompt } from '../workflow'

// Small API-format prompts against the default object_info, for tests, benchmarks and the demo.

export interface SamplePromptOptions {
  text?: string
  seed?: number
  steps?: number
  width?: number
  height?: number
  checkpoint?: string
  prefix?: string
}

/** The classic text-to-image graph (checkpoint → encode → KSampler → decode → SaveImage). */
export function textToImagePrompt(o: SamplePromptOptions = {}): ApiPrompt {
  return {
    '4': {
      class_type: 'CheckpointLoaderSimple',
      inputs: { ckpt_name: o.checkpoint ?? 'v1-5-pruned-emaonly.safetensors' },
    },
    '5': { class_type: 'EmptyLatentImage', inputs: { width: o.width ?? 512, height: o.height ?? 512, batch_size: 1 } },
    '6': {
      class_type: 'CLIPTextEncode',
      inputs: { text: o.text ?? 'a lighthouse at dusk, 35mm film', clip: ['4', 1] },
    },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: 'blurry', clip: ['4', 1] } },
    '3': {
      class_type: 'KSampler',
      inputs: {
        seed: o.seed ?? 42,
        steps: o.steps ?? 20,
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
    '9': { class_type: 'SaveImage', inputs: { filename_prefix: o.prefix ?? 'AIPipeline', images: ['8', 0] } },
  }
}

/** A Wan-style text-to-video graph saving an animated WEBP. */
export function textToVideoPrompt(o: SamplePromptOptions & { length?: number } = {}): ApiPrompt {
  return {
    '1': { class_type: 'UNETLoader', inputs: { unet_name: 'wan2.2_t2v_14B_fp8.safetensors', weight_dtype: 'default' } },
    '2': { class_type: 'CLIPLoader', inputs: { clip_name: 'umt5_xxl_fp8_e4m3fn_scaled.safetensors', type: 'wan' } },
    '3': { class_type: 'VAELoader', inputs: { vae_name: 'wan_2.1_vae.safetensors' } },
    '4': {
      class_type: 'CLIPTextEncode',
      inputs: { text: o.text ?? 'a slow dolly-in on a rainy street', clip: ['2', 0] },
    },
    '5': { class_type: 'CLIPTextEncode', inputs: { text: 'static, blurry', clip: ['2', 0] } },
    '6': {
      class_type: 'EmptyHunyuanLatentVideo',
      inputs: { width: o.width ?? 832, height: o.height ?? 480, length: o.length ?? 33, batch_size: 1 },
    },
    '7': {
      class_type: 'KSampler',
      inputs: {
        seed: o.seed ?? 7,
        steps: o.steps ?? 20,
        cfg: 5,
        sampler_name: 'uni_pc',
        scheduler: 'simple',
        denoise: 1,
        model: ['1', 0],
        positive: ['4', 0],
        negative: ['5', 0],
        latent_image: ['6', 0],
      },
    },
    '8': { class_type: 'VAEDecode', inputs: { samples: ['7', 0], vae: ['3', 0] } },
    '9': {
      class_type: 'SaveAnimatedWEBP',
      inputs: {
        images: ['8', 0],
        filename_prefix: o.prefix ?? 'AIPipeline_video',
        fps: 16,
        lossless: false,
        quality: 80,
        method: 'default',
      },
    },
  }
}

/**
 * `copies` independent text-to-image graphs in one prompt (7 nodes each, ids prefixed `c:`):
 * the large-workflow case for limits and event-loop tests (1,430 copies give 10,010 nodes).
 */
export function wideTextToImagePrompt(copies: number): ApiPrompt {
  const prompt: ApiPrompt = {}
  for (let c = 0; c < copies; c++) {
    for (const [id, node] of Object.entries(textToImagePrompt({ seed: c }))) {
      const inputs = Object.fromEntries(
        Object.entries(node.inputs).map(([k, v]) =>
          Array.isArray(v) && typeof v[0] === 'string' ? [k, [`${c}:${v[0]}`, v[1]]] : [k, v],
        ),
      )
      prompt[`${c}:${id}`] = { class_type: node.class_type, inputs }
    }
  }
  return prompt
}
