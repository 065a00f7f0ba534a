import { describe, expect, it } from 'vitest'
import { runsOn, verdictOf } from './compatibility-verdict'

describe('which backends run a template', () => {
  it('counts only backends known to have everything', () => {
    expect(
      runsOn([
        { ok: true, capabilitiesKnown: true },
        { ok: false, capabilitiesKnown: true },
        { ok: true, capabilitiesKnown: false },
      ]),
    ).toEqual({ ok: 1, total: 3 })
  })

  it('calls a backend never inspected unchecked rather than able', () => {
    expect(verdictOf({ ok: true, capabilitiesKnown: false })).toBe('unknown')
    expect(verdictOf({ ok: false, capabilitiesKnown: true })).toBe('missing')
  })
})
