import { CreateShotsRequest } from '@aipipeline/contracts'
import { DEFAULT_CODE_RULES, PROJECT_TEMPLATES } from '@aipipeline/domain'
import { describe, expect, it } from 'vitest'
import { planShots } from './shot-plan'

describe('new shots', () => {
  const base = { sequenceId: 'sq1', rule: DEFAULT_CODE_RULES.shot, frameIn: 1001, length: 48 }

  it('numbers three new shots SH0010, SH0020, SH0030 from frame 1001', () => {
    const shots = planShots({ ...base, existingCodes: [], count: 3 })
    expect(shots.map((s) => s.code)).toEqual(['SH0010', 'SH0020', 'SH0030'])
    expect(shots[0]).toMatchObject({ sequenceId: 'sq1', frameIn: 1001, frameOut: 1048 })
    expect(CreateShotsRequest.safeParse({ shots }).success).toBe(true)
  })

  it('continues after the codes the sequence already has', () => {
    const shots = planShots({ ...base, existingCodes: ['SH0010', 'SH0020', 'INSERT'], count: 2 })
    expect(shots.map((s) => s.code)).toEqual(['SH0030', 'SH0040'])
  })

  it("follows the project's rule and leaves frames out without a length", () => {
    const rule = PROJECT_TEMPLATES.commercial.codeRules.shot
    const shots = planShots({ ...base, rule, existingCodes: [], count: 1, length: null })
    expect(shots).toEqual([{ sequenceId: 'sq1', code: 'SH010' }])
    expect(planShots({ ...base, existingCodes: [], count: 0 })).toEqual([])
  })
})
