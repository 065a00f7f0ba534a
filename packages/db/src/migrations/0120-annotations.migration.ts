import type { Kysely } from 'kysely'

// Frame-keyed drawings on versions, stored as the result of ordered add/update/remove deltas.
// A removed drawing keeps its row (removed_at set) forever so a late update or add of its id is
// ignored; a remove of an id never seen leaves a tombstone row with no frame or shape. Ids are
// made by the drawing browser, so the key is (version, id). Each version has a revision row:
// a batch of changes locks it, so batches on one version never interleave and revisions grow.
// No foreign key to versions: a version's drawings are reached only through a version the
// playlist gate found, and tombstones must outlive any re-ingest of the same version id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('annotations')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('frame', 'integer')
    .addColumn('shape', 'text')
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('annotations_pk', ['version_id', 'id'])
    .execute()
  await db.schema
    .createTable('annotation_revisions')
    .addColumn('version_id', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('annotation_revisions').execute()
  await db.schema.dropTable('annotations').execute()
}
