// Binds a route contract to a handler: schemas from the contract, the access rule checked
// before the handler runs, and the route recorded so the role × route matrix test can
// prove that every route has a rule.
import { admitsGuests, type RouteContract } from '@aipipeline/contracts'
import { type AccessRule, DomainError, Forbidden, roleSatisfies, Unauthenticated } from '@aipipeline/domain'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { AccessTokenVerifier, Principal } from './principal'

// Contract parts are optional properties; strip `undefined` before inferring.
type Infer<T> = [NonNullable<T>] extends [z.ZodType] ? z.output<NonNullable<T>> : undefined

export interface RouteInput<C extends RouteContract> {
  params: Infer<C['params']>
  query: Infer<C['query']>
  body: Infer<C['body']>
  principal: C['access'] extends { kind: 'public' } ? Principal | undefined : Principal
  request: FastifyRequest
}

type Output<C extends RouteContract> = [NonNullable<C['response']>] extends [z.ZodType]
  ? z.input<NonNullable<C['response']>>
  : undefined

export interface BoundRoute {
  method: string
  path: string
  access: AccessRule
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Routes bound from contracts, with their access rules. */
    boundRoutes: BoundRoute[]
    /** Every route registered on the app, however it was added. */
    allRoutes: { method: string; path: string }[]
  }
  interface FastifyRequest {
    principal: Principal | undefined
  }
}

/** Reads and verifies the bearer token, if any. */
export async function authenticate(
  request: FastifyRequest,
  tokens: AccessTokenVerifier,
): Promise<Principal | undefined> {
  const header = request.headers.authorization
  if (header === undefined) return undefined
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header)
  if (!match?.[1]) throw new Unauthenticated('authorization header must be "Bearer <token>"')
  return tokens.verifyAccess(match[1])
}

/** Answered exactly as the not-found handler answers a route that does not exist. */
class NoSuchRoute extends DomainError {
  readonly code = 'not_found'
  constructor(request: FastifyRequest) {
    super(`no route ${request.method} ${request.url.split('?')[0] ?? ''}`)
  }
}

/**
 * The guest rule, for every bound route: a review guest reaches only routes that admit guests
 * (each of which still checks the guest's one playlist); to a guest, every other route does
 * not exist — public ones included, so a guest learns nothing about the studio.
 */
export function refuseGuestOutside(contract: object, principal: Principal | undefined, request: FastifyRequest) {
  if (principal?.guest !== undefined && !admitsGuests(contract)) throw new NoSuchRoute(request)
}

/** Registers one contract route. */
export function bindRoute<C extends RouteContract>(
  app: FastifyInstance,
  tokens: AccessTokenVerifier,
  contract: C,
  handler: (input: RouteInput<C>) => Promise<Output<C>>,
  /** Authenticates a GPU agent for `access.agent` routes (throws Unauthenticated); without it they refuse everyone. */
  authenticateAgent?: (request: FastifyRequest) => Promise<void>,
): void {
  app.boundRoutes.push({ method: contract.method, path: contract.path, access: contract.access })
  app.route({
    method: contract.method,
    url: contract.path,
    ...(contract.bodyLimit === undefined ? {} : { bodyLimit: contract.bodyLimit }),
    schema: {
      summary: contract.summary,
      tags: [...contract.tags],
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: contract.response ? { [contract.status ?? 200]: contract.response } : {},
      ...(contract.access.kind === 'public' ? {} : { security: [{ bearer: [] }] }),
    },
    // onRequest, before body parsing and validation: a caller without access learns
    // nothing about the route's input rules.
    onRequest: async (request) => {
      const principal = await authenticate(request, tokens)
      request.principal = principal
      refuseGuestOutside(contract, principal, request)
      const rule = contract.access
      if (rule.kind === 'public') return
      if (rule.kind === 'agent') {
        // Agent routes take an agent token, never a user session: a signed-in user is refused.
        if (principal !== undefined) throw new Forbidden(`only GPU agents may ${contract.method} ${contract.path}`)
        if (authenticateAgent === undefined) throw new Unauthenticated('agent token required')
        return authenticateAgent(request)
      }
      if (principal === undefined) throw new Unauthenticated('sign in required')
      if (!roleSatisfies(rule, principal.role)) {
        throw new Forbidden(`role ${principal.role} may not ${contract.method} ${contract.path}`)
      }
    },
    handler: async (request, reply) => {
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        principal: request.principal,
        request,
      } as RouteInput<C> // Fastify already parsed each part with the contract's schemas.
      const result = await handler(input)
      reply.status(contract.status ?? 200)
      return contract.response === null ? reply.send() : result
    },
  })
}
