// Maps a failed sign-in to the message the user reads. Kept apart from the page so every
// branch is tested without a browser.
import { ApiError } from '../../api/api-error'

export type LoginErrorMessage =
  | {
      key:
        | 'login.errors.invalidCredentials'
        | 'login.errors.forbidden'
        | 'login.errors.rateLimited'
        | 'login.errors.network'
        | 'login.errors.badResponse'
        | 'login.errors.emailInvalid'
    }
  | { key: 'login.errors.rateLimitedFor'; values: { seconds: number } }
  | { key: 'login.errors.server'; values: { status: string } }

/** The message for whatever `api.login` threw. */
export function loginErrorMessage(error: unknown): LoginErrorMessage {
  if (!(error instanceof ApiError)) return { key: 'login.errors.server', values: { status: '—' } }
  const failure = error.failure
  switch (failure.kind) {
    case 'network':
      return { key: 'login.errors.network' }
    case 'bad-response':
      return { key: 'login.errors.badResponse' }
    case 'bad-request':
      // Only the email can fail the contract once the form has checked the password is present.
      return { key: 'login.errors.emailInvalid' }
    case 'http':
      switch (failure.status) {
        case 400:
        case 422:
          return { key: 'login.errors.emailInvalid' }
        case 401:
          return { key: 'login.errors.invalidCredentials' }
        case 403:
          return { key: 'login.errors.forbidden' }
        case 429:
          return failure.retryAfterSeconds !== undefined && failure.retryAfterSeconds > 0
            ? { key: 'login.errors.rateLimitedFor', values: { seconds: failure.retryAfterSeconds } }
            : { key: 'login.errors.rateLimited' }
        default:
          return { key: 'login.errors.server', values: { status: String(failure.status) } }
      }
  }
}
