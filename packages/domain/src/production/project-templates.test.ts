import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveTemplates, validateTemplates } from './naming-defaults'
import { assertWritable } from './production-access'
import {
  CodeRule,
  CodeRules,
  codeNumber,
  formatCode,
  nextCodes,
  PROJECT_TEMPLATE_IDS,
  PROJECT_TEMPLATES,
} from './project-templates'

describe('project templates', () => {
  it('gives a film sequences and shots with Layout, Keyframe, Animation, Lighting and Comp', () => {
    const film = PROJECT_TEMPLATES.film
    expect(film.codeRules.group).toBe('sequence')
    expect(film.taskTypes.map((t) => t.name)).toEqual(['Layout', 'Keyframe', 'Animation', 'Lighting', 'Comp'])
    expect(formatCode(film.codeRules.shot, 10)).toBe('SH0010')
    expect(formatCode(film.codeRules.sequence, 10)).toBe('SQ010')
  })

  it('groups a series by episodes and a commercial by spots', () => {
    expect(PROJECT_TEMPLATES.series.codeRules.group).toBe('episode')
    expect(formatCode(PROJECT_TEMPLATES.series.codeRules.sequence, 1)).toBe('EP01')
    expect(PROJECT_TEMPLATES.commercial.codeRules.group).toBe('spot')
    expect(formatCode(PROJECT_TEMPLATES.commercial.codeRules.sequence, 2)).toBe('SP02')
  })

  it.each(PROJECT_TEMPLATE_IDS)('%s: valid naming templates, unique names, keys and colours', (id) => {
    const t = PROJECT_TEMPLATES[id]
    expect(t.id).toBe(id)
    expect(() => validateTemplates(resolveTemplates(t.namingTemplates))).not.toThrow()
    expect(CodeRules.parse(t.codeRules)).toEqual(t.codeRules)
    expect(new Set(t.taskTypes.map((x) => x.name)).size).toBe(t.taskTypes.length)
    expect(new Set(t.taskTypes.map((x) => x.shortName)).size).toBe(t.taskTypes.length)
    expect(new Set(t.customFields.map((x) => x.key)).size).toBe(t.customFields.length)
    for (const tt of t.taskTypes) expect(tt.color).toMatch(/^#[0-9a-f]{6}$/)
    for (const f of t.customFields) expect(f.key).toMatch(/^[a-z][a-z0-9_]{0,39}$/)
    expect(t.format.startFrame).toBe(1001)
  })
})

describe('shot and sequence codes', () => {
  const shot = { prefix: 'SH', digits: 4, step: 10 }

  it('continues after the highest code on the step grid', () => {
    expect(nextCodes(shot, [], 3)).toEqual(['SH0010', 'SH0020', 'SH0030'])
    expect(nextCodes(shot, ['SH0010', 'SH0040', 'SH0015'], 2)).toEqual(['SH0050', 'SH0060'])
    expect(nextCodes(shot, ['SH0045'], 1)).toEqual(['SH0050'])
  })

  it('ignores codes that do not follow the rule', () => {
    expect(nextCodes(shot, ['INSERT_A', 'SH00x1', 'SQ0900'], 1)).toEqual(['SH0010'])
    expect(codeNumber(shot, 'SH0120')).toBe(120)
    expect(codeNumber(shot, 'XX0120')).toBeUndefined()
  })

  it('never returns a code already taken, and returns them in order', () => {
    const rule = fc.record({
      prefix: fc.constantFrom('', 'SH', 'EP', 'SP'),
      digits: fc.integer({ min: 1, max: 5 }),
      step: fc.integer({ min: 1, max: 100 }),
    })
    fc.assert(
      fc.property(
        rule,
        fc.array(fc.integer({ min: 0, max: 5000 })),
        fc.integer({ min: 1, max: 20 }),
        (r, ns, count) => {
          expect(CodeRule.safeParse(r).success).toBe(true)
          const existing = ns.map((n) => formatCode(r, n))
          const next = nextCodes(r, existing, count)
          expect(next).toHaveLength(count)
          for (const code of next) expect(existing).not.toContain(code)
          const numbers = next.map((c) => codeNumber(r, c) ?? -1)
          for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBe((numbers[i - 1] ?? 0) + r.step)
        },
      ),
    )
  })
})

describe('archived projects', () => {
  it('are read-only until unarchived', () => {
    expect(() => assertWritable({ archived: true })).toThrow(/archived/)
    expect(() => assertWritable({ archived: false })).not.toThrow()
    expect(() => assertWritable({})).not.toThrow()
  })
})
