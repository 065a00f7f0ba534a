// The one JSON body parser: Fastify's own (prototype-poisoning checks, empty and invalid
// bodies) followed by a depth bound, so a deeply nested body is refused with a 400 naming the
// field before any schema, serialiser or driver walks it and overflows the stack.
import { findJsonTextDepthViolation, MAX_JSON_DEPTH } from '@aipipeline/contracts'
import { DomainError } from '@aipipeline/domain'
import type { FastifyInstance } from 'fastify'

/** A JSON value nested deeper than the studio accepts (HTTP 400). */
export class JsonTooDeep extends DomainError {
  readonly code = 'json_too_deep'
  readonly issues: { path: string; message: string }[]
  constructor(path: string, maxDepth: number) {
    const message = `nested more than ${maxDepth} levels deep`
    super(`invalid request: ${path}: ${message}`, { path, maxDepth })
    this.issues = [{ path, message }]
  }
}

/** Joins a request part (`body`) and a path inside it into the dotted form errors use. */
export function fieldPath(context: string, path: string): string {
  return path === '' ? context : `${context}.${path}`
}

/** Replaces the JSON parser of `app` with the bounded one. */
export function installJsonBodyParser(app: FastifyInstance, maxDepth = MAX_JSON_DEPTH): void {
  const parse = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    parse(request, text, (err, value) => {
      if (err) return done(err, undefined)
      const violation = findJsonTextDepthViolation(text, value, maxDepth)
      if (violation) return done(new JsonTooDeep(fieldPath('body', violation.path), maxDepth), undefined)
      done(null, value)
    })
  })
}
