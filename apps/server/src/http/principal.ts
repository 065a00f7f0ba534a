// Who is calling, and the one thing the route binder needs from sign-in: turning a bearer token
// into that caller. Both live here, below modules/auth, because the auth module registers its own
// routes through the binder; the binder depends on no module (modules/auth's TokenService fits).
import type { Role } from '@aipipeline/domain'

/** The signed-in user a request or socket acts for. */
export interface Principal {
  userId: string
  role: Role
}

/** Verifies an access token; throws Unauthenticated with the reason. */
export interface AccessTokenVerifier {
  verifyAccess(token: string): Promise<Principal>
}
