// Who is calling, and the one thing the route binder needs from sign-in: turning a bearer token
// into that caller. Both live here, below modules/auth, because the auth module registers its own
// routes through the binder; the binder depends on no module (modules/auth's TokenService fits).
import type { Role } from '@aipipeline/domain'

/** The signed-in user a request or socket acts for. */
export interface Principal {
  userId: string
  role: Role
  /**
   * Set for a guest let in by a review guest link: `userId` is the guest's own hidden account
   * (so notes and drawings are attributed), `role` is client, and the guest may reach only
   * routes that admit guests, and in them only this playlist.
   */
  guest?: GuestIdentity
}

/** Who a guest is and the one playlist their link opens. */
export interface GuestIdentity {
  linkId: string
  playlistId: string
  projectId: string
  /** The name the guest gave when opening the link. */
  name: string
}

/** Verifies an access token; throws Unauthenticated with the reason. */
export interface AccessTokenVerifier {
  verifyAccess(token: string): Promise<Principal>
}
