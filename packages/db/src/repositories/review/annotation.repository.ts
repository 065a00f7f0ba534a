// Drawings on versions: the live ones, their tombstones and each version's revision. A batch
// of ops applies in one transaction that first locks the version's revision row, so two
// batches on one version never interleave and the revision only grows.
import {
  applyDrawingOps,
  type DrawingActor,
  type DrawingOp,
  type DrawingOpOutcome,
  type LiveDrawing,
} from '@aipipeline/domain'
import type { Transaction } from 'kysely'
import type { DatabaseHandle } from '../../dialect/dialect-factory'
import { rowWriteLock } from '../../dialect/lease-sql'
import { isoNow } from '../../ids'
import type { DatabaseSchema } from '../../tables/database.schema'
import type { AnnotationsTable } from '../../tables/review.tables'

/** A stored drawing; `shape` is the parsed JSON the caller validates (contracts' AnnotationShape). */
export interface AnnotationRecord extends LiveDrawing<unknown> {
  versionId: string
  createdAt: string
  updatedAt: string
}

export interface AnnotationBatchRecord {
  revision: number
  outcomes: (Omit<DrawingOpOutcome<unknown>, 'drawing'> & { drawing: AnnotationRecord | null })[]
}

type Trx = Transaction<DatabaseSchema>

function toRecord(row: AnnotationsTable): AnnotationRecord | null {
  if (row.removedAt !== null || row.frame === null || row.shape === null) return null
  return {
    id: row.id,
    versionId: row.versionId,
    frame: row.frame,
    shape: parseShapeJson(row.shape),
    authorId: row.authorId ?? '',
    authorName: row.authorName ?? '',
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

export function createAnnotationRepository({ db, engine }: Pick<DatabaseHandle, 'db' | 'engine'>) {
  return {
    /** A version's live drawings on every frame, by frame then creation, and its revision. */
    async list(versionId: string): Promise<{ revision: number; items: AnnotationRecord[] }> {
      const [rows, rev] = await Promise.all([
        db
          .selectFrom('annotations')
          .selectAll()
          .where('versionId', '=', versionId)
          .where('removedAt', 'is', null)
          .orderBy('frame')
          .orderBy('createdAt')
          .orderBy('id')
          .execute(),
        db.selectFrom('annotationRevisions').select('revision').where('versionId', '=', versionId).executeTakeFirst(),
      ])
      return { revision: rev?.revision ?? 0, items: rows.flatMap((r) => toRecord(r) ?? []) }
    },

    /** Applies ops in order by one actor in one transaction, serialised per version. */
    async apply(
      versionId: string,
      ops: readonly DrawingOp<unknown>[],
      actor: DrawingActor<unknown>,
    ): Promise<AnnotationBatchRecord> {
      return db.transaction().execute(async (trx) => {
        // A write first: SQLite takes its write lock here, Postgres creates the row to lock.
        await trx
          .insertInto('annotationRevisions')
          .values({ versionId, revision: 0 })
          .onConflict((oc) => oc.column('versionId').doNothing())
          .execute()
        const locked = await trx
          .selectFrom('annotationRevisions')
          .select('revision')
          .where('versionId', '=', versionId)
          .modifyEnd(rowWriteLock(engine))
          .executeTakeFirstOrThrow()
        const before = await loadSet(trx, versionId, [...new Set(ops.map((o) => o.id))])
        const result = applyDrawingOps({ live: before.live, removed: before.removed }, ops, actor, locked.revision)
        if (result.revision === locked.revision) {
          return { revision: locked.revision, outcomes: result.outcomes.map((o) => ({ ...o, drawing: null })) }
        }
        const now = isoNow()
        const written = new Map<string, AnnotationRecord>()
        for (const id of changedIds(result.outcomes)) {
          const drawing = result.set.live.get(id)
          if (!drawing) continue
          const row = before.rows.get(id)
          const createdAt = row?.createdAt ?? now
          const values = {
            frame: drawing.frame,
            shape: JSON.stringify(drawing.shape),
            revision: drawing.revision,
            updatedAt: now,
          }
          if (row) {
            await trx
              .updateTable('annotations')
              .set(values)
              .where('versionId', '=', versionId)
              .where('id', '=', id)
              .execute()
          } else {
            await trx
              .insertInto('annotations')
              .values({
                ...values,
                versionId,
                id,
                authorId: drawing.authorId,
                authorName: drawing.authorName,
                createdAt,
                removedAt: null,
              })
              .execute()
          }
          written.set(id, { ...drawing, versionId, createdAt, updatedAt: now })
        }
        for (const id of result.newlyRemoved) {
          await trx
            .insertInto('annotations')
            .values({
              versionId,
              id,
              frame: null,
              shape: null,
              authorId: null,
              authorName: null,
              revision: result.revision,
              createdAt: now,
              updatedAt: now,
              removedAt: now,
            })
            .onConflict((oc) =>
              oc
                .columns(['versionId', 'id'])
                .doUpdateSet({ removedAt: now, updatedAt: now, revision: result.revision }),
            )
            .execute()
        }
        await trx
          .updateTable('annotationRevisions')
          .set({ revision: result.revision })
          .where('versionId', '=', versionId)
          .execute()
        return {
          revision: result.revision,
          outcomes: result.outcomes.map((o) => ({ ...o, drawing: o.drawing ? (written.get(o.id) ?? null) : null })),
        }
      })
    },
  }
}

export type AnnotationRepository = ReturnType<typeof createAnnotationRepository>

/** Ids an applied add or update left live (the last write of each wins; all carry the new revision). */
function changedIds(outcomes: readonly DrawingOpOutcome<unknown>[]): Set<string> {
  return new Set(outcomes.flatMap((o) => (o.outcome === 'applied' && o.drawing ? [o.id] : [])))
}

async function loadSet(trx: Trx, versionId: string, ids: string[]) {
  const rows =
    ids.length === 0
      ? []
      : await trx
          .selectFrom('annotations')
          .selectAll()
          .where('versionId', '=', versionId)
          .where('id', 'in', ids)
          .execute()
  const live = new Map<string, LiveDrawing<unknown>>()
  const removed = new Set<string>()
  for (const row of rows) {
    const record = toRecord(row)
    if (record) live.set(row.id, record)
    else removed.add(row.id)
  }
  return { live, removed, rows: new Map(rows.map((r) => [r.id, r])) }
}

/** The stored JSON; the service parses it with the contract's shape schema. */
function parseShapeJson(text: string): unknown {
  return JSON.parse(text)
}
