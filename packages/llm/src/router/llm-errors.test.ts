import { APICallError } from 'ai'
import { describe, expect, it } from 'vitest'
import { backoffDelayMs } from './backoff'
import { classifyError, retryAfterMs } from './llm-errors'

const apiError = (statusCode: number, body: string, headers: Record<string, string> = {}) =>
  new APICallError({
    message: 'failed',
    url: 'http://x',
    requestBodyValues: {},
    statusCode,
    responseBody: body,
    responseHeaders: headers,
  })

describe('error classes', () => {
  it('sorts provider errors into the classes that decide retry, fallback or fail', () => {
    expect(classifyError(apiError(429, '', { 'retry-after': '7' }))).toMatchObject({
      errorClass: 'rate_limit',
      retryAfterMs: 7_000,
    })
    expect(classifyError(apiError(503, '')).errorClass).toBe('transient')
    expect(classifyError(apiError(529, '{"type":"error","error":{"type":"overloaded_error"}}')).errorClass).toBe(
      'transient',
    )
    expect(classifyError(apiError(401, '')).errorClass).toBe('auth')
    expect(classifyError(apiError(400, '{"error":{"code":"context_length_exceeded"}}')).errorClass).toBe(
      'context_too_long',
    )
    expect(classifyError(apiError(400, 'prompt is too long: 210000 tokens > 200000 maximum')).errorClass).toBe(
      'context_too_long',
    )
    expect(classifyError(apiError(400, '{"error":{"code":"content_policy_violation"}}')).errorClass).toBe(
      'content_policy',
    )
    expect(classifyError(apiError(400, '{"error":{"message":"unknown parameter"}}')).errorClass).toBe('bad_request')
    expect(classifyError(apiError(200, '{"id": "chat')).errorClass).toBe('transient')
  })

  it('reads Retry-After as seconds, as an HTTP date, and retry-after-ms', () => {
    const now = Date.parse('2025-11-01T00:00:00Z')
    expect(retryAfterMs({ 'Retry-After': '2' }, now)).toBe(2_000)
    expect(retryAfterMs({ 'retry-after': 'Sat, 01 Nov 2025 00:00:05 GMT' }, now)).toBe(5_000)
    expect(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' }, now)).toBe(250)
    expect(retryAfterMs({}, now)).toBeUndefined()
  })

  it('backs off exponentially with jitter, capped, and never shorter than Retry-After', () => {
    const s = { baseDelayMs: 500, maxDelayMs: 8_000 }
    expect(backoffDelayMs(1, s, () => 0, undefined)).toBe(250)
    expect(backoffDelayMs(1, s, () => 0.999, undefined)).toBeLessThanOrEqual(500)
    expect(backoffDelayMs(3, s, () => 1, undefined)).toBe(2_000)
    expect(backoffDelayMs(10, s, () => 1, undefined)).toBe(8_000)
    expect(backoffDelayMs(1, s, () => 0.5, 3_000)).toBe(3_000)
  })
})
