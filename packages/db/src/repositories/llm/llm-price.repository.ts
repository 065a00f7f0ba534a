// The price table: list prices per model, seeded once and edited by admins.
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import { isoNow } from '../../ids'

const Micros = z.coerce.number().int().nonnegative()

export interface LlmPriceRecord {
  provider: string
  modelId: string
  inputMicrosPerMillion: number
  outputMicrosPerMillion: number
  contextWindow: number | null
  source: 'seed' | 'edited'
  asOf: string
  updatedAt: string
}

export type LlmPriceInput = Omit<LlmPriceRecord, 'updatedAt'>

const priceId = (provider: string, modelId: string) => `${provider}:${modelId}`

/** Repository for `llm_prices`. */
export function createLlmPriceRepository(db: Db) {
  const select = () =>
    db
      .selectFrom('llmPrices')
      .select([
        'provider',
        'modelId',
        'inputMicrosPerMillion',
        'outputMicrosPerMillion',
        'contextWindow',
        'source',
        'asOf',
        'updatedAt',
      ])
  const toRecord = (
    row: Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>,
  ): LlmPriceRecord => ({
    ...row,
    inputMicrosPerMillion: Micros.parse(row.inputMicrosPerMillion),
    outputMicrosPerMillion: Micros.parse(row.outputMicrosPerMillion),
    contextWindow: row.contextWindow === null ? null : Number(row.contextWindow),
    source: z.enum(['seed', 'edited']).parse(row.source),
  })
  return {
    async list(): Promise<LlmPriceRecord[]> {
      return (await select().orderBy('provider').orderBy('modelId').execute()).map(toRecord)
    },

    async find(provider: string, modelId: string): Promise<LlmPriceRecord | undefined> {
      const row = await select().where('id', '=', priceId(provider, modelId)).executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    /** Inserts or replaces one model's price. */
    async upsert(input: LlmPriceInput): Promise<LlmPriceRecord> {
      const row = { ...input, id: priceId(input.provider, input.modelId), updatedAt: isoNow() }
      await db
        .insertInto('llmPrices')
        .values(row)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            inputMicrosPerMillion: row.inputMicrosPerMillion,
            outputMicrosPerMillion: row.outputMicrosPerMillion,
            contextWindow: row.contextWindow,
            source: row.source,
            asOf: row.asOf,
            updatedAt: row.updatedAt,
          }),
        )
        .execute()
      const { id: _id, ...record } = row
      return record
    },

    /** Adds seed rows for models not in the table yet; never overwrites an edited price. */
    async seedMissing(seeds: LlmPriceInput[]): Promise<number> {
      let added = 0
      for (const seed of seeds) {
        const result = await db
          .insertInto('llmPrices')
          .values({ ...seed, id: priceId(seed.provider, seed.modelId), updatedAt: isoNow() })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst()
        added += Number(result.numInsertedOrUpdatedRows ?? 0)
      }
      return added
    },
  }
}
export type LlmPriceRepository = ReturnType<typeof createLlmPriceRepository>
