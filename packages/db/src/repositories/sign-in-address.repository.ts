// Addresses each user has signed in from successfully, for the sign-in limits.
import type { Db } from '../dialect/dialect-factory'
import { isoNow } from '../ids'
import { normaliseEmail } from './user.repository'

export function createSignInAddressRepository(db: Db) {
  return {
    /** Records a successful sign-in from `address` (idempotent; keeps the latest time). */
    async remember(userId: string, address: string, at: string = isoNow()): Promise<void> {
      await db
        .insertInto('signInAddresses')
        .values({ userId, address, lastSignedInAt: at })
        .onConflict((oc) => oc.columns(['userId', 'address']).doUpdateSet({ lastSignedInAt: at }))
        .execute()
    },

    /** Each user's latest successful sign-in, by user id. */
    async lastSignIns(): Promise<Map<string, string>> {
      const rows = await db
        .selectFrom('signInAddresses')
        .select((eb) => ['userId', eb.fn.max('lastSignedInAt').as('at')])
        .groupBy('userId')
        .execute()
      return new Map(rows.map((r) => [r.userId, String(r.at)]))
    },

    /** Whether the account with this email has signed in from `address` before. */
    async isKnown(email: string, address: string): Promise<boolean> {
      const row = await db
        .selectFrom('signInAddresses')
        .innerJoin('users', 'users.id', 'signInAddresses.userId')
        .select('signInAddresses.address')
        .where('users.email', '=', normaliseEmail(email))
        .where('signInAddresses.address', '=', address)
        .executeTakeFirst()
      return row !== undefined
    },
  }
}
export type SignInAddressRepository = ReturnType<typeof createSignInAddressRepository>
