// The demo studio: one user per role, all with the password "demo", so a newcomer can
// see every screen from every seat. Seeding is idempotent.
import { ROLES, type Role } from '@aipipeline/domain'
import type { AuthService } from '../modules/auth'

export const DEMO_PASSWORD = 'demo'

const NAMES: Record<Role, string> = {
  admin: 'Demo Admin',
  manager: 'Demo Manager',
  supervisor: 'Demo Supervisor',
  artist: 'Demo Artist',
  client: 'Demo Client',
  vendor: 'Demo Vendor',
}

export function demoEmail(role: Role): string {
  return `${role}@demo.local`
}

/** Creates the demo users that do not exist yet; returns the emails created. */
export async function seedDemoUsers(auth: AuthService): Promise<string[]> {
  const existing = new Set((await auth.listUsers()).map((u) => u.email))
  const created: string[] = []
  for (const role of ROLES) {
    const email = demoEmail(role)
    if (existing.has(email)) continue
    // The API asks for 8+ characters; the demo's well-known password is seeded directly.
    await auth.createUser({ email, displayName: NAMES[role], role, locale: 'en', password: DEMO_PASSWORD })
    created.push(email)
  }
  return created
}
