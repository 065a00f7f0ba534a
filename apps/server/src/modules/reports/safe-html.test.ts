import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { html } from './safe-html'

describe('escaping HTML template', () => {
  it('never lets an interpolated string open a tag, an entity or an attribute', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 3 }), (value, list) => {
        const out = html`<p title="${value}">${value}${list}</p>`.value
        const inner = out.slice('<p title="'.length, -'</p>'.length)
        expect(inner.replace('">', '')).not.toMatch(/[<>"']/)
        expect(out.match(/</g)?.length).toBe(2)
      }),
    )
  })

  it('keeps nested templates as markup and escapes what they interpolate', () => {
    const name = '<img src=x onerror=alert(1)>'
    expect(html`<ul>${[html`<li>${name}</li>`]}</ul>`.value).toBe(
      '<ul><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>',
    )
  })
})
