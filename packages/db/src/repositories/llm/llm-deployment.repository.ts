// LLM deployments. The sealed API key is only read through `sealedKey`/`sealedKeys`, so a
// plain read of a deployment can never carry it towards a response.
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type { LlmDeploymentsTable } from '../../tables/llm.tables'

const Capabilities = z.object({ structuredOutput: z.boolean(), vision: z.boolean(), embeddings: z.boolean() })
const StringList = z.array(z.string())
const Micros = z.coerce.number().int().nonnegative()

export interface LlmDeploymentRecord {
  id: string
  name: string
  provider: string
  modelId: string
  baseUrl: string | null
  hasKey: boolean
  keyHint: string | null
  contextWindow: number
  maxOutputTokens: number
  inputMicrosPerMillion: number | null
  outputMicrosPerMillion: number | null
  capabilities: z.infer<typeof Capabilities>
  locality: string
  latencyClass: string
  taskClasses: string[]
  priority: number
  fallbackIds: string[]
  enabled: boolean
  createdAt: string
  updatedAt: string
}

export type LlmDeploymentInput = Omit<LlmDeploymentRecord, 'id' | 'hasKey' | 'keyHint' | 'createdAt' | 'updatedAt'>

function toRecord(row: Omit<LlmDeploymentsTable, 'apiKeySealed'>): LlmDeploymentRecord {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    modelId: row.modelId,
    baseUrl: row.baseUrl,
    hasKey: row.apiKeyHint !== null,
    keyHint: row.apiKeyHint,
    contextWindow: Number(row.contextWindow),
    maxOutputTokens: Number(row.maxOutputTokens),
    inputMicrosPerMillion: row.inputMicrosPerMillion === null ? null : Micros.parse(row.inputMicrosPerMillion),
    outputMicrosPerMillion: row.outputMicrosPerMillion === null ? null : Micros.parse(row.outputMicrosPerMillion),
    capabilities: Capabilities.parse(JSON.parse(row.capabilities)),
    locality: row.locality,
    latencyClass: row.latencyClass,
    taskClasses: StringList.parse(JSON.parse(row.taskClasses)),
    priority: Number(row.priority),
    fallbackIds: StringList.parse(JSON.parse(row.fallbackIds)),
    enabled: row.enabled === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

function toColumns(input: Partial<LlmDeploymentInput>): Partial<LlmDeploymentsTable> {
  const { capabilities, taskClasses, fallbackIds, enabled, ...plain } = input
  return {
    ...plain,
    ...(capabilities ? { capabilities: JSON.stringify(capabilities) } : {}),
    ...(taskClasses ? { taskClasses: JSON.stringify(taskClasses) } : {}),
    ...(fallbackIds ? { fallbackIds: JSON.stringify(fallbackIds) } : {}),
    ...(enabled !== undefined ? { enabled: enabled ? 1 : 0 } : {}),
  }
}

const PUBLIC_COLUMNS = [
  'id',
  'name',
  'provider',
  'modelId',
  'baseUrl',
  'apiKeyHint',
  'contextWindow',
  'maxOutputTokens',
  'inputMicrosPerMillion',
  'outputMicrosPerMillion',
  'capabilities',
  'locality',
  'latencyClass',
  'taskClasses',
  'priority',
  'fallbackIds',
  'enabled',
  'createdAt',
  'updatedAt',
] as const

/** Repository for `llm_deployments`. */
export function createLlmDeploymentRepository(db: Db) {
  return {
    async list(): Promise<LlmDeploymentRecord[]> {
      const rows = await db
        .selectFrom('llmDeployments')
        .select(PUBLIC_COLUMNS)
        .orderBy('priority')
        .orderBy('name')
        .execute()
      return rows.map(toRecord)
    },

    async findById(id: string): Promise<LlmDeploymentRecord | undefined> {
      const row = await db.selectFrom('llmDeployments').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    /** Inserts a deployment; `key` is already sealed by the caller. */
    async insert(
      input: LlmDeploymentInput,
      key?: { sealed: string; hint: string },
      id: string = newId(),
    ): Promise<LlmDeploymentRecord> {
      const now = isoNow()
      const row: LlmDeploymentsTable = {
        ...input,
        capabilities: JSON.stringify(input.capabilities),
        taskClasses: JSON.stringify(input.taskClasses),
        fallbackIds: JSON.stringify(input.fallbackIds),
        enabled: input.enabled ? 1 : 0,
        id,
        apiKeySealed: key?.sealed ?? null,
        apiKeyHint: key ? key.hint : null,
        createdAt: now,
        updatedAt: now,
      }
      await db.insertInto('llmDeployments').values(row).execute()
      return toRecord(row)
    },

    /** Updates fields and, when `key` is given, the sealed key too, in one statement. */
    async update(
      id: string,
      patch: Partial<LlmDeploymentInput>,
      key?: { sealed: string; hint: string } | null,
    ): Promise<LlmDeploymentRecord | undefined> {
      const keyColumns = key === undefined ? {} : { apiKeySealed: key?.sealed ?? null, apiKeyHint: key?.hint ?? null }
      await db
        .updateTable('llmDeployments')
        .set({ ...toColumns(patch), ...keyColumns, updatedAt: isoNow() })
        .where('id', '=', id)
        .execute()
      return this.findById(id)
    },

    /** Stores a sealed key (or removes it with null). */
    async setKey(id: string, key: { sealed: string; hint: string } | null): Promise<boolean> {
      const result = await db
        .updateTable('llmDeployments')
        .set({ apiKeySealed: key?.sealed ?? null, apiKeyHint: key ? key.hint : null, updatedAt: isoNow() })
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('llmDeployments').where('id', '=', id).executeTakeFirst()
      return Number(result.numDeletedRows) === 1
    },

    async sealedKey(id: string): Promise<string | undefined> {
      const row = await db.selectFrom('llmDeployments').select('apiKeySealed').where('id', '=', id).executeTakeFirst()
      return row?.apiKeySealed ?? undefined
    },

    /** Every stored sealed key, for rotation and the start-up check. */
    async sealedKeys(): Promise<{ id: string; sealed: string }[]> {
      const rows = await db
        .selectFrom('llmDeployments')
        .select(['id', 'apiKeySealed'])
        .where('apiKeySealed', 'is not', null)
        .execute()
      return rows.flatMap((r) => (r.apiKeySealed === null ? [] : [{ id: r.id, sealed: r.apiKeySealed }]))
    },

    /** Replaces sealed keys and the vault canary in one transaction (key rotation: all or nothing). */
    async replaceSealedKeys(
      items: { id: string; sealed: string }[],
      canary: { sealed: string; keyId: string },
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const item of items) {
          await trx.updateTable('llmDeployments').set({ apiKeySealed: item.sealed }).where('id', '=', item.id).execute()
        }
        await trx.updateTable('llmVault').set(canary).where('name', '=', 'canary').execute()
      })
    },
  }
}
export type LlmDeploymentRepository = ReturnType<typeof createLlmDeploymentRepository>
