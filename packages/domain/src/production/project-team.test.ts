import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ROLES } from '../auth/role'
import { RuleViolation } from '../errors/domain-error'
import { requireProjectKeepsManager, type TeamSeat } from './project-team'

const seat = (userId: string, globalRole: TeamSeat['globalRole'], projectRole: TeamSeat['projectRole'] = null) => ({
  userId,
  globalRole,
  projectRole,
})

describe('a project keeps a manager', () => {
  const manager = seat('m', 'manager')
  const artist = seat('a', 'artist')

  it('refuses removing the last manager', () => {
    expect(() => requireProjectKeepsManager([manager, artist], [artist])).toThrow(RuleViolation)
  })

  it('refuses demoting the last manager in the project', () => {
    expect(() => requireProjectKeepsManager([manager, artist], [seat('m', 'manager', 'artist'), artist])).toThrow(
      /at least one manager/,
    )
  })

  it('lets a manager go while another manager, or a member with a project manager role, stays', () => {
    expect(() => requireProjectKeepsManager([manager, seat('x', 'manager')], [seat('x', 'manager')])).not.toThrow()
    const promoted = seat('a', 'artist', 'manager')
    expect(() => requireProjectKeepsManager([manager, promoted], [promoted])).not.toThrow()
  })

  it('never refuses a change to a team that had no manager', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('supervisor', 'artist', 'client', 'vendor' as const)), (roles) => {
        const team = roles.map((r, i) => seat(String(i), r))
        expect(() => requireProjectKeepsManager(team, team.slice(1))).not.toThrow()
      }),
    )
  })

  it('refuses exactly the changes that leave a managed team with no one running it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ROLES)), fc.array(fc.constantFrom(...ROLES)), (a, b) => {
        const runs = (r: string) => r === 'admin' || r === 'manager'
        const refused = a.some(runs) && !b.some(runs)
        const call = () =>
          requireProjectKeepsManager(
            a.map((r, i) => seat(String(i), r)),
            b.map((r, i) => seat(String(i), r)),
          )
        if (refused) expect(call).toThrow(RuleViolation)
        else expect(call).not.toThrow()
      }),
    )
  })
})
