import { describe, expect, it } from 'vitest'
import { fixturesAvailable, listFixtures, readFixture } from './comfy-fixtures.test-helper'
import { findInput, NodeDef, ObjectInfo, resolveInputSpec, typesCompatible } from './object-info.schema'

describe.runIf(fixturesAvailable)('ObjectInfo schema', () => {
  it.each(listFixtures('object_info'))('accepts the real /object_info dump %s', (file) => {
    const parsed = ObjectInfo.safeParse(readFixture(`object_info/${file}`))
    expect(parsed.success ? 'ok' : parsed.error.message.slice(0, 500)).toBe('ok')
  })

  it('reads legacy combos, V3 combos and number ranges the same way', () => {
    const legacy = resolveInputSpec('sampler_name', 'required', [['euler', 'heun'], { tooltip: 'x' }])
    const v3 = resolveInputSpec('format', 'required', ['COMBO', { options: ['auto', 'mp4'], default: 'auto' }])
    const int = resolveInputSpec('steps', 'required', ['INT', { default: 20, min: 1, max: 10000 }])
    expect([legacy.type, legacy.choices]).toEqual(['COMBO', ['euler', 'heun']])
    expect([v3.type, v3.choices]).toEqual(['COMBO', ['auto', 'mp4']])
    expect([int.type, int.options.min, int.options.max]).toEqual(['INT', 1, 10000])
  })

  it('rejects a definition whose range is not a number, naming the field', () => {
    const bad = NodeDef.safeParse({
      input: { required: { steps: ['INT', { min: 'one' }] } },
      output: [],
      name: 'X',
      output_node: false,
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.some((i) => i.path.includes('steps'))).toBe(true)
  })

  it('keeps unknown extra keys of newer servers', () => {
    const def = NodeDef.parse({ input: {}, output: [], name: 'X', output_node: false, price_badge: { usd: 1 } })
    expect(def.price_badge).toEqual({ usd: 1 })
  })

  it('orders inputs by input_order and finds them by name', () => {
    const def = NodeDef.parse({
      input: { required: { b: ['INT'], a: ['MODEL'] }, optional: { c: ['FLOAT'] } },
      input_order: { required: ['a', 'b'], optional: ['c'] },
      output: [],
      name: 'X',
      output_node: false,
    })
    expect(findInput(def, 'c')?.category).toBe('optional')
    expect(findInput(def, 'a')?.type).toBe('MODEL')
  })

  it('matches link types like ComfyUI: equal, wildcard, overlapping unions', () => {
    expect(typesCompatible('IMAGE', 'IMAGE')).toBe(true)
    expect(typesCompatible('*', 'LATENT')).toBe(true)
    expect(typesCompatible('IMAGE,MASK', 'MASK')).toBe(true)
    expect(typesCompatible('IMAGE', 'LATENT')).toBe(false)
    // ComfyUI accepts any link into or out of a MatchType socket (the Switch node).
    expect(typesCompatible('COMFY_MATCHTYPE_V3', 'IMAGE')).toBe(true)
    expect(typesCompatible('VIDEO', 'COMFY_MATCHTYPE_V3')).toBe(true)
  })
})
