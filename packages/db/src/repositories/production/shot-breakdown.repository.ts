// Links between shots and the characters and assets that appear on them.
import type { Db } from '../../dialect/dialect-factory'
import { isoNow } from '../../ids'

/** A shot as a character or asset page lists it. */
export interface LinkedShotRecord {
  id: string
  code: string
  description: string
  sequenceId: string
  sequenceCode: string
  orderKey: string
}

export function createShotBreakdownRepository(db: Db) {
  function shotsQuery() {
    return db
      .selectFrom('shots')
      .innerJoin('sequences', 'sequences.id', 'shots.sequenceId')
      .select([
        'shots.id as id',
        'shots.code as code',
        'shots.description as description',
        'shots.sequenceId as sequenceId',
        'sequences.code as sequenceCode',
        'shots.orderKey as orderKey',
      ])
  }
  return {
    /** Ids of the characters and assets on a shot. */
    async ofShot(shotId: string): Promise<{ characterIds: string[]; assetIds: string[] }> {
      const [characters, assets] = await Promise.all([
        db.selectFrom('shotCharacters').select('characterId').where('shotId', '=', shotId).execute(),
        db.selectFrom('shotAssets').select('assetId').where('shotId', '=', shotId).execute(),
      ])
      return { characterIds: characters.map((c) => c.characterId), assetIds: assets.map((a) => a.assetId) }
    },

    /** Replaces the characters and assets of a shot (run it inside a transaction). */
    async setForShot(shotId: string, characterIds: readonly string[], assetIds: readonly string[]): Promise<void> {
      const now = isoNow()
      await db.deleteFrom('shotCharacters').where('shotId', '=', shotId).execute()
      await db.deleteFrom('shotAssets').where('shotId', '=', shotId).execute()
      const chars = [...new Set(characterIds)]
      const assets = [...new Set(assetIds)]
      if (chars.length > 0)
        await db
          .insertInto('shotCharacters')
          .values(chars.map((characterId) => ({ shotId, characterId, createdAt: now })))
          .execute()
      if (assets.length > 0)
        await db
          .insertInto('shotAssets')
          .values(assets.map((assetId) => ({ shotId, assetId, createdAt: now })))
          .execute()
    },

    /** Adds links that are not there yet (script analysis: re-applying adds nothing twice). */
    async link(shotId: string, characterIds: readonly string[], assetIds: readonly string[]): Promise<void> {
      const have = await this.ofShot(shotId)
      const now = isoNow()
      const chars = [...new Set(characterIds)].filter((id) => !have.characterIds.includes(id))
      const assets = [...new Set(assetIds)].filter((id) => !have.assetIds.includes(id))
      if (chars.length > 0)
        await db
          .insertInto('shotCharacters')
          .values(chars.map((characterId) => ({ shotId, characterId, createdAt: now })))
          .execute()
      if (assets.length > 0)
        await db
          .insertInto('shotAssets')
          .values(assets.map((assetId) => ({ shotId, assetId, createdAt: now })))
          .execute()
    },

    /** Shots a character appears on, in editorial order. */
    async shotsOfCharacter(characterId: string): Promise<LinkedShotRecord[]> {
      return shotsQuery()
        .innerJoin('shotCharacters', 'shotCharacters.shotId', 'shots.id')
        .where('shotCharacters.characterId', '=', characterId)
        .orderBy('shots.orderKey')
        .orderBy('shots.id')
        .execute()
    },

    /** Shots an asset appears on, in editorial order. */
    async shotsOfAsset(assetId: string): Promise<LinkedShotRecord[]> {
      return shotsQuery()
        .innerJoin('shotAssets', 'shotAssets.shotId', 'shots.id')
        .where('shotAssets.assetId', '=', assetId)
        .orderBy('shots.orderKey')
        .orderBy('shots.id')
        .execute()
    },
  }
}
export type ShotBreakdownRepository = ReturnType<typeof createShotBreakdownRepository>
