// Vault metadata: the sealed canary that proves, at start, that the master key is the one
// the stored API keys were sealed with.
import type { Db } from '../../dialect/dialect-factory'
import { isoNow } from '../../ids'

/** Repository for `llm_vault`. */
export function createLlmVaultRepository(db: Db) {
  return {
    async canary(): Promise<{ sealed: string; keyId: string } | undefined> {
      const row = await db
        .selectFrom('llmVault')
        .select(['sealed', 'keyId'])
        .where('name', '=', 'canary')
        .executeTakeFirst()
      return row ?? undefined
    },

    /** Stores the canary unless one exists; returns the one that is stored. */
    async ensureCanary(sealed: string, keyId: string): Promise<{ sealed: string; keyId: string }> {
      await db
        .insertInto('llmVault')
        .values({ name: 'canary', sealed, keyId, createdAt: isoNow() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute()
      const stored = await this.canary()
      if (!stored) throw new Error('vault canary vanished right after insert')
      return stored
    },

    /** Replaces the canary (after a key rotation). */
    async replaceCanary(sealed: string, keyId: string): Promise<void> {
      await db.updateTable('llmVault').set({ sealed, keyId }).where('name', '=', 'canary').execute()
    },
  }
}
export type LlmVaultRepository = ReturnType<typeof createLlmVaultRepository>
