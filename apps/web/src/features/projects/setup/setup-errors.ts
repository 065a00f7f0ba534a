// A failed setup call in the user's language: a conflict (a taken code) may get its own sentence,
// everything else the shared translation of server errors.
import type { TFunction } from 'i18next'
import { ApiError } from '../../../api/api-error'
import { apiErrorText } from '../../../api/error-text'

/** The message for a failed create or configuration call. */
export function setupErrorText(error: unknown, t: TFunction, conflictText?: string): string {
  if (
    conflictText !== undefined &&
    error instanceof ApiError &&
    error.failure.kind === 'http' &&
    error.failure.status === 409
  ) {
    return conflictText
  }
  return apiErrorText(error, t)
}
