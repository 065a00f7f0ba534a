import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/api-error'
import { loginErrorMessage } from './login-error'

function httpError(status: number, retryAfterSeconds?: number) {
  return new ApiError({
    kind: 'http',
    status,
    code: 'x',
    message: 'x',
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  })
}

describe('sign-in error messages', () => {
  it('says the email or password is wrong on a 401', () => {
    expect(loginErrorMessage(httpError(401))).toEqual({ key: 'login.errors.invalidCredentials' })
  })

  it('tells how long to wait when too many attempts were made', () => {
    expect(loginErrorMessage(httpError(429, 37))).toEqual({
      key: 'login.errors.rateLimitedFor',
      values: { seconds: 37 },
    })
    expect(loginErrorMessage(httpError(429))).toEqual({ key: 'login.errors.rateLimited' })
  })

  it('says the server cannot be reached when the request got no answer', () => {
    const error = new ApiError({ kind: 'network', message: 'Failed to fetch' })
    expect(loginErrorMessage(error)).toEqual({ key: 'login.errors.network' })
  })

  it('names the status of an unexpected server error', () => {
    expect(loginErrorMessage(httpError(503))).toEqual({ key: 'login.errors.server', values: { status: '503' } })
  })

  it('asks for a valid email when the address fails the contract', () => {
    const error = new ApiError({ kind: 'bad-request', message: 'x', issues: [{ path: 'body.email', message: 'x' }] })
    expect(loginErrorMessage(error)).toEqual({ key: 'login.errors.emailInvalid' })
  })
})
