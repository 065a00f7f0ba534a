// What a failed template call says, in the user's language: the failures this page meets often
// (a taken name, a deleted template, an oversized workflow, no server) get their own sentence;
// the rest go through the studio-wide mapping.
import type { TFunction } from 'i18next'
import { ApiError } from '../../../api/api-error'
import { apiErrorText } from '../../../api/error-text'

/** The translated message for whatever a template call threw. */
export function templateErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return apiErrorText(error, t)
  const failure = error.failure
  if (failure.kind === 'network') return t('templates.errors.network')
  if (failure.kind !== 'http') return apiErrorText(error, t)
  switch (failure.code) {
    case 'conflict':
      return t('templates.errors.nameTaken')
    case 'not_found':
      return t('templates.errors.notFound')
    case 'payload_too_large':
      return t('templates.errors.tooLarge')
    case 'validation_failed':
      // The server names what it could not read in a file; the user needs to know what to do.
      if (failure.issues?.some((i) => i.path === 'body.file' || i.path.startsWith('body.file.')))
        return t('templates.errors.fileUnreadable')
      return apiErrorText(error, t)
    case 'rule_violation':
      // The server's sentence names the node and input (ids and class names, in any language).
      return t('templates.errors.workflowCannotRun', { detail: failure.message })
    default:
      return apiErrorText(error, t)
  }
}
