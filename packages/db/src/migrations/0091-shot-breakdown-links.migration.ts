import type { Kysely } from 'kysely'

// Which characters and assets appear on which shots. One table per kind so that deleting a
// character, an asset or a shot drops its links through the foreign keys.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shot_characters')
    .addColumn('shot_id', 'text', (c) => c.notNull().references('shots.id').onDelete('cascade'))
    .addColumn('character_id', 'text', (c) => c.notNull().references('characters.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shot_characters_pk', ['shot_id', 'character_id'])
    .execute()
  await db.schema.createIndex('shot_characters_character').on('shot_characters').column('character_id').execute()
  await db.schema
    .createTable('shot_assets')
    .addColumn('shot_id', 'text', (c) => c.notNull().references('shots.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shot_assets_pk', ['shot_id', 'asset_id'])
    .execute()
  await db.schema.createIndex('shot_assets_asset').on('shot_assets').column('asset_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shot_assets').execute()
  await db.schema.dropTable('shot_characters').execute()
}
