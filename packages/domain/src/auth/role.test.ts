import { describe, expect, it } from 'vitest'
import { access, effectiveRole, ROLES, roleSatisfies } from './role'

describe('roles', () => {
  it('lets a per-project role override the global role, except for admins', () => {
    expect(effectiveRole('artist', 'supervisor')).toBe('supervisor')
    expect(effectiveRole('manager', undefined)).toBe('manager')
    expect(effectiveRole('admin', 'client')).toBe('admin')
  })

  it('never lets clients or vendors qualify through rank', () => {
    const rule = access.atLeast('artist')
    expect(roleSatisfies(rule, 'client')).toBe(false)
    expect(roleSatisfies(rule, 'vendor')).toBe(false)
    expect(roleSatisfies(rule, 'artist')).toBe(true)
    expect(roleSatisfies(rule, 'admin')).toBe(true)
  })

  it('requires a signed-in caller for authenticated routes', () => {
    expect(roleSatisfies(access.authenticated, undefined)).toBe(false)
    for (const role of ROLES) expect(roleSatisfies(access.authenticated, role)).toBe(true)
    expect(roleSatisfies(access.public, undefined)).toBe(true)
  })

  it('admits only admins and managers to manager-level routes', () => {
    const allowed = ROLES.filter((r) => roleSatisfies(access.atLeast('manager'), r))
    expect(allowed).toEqual(['admin', 'manager'])
  })
})
