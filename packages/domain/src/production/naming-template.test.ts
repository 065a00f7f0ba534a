import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_NAMING_TEMPLATES, namingTemplate } from './naming-defaults'
import { assertRelativePath, compileTemplate, parsePath, renderTemplate, sanitizeTokenValue } from './naming-template'

const word = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((s) => sanitizeTokenValue(s) !== '')
const separators = ['/', '_', '.', '/v', '_v', '/shots/', '__']

describe('naming templates', () => {
  it('renders the default version folder with padding and references', () => {
    const t = namingTemplate(DEFAULT_NAMING_TEMPLATES, 'versionFolder')
    const path = renderTemplate(t, { project: 'DEMO', sequence: 'SQ010', shot: 'SH0010', task: 'Keyframe', version: 3 })
    expect(path).toBe('DEMO/SQ010/SH0010/Keyframe/v003')
    expect(parsePath(t, path)).toEqual({
      project: 'DEMO',
      sequence: 'SQ010',
      shot: 'SH0010',
      task: 'Keyframe',
      version: 3,
    })
  })

  it('drops an optional part whose token has no value', () => {
    const t = compileTemplate('{shot}_v{version:03}<_{comment}>.{ext}')
    expect(renderTemplate(t, { shot: 'SH010', version: 12, ext: 'png' })).toBe('SH010_v012.png')
    expect(renderTemplate(t, { shot: 'SH010', version: 12, comment: 'hero look', ext: 'png' })).toBe(
      'SH010_v012_hero-look.png',
    )
    expect(parsePath(t, 'SH010_v012.png')).toEqual({ shot: 'SH010', version: 12, ext: 'png' })
  })

  it('round-trips render → parse for any values on any well-separated template', () => {
    const part = fc.record({
      sep: fc.constantFrom(...separators),
      int: fc.boolean(),
      pad: fc.integer({ min: 1, max: 5 }),
    })
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 6 }),
        fc.array(word, { minLength: 6, maxLength: 6 }),
        fc.array(fc.nat(100_000), { minLength: 6, maxLength: 6 }),
        (parts, words, numbers) => {
          const source = parts.map((p, i) => `${i === 0 ? 'root/' : p.sep}{t${i}${p.int ? `:0${p.pad}` : ''}}`).join('')
          const template = compileTemplate(source)
          const values: Record<string, string | number> = {}
          parts.forEach((p, i) => {
            values[`t${i}`] = p.int ? (numbers[i] ?? 0) : (words[i] ?? 'x')
          })
          const path = renderTemplate(template, values)
          const expected = Object.fromEntries(
            Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? v : sanitizeTokenValue(v)]),
          )
          expect(parsePath(template, path)).toEqual(expected)
        },
      ),
    )
  })

  it('never renders a path that escapes the root, whatever the values', () => {
    const t = namingTemplate(DEFAULT_NAMING_TEMPLATES, 'versionFile')
    const hostile = fc.oneof(
      fc.constantFrom('..', '../../etc/passwd', '/abs', 'a/../../b', 'C:\\x', '.', '\0'),
      fc.string(),
    )
    fc.assert(
      fc.property(hostile, hostile, (shot, task) => {
        let path: string | undefined
        try {
          path = renderTemplate(t, { project: 'P', sequence: 'S', shot, task, version: 1, ext: 'png' })
        } catch {
          return // refusing a value is fine; escaping is not
        }
        expect(() => assertRelativePath(path ?? '')).not.toThrow()
        expect(path.split('/')).not.toContain('..')
        expect(path.split('/')).toHaveLength(1)
      }),
    )
  })

  it('rejects templates that could traverse or could not be parsed back', () => {
    expect(() => compileTemplate('../{shot}')).toThrow(/relative path/)
    expect(() => compileTemplate('/abs/{shot}')).toThrow(/relative path/)
    expect(() => compileTemplate('{sequence}{shot}')).toThrow(/separator/)
    expect(() => compileTemplate('{sequence}-{shot}')).toThrow(/separator/)
    expect(() => compileTemplate('{@nope}')).toThrow(/unknown reference/)
    expect(() => compileTemplate('{@a}', { a: '{@b}', b: '{@a}' })).toThrow(/cycle/)
    expect(() => compileTemplate('{shot:3}')).toThrow(/:03/)
    expect(() => compileTemplate('<{shot}')).toThrow(/unclosed/)
  })

  it('refuses paths that do not match and numbers with extra leading zeros', () => {
    const t = compileTemplate('{shot}/v{version:03}')
    expect(parsePath(t, 'SH010/v0001')).toBeUndefined()
    expect(parsePath(t, 'SH010/x001')).toBeUndefined()
    expect(parsePath(t, 'SH010/v1234')).toEqual({ shot: 'SH010', version: 1234 })
  })

  it('names the missing token', () => {
    expect(() => renderTemplate(compileTemplate('{project}/{shot}'), { project: 'P' })).toThrow(/no value for \{shot\}/)
  })
})
