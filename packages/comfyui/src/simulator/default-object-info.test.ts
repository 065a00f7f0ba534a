import { describe, expect, it } from 'vitest'
import { ObjectInfo } from '../workflow/object-info.schema'
import { defaultObjectInfo, withInstalledModels } from './default-object-info'

describe('object_info with per-instance models', () => {
  it('lists exactly the installed files in loader combos of the default set', () => {
    const info = defaultObjectInfo({ checkpoints: ['a.safetensors'], loras: [] })
    expect(info.CheckpointLoaderSimple?.input.required?.ckpt_name?.[0]).toEqual(['a.safetensors'])
    expect(info.LoraLoader?.input.required?.lora_name?.[0]).toEqual([])
    expect(info.UNETLoader?.input.required?.unet_name?.[0]).toEqual([])
  })

  it('rewrites both legacy and V3 combo forms of a loaded object_info', () => {
    const loaded = ObjectInfo.parse({
      CheckpointLoaderSimple: {
        input: { required: { ckpt_name: [['old.safetensors'], {}] } },
        output: ['MODEL', 'CLIP', 'VAE'],
        name: 'CheckpointLoaderSimple',
        output_node: false,
      },
      VAELoader: {
        input: { required: { vae_name: ['COMBO', { options: ['old_vae.safetensors'] }] } },
        output: ['VAE'],
        name: 'VAELoader',
        output_node: false,
      },
    })
    const info = withInstalledModels(loaded, { checkpoints: ['new.safetensors'], vae: ['new_vae.safetensors'] })
    expect(info.CheckpointLoaderSimple?.input.required?.ckpt_name?.[0]).toEqual(['new.safetensors'])
    expect(info.VAELoader?.input.required?.vae_name).toEqual(['COMBO', { options: ['new_vae.safetensors'] }])
    expect(loaded.VAELoader?.input.required?.vae_name?.[1]).toEqual({ options: ['old_vae.safetensors'] })
  })
})
