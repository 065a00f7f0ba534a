// Sign-in limits, on @fastify/rate-limit (its Redis store in scale-out, so every studio
// instance spends from one budget). Each attempt is counted twice:
// - per client address, whatever the account: one address cannot spray many accounts;
// - per account: all addresses that never signed in to it share one budget, while each
//   address that has signed in to it successfully before has a budget of its own. An attacker
//   guessing from elsewhere exhausts the shared budget; the rightful user at home does not
//   notice.
// The client address is the TCP peer unless the peer is a configured proxy (TRUSTED_PROXIES),
// so a forged X-Forwarded-For does not buy a fresh budget.
import { accountRoutes, authRoutes, guestLinkRoutes, LoginRequest } from '@aipipeline/contracts'
import { normaliseEmail } from '@aipipeline/db'
import { RateLimited } from '@aipipeline/domain'
import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'

const WINDOW_MS = 60_000

export interface SignInLimitOptions {
  /** Attempts a minute on one account from unknown addresses together, and from each known one. */
  perAccountPerMinute: number
  /** Attempts a minute from one client address. */
  perAddressPerMinute: number
  /** Whether the account with this email has signed in from this address before. */
  isKnownAddress: (email: string, address: string) => Promise<boolean>
  /** Shared store for scale-out; without it the counts live in this process. */
  redis?: Redis
  /** Redis key prefix, so studios sharing one Redis keep their own counts. */
  redisPrefix?: string
}

function emailOf(request: FastifyRequest): string {
  // Runs after validation, so the body is a LoginRequest; the fallback only guards the type.
  const body = LoginRequest.safeParse(request.body)
  return body.success ? normaliseEmail(body.data.email) : ''
}

/** Installs the sign-in limits; call before the login route is registered. */
export async function registerSignInLimits(app: FastifyInstance, opts: SignInLimitOptions): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    ...(opts.redis ? { redis: opts.redis, nameSpace: `${opts.redisPrefix ?? 'aipipeline'}:sign-in:` } : {}),
  })
  const byAddress = app.createRateLimit({
    max: opts.perAddressPerMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `address|${request.ip}`,
  })
  const byAccount = app.createRateLimit({
    max: opts.perAccountPerMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: async (request) => {
      const email = emailOf(request)
      return (await opts.isKnownAddress(email, request.ip)) ? `known|${email}|${request.ip}` : `account|${email}`
    },
  })

  // One-time links, review guest links and the own-password change guess secrets too: they spend from the same
  // per-address budget as sign-in, under their own key so a link page never locks sign-in.
  const byAddressForSecrets = app.createRateLimit({
    max: opts.perAddressPerMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `secret|${request.ip}`,
  })
  const secretRoutes = [
    accountRoutes.inspectAccountLink,
    accountRoutes.redeemAccountLink,
    accountRoutes.changeMyPassword,
    guestLinkRoutes.startGuestSession,
  ]
  app.addHook('preHandler', async (request) => {
    if (!secretRoutes.some((r) => r.method === request.method && r.path === request.routeOptions.url)) return
    const r = await byAddressForSecrets(request)
    if (!r.isAllowed && r.isExceeded) {
      const retryAfter = Math.max(r.ttlInSeconds, 1)
      throw new RateLimited(`too many attempts; try again in ${retryAfter} s`, retryAfter)
    }
  })

  // A hook rather than route options: the login route is bound from its contract like every
  // other route, and the limits need the parsed body (the email).
  app.addHook('preHandler', async (request) => {
    if (request.method !== authRoutes.login.method || request.routeOptions.url !== authRoutes.login.path) return
    const results = await Promise.all([byAddress(request), byAccount(request)])
    let retryAfter = 0
    for (const r of results) if (!r.isAllowed && r.isExceeded) retryAfter = Math.max(retryAfter, r.ttlInSeconds, 1)
    if (retryAfter > 0) throw new RateLimited(`too many sign-in attempts; try again in ${retryAfter} s`, retryAfter)
  })
}
