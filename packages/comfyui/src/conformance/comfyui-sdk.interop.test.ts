import { CallWrapper, ComfyApi, type NodeData, PromptBuilder } from '@saintno/comfyui-sdk'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { textToImagePrompt } from '../simulator/sample-prompts'
import { type Simulator, startSimulator } from '../simulator/simulator.server'

// Protocol fidelity checked by a client nobody here wrote: the npm `@saintno/comfyui-sdk`.

const SaveImageOutput = z.object({
  images: z.array(z.object({ filename: z.string(), subfolder: z.string(), type: z.string() })).min(1),
})

describe('third-party @saintno/comfyui-sdk against the simulator', () => {
  let sim: Simulator
  let api: ComfyApi

  beforeAll(async () => {
    sim = await startSimulator({ timeScale: 0.05, name: 'sdk-interop' })
    api = new ComfyApi(sim.url, 'sdk-interop-client').init()
    await api.waitForReady()
  })
  afterAll(async () => {
    api?.destroy()
    await sim?.close()
  })

  it('submits a prompt, receives progress and executed events, and downloads the image', async () => {
    // The SDK's NodeData wants a `_meta.title` on every node, as the ComfyUI editor exports.
    const workflow: NodeData = {}
    for (const [id, node] of Object.entries(textToImagePrompt({ steps: 4, width: 256, height: 192 }))) {
      workflow[id] = { inputs: node.inputs, class_type: node.class_type, _meta: { title: node.class_type } }
    }
    const builder = new PromptBuilder(workflow, ['seed'], ['images'])
      .setInputNode('seed', '3.inputs.seed')
      .setOutputNode('images', '9')
    const progress: Array<{ value: number; max: number; node: string }> = []
    const outputs: string[] = []
    let previews = 0
    const result = await new CallWrapper(api, builder.input('seed', 1234))
      .onProgress((p) => progress.push({ value: p.value, max: p.max, node: p.node }))
      .onOutput((key) => outputs.push(String(key)))
      .onPreview(() => previews++)
      .run()
    expect(progress.map((p) => p.value)).toEqual([1, 2, 3, 4])
    expect(progress.every((p) => p.max === 4 && p.node === '3')).toBe(true)
    expect(outputs).toEqual(['images'])
    expect(previews).toBe(4)
    const parsed = SaveImageOutput.parse(result ? result.images : undefined)
    const image = parsed.images[0]
    if (image === undefined) throw new Error('no image')
    const blob = await api.getImage(image)
    const meta = await sharp(Buffer.from(await blob.arrayBuffer())).metadata()
    expect(meta).toMatchObject({ format: 'png', width: 256, height: 192 })
  })
})
