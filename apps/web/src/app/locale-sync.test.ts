import { describe, expect, it } from 'vitest'
import { reconcileLocale } from './locale-sync'

describe('language at sign-in', () => {
  it("follows the account's language when none was picked in this browser", () => {
    expect(reconcileLocale(null, 'ko')).toEqual({ kind: 'apply-account', locale: 'ko' })
  })

  it('keeps the language picked in this browser and saves it to the account', () => {
    expect(reconcileLocale('ko', 'en')).toEqual({ kind: 'save-choice', locale: 'ko' })
  })

  it('does nothing when this browser and the account already agree', () => {
    expect(reconcileLocale('en', 'en')).toBeNull()
  })
})
