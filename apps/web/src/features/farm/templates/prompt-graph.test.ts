import { describe, expect, it } from 'vitest'
import { promptGraph } from './prompt-graph'

describe('the graph of a saved template', () => {
  it('reads nodes, titles and links from the API prompt', () => {
    const graph = promptGraph({
      '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_base_1.0.safetensors' } },
      '6': { class_type: 'CLIPTextEncode', inputs: { text: '{prompt}', clip: ['4', 1] }, _meta: { title: 'Positive' } },
      '3': { class_type: 'KSampler', inputs: { positive: [6, 0], model: ['4', 0], seed: '{seed}' } },
      note: 'not a node',
    })
    // Integer-like keys come in ascending order, as JSON objects keep them.
    expect(graph.nodes).toEqual([
      { id: '3', classType: 'KSampler', title: undefined },
      { id: '4', classType: 'CheckpointLoaderSimple', title: undefined },
      { id: '6', classType: 'CLIPTextEncode', title: 'Positive' },
    ])
    expect(graph.links).toEqual([
      { from: '6', to: '3', inputName: 'positive' },
      { from: '4', to: '3', inputName: 'model' },
      { from: '4', to: '6', inputName: 'clip' },
    ])
  })
})
