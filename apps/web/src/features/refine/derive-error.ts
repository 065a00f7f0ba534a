// A refused derive, upload or preprocessor run in the user's language. Refusals by status get a
// sentence of their own; a broken rule is translated by the reason the server names, and one we
// have no sentence for still reads as a refusal of this render rather than the server's words.
import type { TFunction } from 'i18next'
import { ApiError } from '../../api/api-error'
import { apiErrorText } from '../../api/error-text'

const CODES_WITH_OWN_TEXT = new Set(['no_backend_can_run', 'validation_failed', 'rate_limited'])

/** The message for whatever a refine-loop call threw. */
export function deriveErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError) || error.failure.kind !== 'http') return apiErrorText(error, t)
  const failure = error.failure
  if (CODES_WITH_OWN_TEXT.has(failure.code)) return apiErrorText(error, t)
  switch (failure.status) {
    case 403:
      return t('refine.errors.forbidden')
    case 404:
      return t('refine.errors.notFound')
    case 409:
      return t('refine.errors.conflict')
    case 413:
      return t('refine.errors.tooLarge')
    case 415:
      return t('refine.errors.unsupportedType')
    case 422: {
      const details = failure.details ?? {}
      const reason = details.reason ?? details.rule
      const known =
        typeof reason === 'string' && /^[a-z_]+$/.test(reason)
          ? t(`refine.errors.rules.${reason}`, { defaultValue: '' })
          : ''
      return known !== '' ? known : t('refine.errors.rejected')
    }
    default:
      return apiErrorText(error, t)
  }
}
