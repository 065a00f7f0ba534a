// The 200-node API prompt the workflow benchmarks read: one loader and two prompts shared by 49
// latent → sampler → decode → save chains, plus a preview. `placeholders` puts `{…}` parameters
// in it (the submit path); without them it is a plain workflow (the import path detects them).
import type { ApiPrompt } from '@aipipeline/comfyui'

export function twoHundredNodePrompt(options: { placeholders: boolean }): ApiPrompt {
  const p = options.placeholders
  const prompt: ApiPrompt = {
    '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_base_1.0.safetensors' } },
    '2': {
      class_type: 'CLIPTextEncode',
      inputs: { text: p ? 'a {subject} at {time:dusk}' : 'a castle at dusk, 35mm film', clip: ['1', 1] },
    },
    '3': { class_type: 'CLIPTextEncode', inputs: { text: 'blurry, text', clip: ['1', 1] } },
  }
  for (let chain = 0; chain < 49; chain++) {
    const id = (k: number) => String(10 + chain * 4 + k)
    prompt[id(0)] = {
      class_type: 'EmptyLatentImage',
      inputs: p ? { width: 512, height: 512, batch_size: 1 } : { width: 1024, height: 576, batch_size: 1 },
    }
    prompt[id(1)] = {
      class_type: 'KSampler',
      inputs: {
        seed: chain,
        steps: p ? '{steps:30}' : 30,
        cfg: 7,
        sampler_name: 'euler',
        scheduler: 'normal',
        denoise: 1,
        model: ['1', 0],
        positive: ['2', 0],
        negative: ['3', 0],
        latent_image: [id(0), 0],
      },
    }
    prompt[id(2)] = { class_type: 'VAEDecode', inputs: { samples: [id(1), 0], vae: ['1', 2] } }
    prompt[id(3)] = { class_type: 'SaveImage', inputs: { filename_prefix: `shot_${chain}`, images: [id(2), 0] } }
  }
  prompt['500'] = { class_type: 'PreviewImage', inputs: { images: ['12', 0] } }
  return prompt
}
