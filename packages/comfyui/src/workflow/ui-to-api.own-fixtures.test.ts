import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ApiPrompt } from './api-prompt.schema'
import { ObjectInfo } from './object-info.schema'
import { validateApiPrompt } from './prompt.validator'
import { testObjectInfo } from './test-object-info.test-helper'
import { convertUiToApi } from './ui-to-api.converter'

// Hand-written workflows for gaps real workflows exposed (see fixtures/README.md).

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'))
}

function inputsOf(prompt: ApiPrompt): Record<string, unknown> {
  return Object.fromEntries(Object.entries(prompt).map(([id, node]) => [id, node.inputs]))
}

describe('UI → API conversion of Switch (MatchType) nodes', () => {
  const info = ObjectInfo.parse(fixture('matchtype-switch-video.object_info.json'))

  it('converts and validates links into, between and out of Switch nodes, as ComfyUI accepts them', () => {
    const converted = convertUiToApi(fixture('matchtype-switch-video.ui.json'), info)
    if (!converted.ok) throw new Error(converted.errors.map((e) => e.message).join('\n'))
    expect(inputsOf(converted.prompt)).toMatchObject({
      '3': { switch: true, on_false: ['1', 0], on_true: ['2', 0] },
      '5': { switch: false, on_false: ['3', 0], on_true: ['4', 0] },
      '6': { images: ['5', 0], fps: 16 },
    })
    const validated = validateApiPrompt(converted.prompt, info)
    expect(validated.errors.map((e) => e.message)).toEqual([])
    expect(validated.ok && validated.outputs).toEqual(['7'])
  })
})

describe('UI → API conversion of values edited on a subgraph node', () => {
  const converted = convertUiToApi(fixture('subgraph-promoted-widgets.ui.json'), testObjectInfo)
  const prompt = converted.ok ? converted.prompt : {}

  it('converts the nested subgraph into path ids', () => {
    expect(converted.ok ? Object.keys(prompt).sort() : converted.errors).toEqual([
      '1',
      '10:20',
      '10:21',
      '10:23:30',
      '11',
      '12',
      '2',
    ])
  })

  it("sends the subgraph node's own widget value for an unlinked promoted input, not the inner node's", () => {
    expect(prompt['10:20']?.inputs.text).toBe('a red lighthouse in a storm, night')
    expect(prompt['10:23:30']?.inputs.seed).toBe(1234)
  })

  it('lets a link into the promoted input win over the widget value', () => {
    expect(prompt['10:23:30']?.inputs.steps).toBe(12)
  })

  it("uses a nested subgraph node's widget value when its input is not promoted further", () => {
    expect(prompt['10:23:30']?.inputs).toMatchObject({
      cfg: 4.5,
      sampler_name: 'euler',
      model: ['1', 0],
      positive: ['10:20', 0],
      latent_image: ['2', 0],
    })
    expect(prompt['10:21']?.inputs.text).toBe('blurry')
  })

  it('keeps the inner value when the subgraph node stores no value of its own', () => {
    const ui = structuredClone(fixture('subgraph-promoted-widgets.ui.json'))
    const outer = (ui as { nodes: { id: number; widgets_values?: unknown }[] }).nodes.find((n) => n.id === 10)
    if (outer !== undefined) outer.widgets_values = []
    const result = convertUiToApi(ui, testObjectInfo)
    expect(result.ok && result.prompt['10:20']?.inputs.text).toBe('a lighthouse')
    expect(result.ok && result.prompt['10:23:30']?.inputs.seed).toBe(777)
  })
})

describe('UI → API conversion of links left by deleted nodes', () => {
  const converted = convertUiToApi(fixture('deleted-node-links.ui.json'), testObjectInfo)
  const errors = converted.ok ? [] : converted.errors

  it('refuses the workflow with one dangling-link error per broken input', () => {
    expect(errors.map((e) => [e.code, e.nodeId, e.classType, e.inputName])).toEqual([
      ['dangling-link', '6', 'KSampler', 'model'],
      ['dangling-link', '7', 'VAEDecode', 'vae'],
      ['dangling-link', '10', 'SaveImage', 'images'],
    ])
  })

  it('names the missing node, the link and the input', () => {
    expect(errors[0]?.message).toBe(
      'node #6 "Main sampler" (KSampler) input "model": link 9 comes from node #4, which is not in the workflow (was it deleted?)',
    )
    expect(errors[0]?.details).toMatchObject({ linkId: 9, linkedNode: ['4', 0] })
    expect(errors[1]?.message).toBe(
      'node #7 (VAEDecode) input "vae": through node #8 (Reroute), link 11 comes from node #11, which is not in the workflow (was it deleted?)',
    )
    expect(errors[2]?.message).toBe(
      'node #10 "Contact sheet" (SaveImage) input "images": link 12 is not in the workflow\'s link list',
    )
  })

  it('names a node deleted inside a subgraph, where the subgraph output comes from', () => {
    const ui = structuredClone(fixture('subgraph-promoted-widgets.ui.json')) as {
      definitions: { subgraphs: { name: string; nodes: { id: number }[] }[] }
    }
    const core = ui.definitions.subgraphs.find((s) => s.name === 'Sampler core')
    if (core !== undefined) core.nodes = core.nodes.filter((n) => n.id !== 30)
    const result = convertUiToApi(ui, testObjectInfo)
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      'node #11 (VAEDecode) input "samples": through node #10:23 "Sampler core" (9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e02) output "latent", link 37 comes from node #10:23:30, which is not in the workflow (was it deleted?)',
    ])
  })
})
