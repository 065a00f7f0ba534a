// Review playlists and their ordered items.
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type { PlaylistItemsTable, PlaylistsTable } from '../../tables/review.tables'

export type PlaylistAudienceValue = 'team' | 'client'
export type VersionChoiceValue = 'latest' | 'approved' | 'pinned'

export interface PlaylistRecord extends Omit<PlaylistsTable, 'audience'> {
  audience: PlaylistAudienceValue
}

export interface PlaylistItemRecord extends Omit<PlaylistItemsTable, 'versionChoice'> {
  versionChoice: VersionChoiceValue
}

export type NewPlaylistItem = Omit<PlaylistItemRecord, 'id' | 'createdAt'>

const toPlaylist = (r: PlaylistsTable): PlaylistRecord => ({
  ...r,
  audience: r.audience === 'client' ? 'client' : 'team',
})

const toItem = (r: PlaylistItemsTable): PlaylistItemRecord => ({
  ...r,
  versionChoice: r.versionChoice === 'approved' ? 'approved' : r.versionChoice === 'pinned' ? 'pinned' : 'latest',
})

export function createPlaylistRepository(db: Db) {
  return {
    async insert(
      input: Omit<PlaylistRecord, 'id' | 'createdAt' | 'updatedAt'>,
      items: readonly Omit<NewPlaylistItem, 'playlistId'>[],
    ): Promise<PlaylistRecord> {
      const now = isoNow()
      const record: PlaylistRecord = { ...input, id: newId(), createdAt: now, updatedAt: now }
      await db.insertInto('playlists').values(record).execute()
      await insertItems(
        db,
        items.map((i) => ({ ...i, playlistId: record.id })),
      )
      return record
    },

    async find(id: string): Promise<PlaylistRecord | undefined> {
      const row = await db.selectFrom('playlists').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toPlaylist(row) : undefined
    },

    /** A project's playlists, newest first; `audience` narrows to one audience. */
    async list(projectId: string, audience?: PlaylistAudienceValue): Promise<PlaylistRecord[]> {
      let q = db.selectFrom('playlists').selectAll().where('projectId', '=', projectId)
      if (audience !== undefined) q = q.where('audience', '=', audience)
      const rows = await q.orderBy('createdAt', 'desc').orderBy('id', 'desc').execute()
      return rows.map(toPlaylist)
    },

    async update(id: string, patch: Partial<Pick<PlaylistRecord, 'name' | 'audience'>>): Promise<void> {
      await db
        .updateTable('playlists')
        .set({ ...patch, updatedAt: isoNow() })
        .where('id', '=', id)
        .execute()
    },

    /** Marks the playlist changed (items added, moved or removed). */
    async touch(id: string): Promise<void> {
      await db.updateTable('playlists').set({ updatedAt: isoNow() }).where('id', '=', id).execute()
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('playlistItems').where('playlistId', '=', id).execute()
      await db.deleteFrom('playlists').where('id', '=', id).execute()
    },

    /** A playlist's items in order. */
    async items(playlistId: string): Promise<PlaylistItemRecord[]> {
      const rows = await db
        .selectFrom('playlistItems')
        .selectAll()
        .where('playlistId', '=', playlistId)
        .orderBy('position')
        .orderBy('id')
        .execute()
      return rows.map(toItem)
    },

    /** Item counts by playlist. */
    async itemCounts(playlistIds: readonly string[]): Promise<Map<string, number>> {
      const counts = new Map<string, number>()
      if (playlistIds.length === 0) return counts
      const rows = await db
        .selectFrom('playlistItems')
        .select((eb) => ['playlistId', eb.fn.countAll().as('n')])
        .where('playlistId', 'in', playlistIds)
        .groupBy('playlistId')
        .execute()
      for (const r of rows) counts.set(r.playlistId, Number(r.n))
      return counts
    },

    async insertItems(items: readonly NewPlaylistItem[]): Promise<void> {
      await insertItems(db, items)
    },

    async updateItem(id: string, patch: Pick<PlaylistItemRecord, 'versionChoice' | 'pinnedVersionId'>): Promise<void> {
      await db.updateTable('playlistItems').set(patch).where('id', '=', id).execute()
    },

    async setPositions(positions: readonly { id: string; position: string }[]): Promise<void> {
      for (const p of positions) {
        await db.updateTable('playlistItems').set({ position: p.position }).where('id', '=', p.id).execute()
      }
    },

    async removeItem(id: string): Promise<void> {
      await db.deleteFrom('playlistItems').where('id', '=', id).execute()
    },
  }
}
export type PlaylistRepository = ReturnType<typeof createPlaylistRepository>

async function insertItems(db: Db, items: readonly NewPlaylistItem[]): Promise<void> {
  const now = isoNow()
  for (let i = 0; i < items.length; i += 200) {
    const rows = items.slice(i, i + 200).map((item) => ({ ...item, id: newId(), createdAt: now }))
    await db.insertInto('playlistItems').values(rows).execute()
  }
}

/** Runs `work` with a playlist repository bound to one transaction. */
export function inPlaylistTransaction<T>(db: Db, work: (playlists: PlaylistRepository) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(createPlaylistRepository(trx)))
}
