// The backend form's rules, kept out of the component so they are tested on their own: tags
// typed as text, what the form sends, and which translated sentence a failure gets.
import type { BackendTestFailure, FarmBackend } from '@aipipeline/contracts'
import type { TFunction } from 'i18next'
import { ApiError } from '../../../api/api-error'
import { apiErrorText } from '../../../api/error-text'

const TAG = /^[A-Za-z0-9_.:-]{1,40}$/

export interface BackendFormValues {
  name: string
  url: string
  tags: string[]
  maxInFlight: number
  enabled: boolean
}

export const EMPTY_BACKEND_FORM: BackendFormValues = { name: '', url: '', tags: [], maxInFlight: 2, enabled: true }

/** The form filled from a registered backend (editing). */
export function formFromBackend(b: FarmBackend): BackendFormValues {
  return { name: b.name, url: b.url, tags: b.tags, maxInFlight: b.maxInFlight, enabled: b.enabled }
}

/** Whether `raw` is an http(s) URL the server will accept as a backend. */
export function isBackendUrl(raw: string): boolean {
  try {
    const u = new URL(raw.trim())
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== ''
  } catch {
    return false
  }
}

/** Tags the server refuses (letters, digits and _ . : - only, 40 at most). */
export function invalidTags(tags: readonly string[]): string[] {
  return tags.filter((t) => !TAG.test(t))
}

export type FormProblem = 'nameRequired' | 'urlInvalid' | 'tagsInvalid' | 'inFlightRange'

/** What keeps the form from being sent, field by field; empty when it may be sent. */
export function formProblems(v: BackendFormValues): Partial<Record<keyof BackendFormValues, FormProblem>> {
  const out: Partial<Record<keyof BackendFormValues, FormProblem>> = {}
  if (v.name.trim() === '') out.name = 'nameRequired'
  if (!isBackendUrl(v.url)) out.url = 'urlInvalid'
  if (invalidTags(v.tags).length > 0) out.tags = 'tagsInvalid'
  if (!Number.isInteger(v.maxInFlight) || v.maxInFlight < 1 || v.maxInFlight > 8) out.maxInFlight = 'inFlightRange'
  return out
}

/** The i18n key of a failed connection test. */
export function testFailureKey(
  failure: BackendTestFailure,
): 'farmSetup.test.unreachable' | 'farmSetup.test.timeout' | 'farmSetup.test.notComfy' | 'farmSetup.test.redirected' {
  switch (failure) {
    case 'unreachable':
      return 'farmSetup.test.unreachable'
    case 'timeout':
      return 'farmSetup.test.timeout'
    case 'not_comfyui':
      return 'farmSetup.test.notComfy'
    case 'redirected':
      return 'farmSetup.test.redirected'
  }
}

/** A failed register/edit/remove in the user's language: known URL, unreachable, else the shared text. */
export function backendErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.failure.kind === 'http') {
    if (error.failure.status === 409) return t('farmSetup.errors.duplicateUrl')
    if (error.failure.status === 422) return t('farmSetup.errors.unreachable')
    if (error.failure.status === 404) return t('farmSetup.errors.gone')
  }
  return apiErrorText(error, t)
}
