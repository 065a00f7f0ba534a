// Review proxies: one row per video version. Every write after the row exists names the
// revision it is for, so a job of an older revision (made again meanwhile) changes nothing.
import type { Db } from '../../dialect/dialect-factory'
import { isoNow } from '../../ids'
import type { ReviewProxiesTable } from '../../tables/review-proxies.tables'

export type ReviewProxyStatus = 'queued' | 'running' | 'ready' | 'failed'

export interface ReviewProxyRecord extends Omit<ReviewProxiesTable, 'status'> {
  status: ReviewProxyStatus
}

/** What the finished encode measured of its file. */
export interface ReviewProxyOutput {
  width: number
  height: number
  frameCount: number
  rateNum: number
  rateDen: number
  path: string
  sizeBytes: number
  sha256: string
}

const STATUSES: readonly ReviewProxyStatus[] = ['queued', 'running', 'ready', 'failed']

function toRecord(row: ReviewProxiesTable): ReviewProxyRecord {
  return { ...row, status: STATUSES.find((s) => s === row.status) ?? 'failed' }
}

/** A fresh revision: queued, nothing measured yet. */
function queuedRevision(revision: number, at: string) {
  return {
    status: 'queued',
    progress: 0,
    attempts: 0,
    error: null,
    width: null,
    height: null,
    frameCount: null,
    rateNum: null,
    rateDen: null,
    revision,
    path: null,
    sizeBytes: null,
    sha256: null,
    updatedAt: at,
    finishedAt: null,
  }
}

export function createReviewProxyRepository(db: Db) {
  /** Updates the row of `revision`; false when the row has moved on to another revision. */
  async function updateRevision(
    versionId: string,
    revision: number,
    set: Partial<Omit<ReviewProxiesTable, 'versionId' | 'projectId' | 'revision'>>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('reviewProxies')
      .set({ ...set, updatedAt: isoNow() })
      .where('versionId', '=', versionId)
      .where('revision', '=', revision)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  return {
    async get(versionId: string): Promise<ReviewProxyRecord | undefined> {
      const row = await db.selectFrom('reviewProxies').selectAll().where('versionId', '=', versionId).executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    /** Video versions with no proxy row, or a queued one (whose job a crash may have lost). */
    async videoVersionsToQueue(limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('versions')
        .leftJoin('reviewProxies', 'reviewProxies.versionId', 'versions.id')
        .select('versions.id')
        .where('versions.kind', '=', 'video')
        .where((eb) => eb.or([eb('reviewProxies.versionId', 'is', null), eb('reviewProxies.status', '=', 'queued')]))
        .orderBy('versions.id')
        .limit(limit)
        .execute()
      return rows.map((r) => r.id)
    },

    /** Creates revision 1 unless the version has a proxy row already; returns the row either way. */
    async ensure(versionId: string, projectId: string): Promise<{ proxy: ReviewProxyRecord; created: boolean }> {
      const at = isoNow()
      const result = await db
        .insertInto('reviewProxies')
        .values({ versionId, projectId, createdAt: at, ...queuedRevision(1, at) })
        .onConflict((oc) => oc.column('versionId').doNothing())
        .executeTakeFirst()
      const proxy = await this.get(versionId)
      if (!proxy) throw new Error(`review proxy of version ${versionId} vanished`)
      return { proxy, created: Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 }
    },

    /**
     * Starts the next revision when the row is still at `revision` (compare-and-set: of two
     * concurrent requests one wins). Undefined when another writer moved it first.
     */
    async renew(versionId: string, revision: number): Promise<ReviewProxyRecord | undefined> {
      const moved = await updateRevision(versionId, revision, queuedRevision(revision + 1, isoNow()))
      return moved ? this.get(versionId) : undefined
    },

    /** Marks attempt `attempt` of the revision running; false when the revision is obsolete. */
    start(versionId: string, revision: number, attempt: number): Promise<boolean> {
      return updateRevision(versionId, revision, { status: 'running', progress: 0, attempts: attempt })
    },

    progress(versionId: string, revision: number, progress: number): Promise<boolean> {
      return updateRevision(versionId, revision, { progress })
    },

    finish(versionId: string, revision: number, out: ReviewProxyOutput): Promise<boolean> {
      return updateRevision(versionId, revision, {
        ...out,
        status: 'ready',
        progress: 100,
        error: null,
        finishedAt: isoNow(),
      })
    },

    /** An attempt failed and another is queued: the error shows until it runs. */
    retrying(versionId: string, revision: number, error: string): Promise<boolean> {
      return updateRevision(versionId, revision, { status: 'queued', progress: 0, error })
    },

    /** The last attempt failed. */
    fail(versionId: string, revision: number, error: string): Promise<boolean> {
      return updateRevision(versionId, revision, { status: 'failed', error, finishedAt: isoNow() })
    },
  }
}
export type ReviewProxyRepository = ReturnType<typeof createReviewProxyRepository>
