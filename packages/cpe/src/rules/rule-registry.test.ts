import { describe, expect, it } from 'vitest'
import { validate } from '../engine/validate'
import { fixtureCatalog } from '../testing/catalog.fixture'
import { RULE_CASES } from '../testing/rule-cases.fixture'
import { ALL_RULES, listRules } from './rule-registry'

const ruleIds = (config: unknown): string[] => {
  const result = validate(config, fixtureCatalog)
  if (result.status === 'malformed') throw new Error(result.error.message)
  return result.violations.map((v) => v.ruleId)
}

describe('rule set', () => {
  it('has at least 60 rules with unique ids', () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(60)
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length)
  })

  it('has a triggering case and a near miss for every rule, and no case for a missing rule', () => {
    expect(Object.keys(RULE_CASES).sort()).toEqual(ALL_RULES.map((r) => r.id).sort())
  })

  describe.each(ALL_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const cases = RULE_CASES[id]
    it('fires on its triggering config with its severity and a message naming the values', () => {
      expect(cases).toBeDefined()
      const result = validate(cases?.hit, fixtureCatalog)
      if (result.status === 'malformed') throw new Error(result.error.message)
      const violation = result.violations.find((v) => v.ruleId === id)
      expect(violation?.severity).toBe(rule.severity)
      expect(violation?.message.en.length).toBeGreaterThan(10)
      expect(violation?.message.ko).toMatch(/[가-힣]/)
    })
    it('stays silent on its near miss', () => {
      expect(ruleIds(cases?.miss)).not.toContain(id)
    })
  })
})

describe('listRules', () => {
  it('describes every rule with English and Korean sample messages', () => {
    const rules = listRules()
    expect(rules).toHaveLength(ALL_RULES.length)
    for (const r of rules) {
      expect(r.sampleMessage.en).not.toMatch(/undefined|\[object/)
      expect(r.sampleMessage.ko).toMatch(/[가-힣]/)
      expect(r.fields.length).toBeGreaterThan(0)
    }
  })

  it('keeps severities in Latin caps where Korean messages mention them', () => {
    for (const r of listRules()) expect(r.sampleMessage.ko).not.toMatch(/하드|소프트|인포/)
  })
})

describe('Korean messages', () => {
  it('name vocabulary values with Korean production terms', () => {
    const result = validate({ lighting: { sourceIds: ['sun'], timeOfDay: 'night' } }, fixtureCatalog)
    const v = result.violations.find((x) => x.ruleId === 'sun-at-night')
    expect(v?.message.ko).toContain('밤 시간대')
    expect(v?.message.en).toContain('at night')
  })
})
