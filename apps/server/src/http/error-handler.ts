// One place maps every error to HTTP. Client mistakes are logged at info (never error) so
// alerts fire only for our own faults.
import type { ErrorBody } from '@aipipeline/contracts'
import { DomainError } from '@aipipeline/domain'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'

const STATUS_BY_CODE: Record<string, number> = {
  validation_failed: 400,
  json_too_deep: 400,
  xml_too_deep: 400,
  naming_template_invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  account_link_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule_violation: 422,
  sweep_too_large: 422,
  no_backend_can_run: 422,
  invalid_transition: 422,
  rate_limited: 429,
}

// Fastify's own client-error codes, renamed to our vocabulary.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_body',
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, error: ErrorBody['error']): FastifyReply {
  const body: ErrorBody = { error, requestId: String(request.id) }
  return reply.status(status).type('application/json').send(body)
}

function issuePath(context: string | undefined, instancePath: string): string {
  const rest = instancePath.replace(/^\//, '').replaceAll('/', '.')
  return [context, rest].filter((p) => p !== undefined && p !== '').join('.')
}

/** Installs the error handler. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: issuePath(err.validationContext, v.instancePath),
        message: v.message ?? 'invalid',
      }))
      request.log.info({ issues }, 'request failed validation')
      const first = issues[0]
      const message = first ? `invalid request: ${first.path || 'body'}: ${first.message}` : 'invalid request'
      return send(reply, request, 400, { code: 'validation_failed', message, issues })
    }
    if (err instanceof DomainError) {
      const status = STATUS_BY_CODE[err.code] ?? 400
      request.log.info({ code: err.code }, err.message)
      if (err.code === 'rate_limited' && err.details?.retryAfterSeconds !== undefined) {
        reply.header('retry-after', String(err.details.retryAfterSeconds))
      }
      const issues = 'issues' in err && Array.isArray(err.issues) ? err.issues : undefined
      // Issues travel once, in their own field; the rest of the details feed translated messages.
      const { issues: _sentAbove, ...details } = err.details ?? {}
      return send(reply, request, status, {
        code: err.code,
        message: err.message,
        ...(issues ? { issues } : {}),
        ...(Object.keys(details).length > 0 ? { details } : {}),
      })
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err: err.cause }, 'response did not match its contract')
      return send(reply, request, 500, { code: 'internal', message: 'internal error' })
    }
    const status = err.statusCode ?? 500
    if (status >= 400 && status < 500) {
      request.log.info({ code: err.code }, err.message)
      const code = FASTIFY_CODES[err.code] ?? (status === 429 ? 'rate_limited' : 'bad_request')
      return send(reply, request, status, { code, message: err.message })
    }
    request.log.error({ err }, 'unhandled error')
    return send(reply, request, 500, { code: 'internal', message: 'internal error' })
  })
}

/**
 * Installs the one not-found handler. With a web build, browser navigation to any
 * non-API path gets the SPA's index.html; API paths keep their JSON 404.
 */
export function installNotFoundHandler(app: FastifyInstance, opts: { spaIndex: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    const isApi = path.startsWith('/api') || path.startsWith('/socket.io') || path === '/metrics'
    if (opts.spaIndex && request.method === 'GET' && !isApi) return reply.type('text/html').sendFile('index.html')
    return send(reply, request, 404, { code: 'not_found', message: `no route ${request.method} ${path}` })
  })
}
