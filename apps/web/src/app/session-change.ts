// What the app does when the session changes under it. The server ends a user's access
// tokens when an admin changes their role or deactivates them; the API client then refreshes
// (new role) or signs out (deactivated). Either way nothing fetched under the old role may
// stay on screen.
import type { SignedIn } from '../api/api-client'

export type SessionChange = 'signed-out' | 'role-changed' | 'unchanged'

/** Classifies a session update against the one before it. */
export function sessionChange(before: SignedIn | null, after: SignedIn | null): SessionChange {
  if (after === null) return 'signed-out'
  if (before !== null && before.user.id === after.user.id && before.user.role !== after.user.role) {
    return 'role-changed'
  }
  return 'unchanged'
}
