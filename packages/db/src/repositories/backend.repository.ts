// Render farm backends. JSON columns are parsed with zod here, so callers see typed records.
import { BackendState } from '@aipipeline/domain'
import { z } from 'zod'
import type { Db } from '../dialect/dialect-factory'
import { isoNow, newId } from '../ids'
import type { FarmBackendsTable } from '../tables/farm.tables'

export const BackendCapabilities = z.object({
  nodeClasses: z.array(z.string()),
  /** Model files per ComfyUI folder (`checkpoints`, `loras`, …). */
  models: z.record(z.string(), z.array(z.string())),
})
export type BackendCapabilities = z.infer<typeof BackendCapabilities>

/** GPU facts reported by an agent heartbeat. */
export const GpuMetrics = z.object({
  at: z.string(),
  gpus: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      utilizationPercent: z.number().nullable(),
      temperatureC: z.number().nullable(),
      memoryUsedMb: z.number().nullable(),
      memoryTotalMb: z.number().nullable(),
      powerW: z.number().nullable(),
    }),
  ),
})
export type GpuMetrics = z.infer<typeof GpuMetrics>

export interface BackendRecord {
  id: string
  name: string
  url: string
  tags: string[]
  maxInFlight: number
  enabled: boolean
  state: BackendState
  stateReason: string | null
  capabilities: BackendCapabilities
  capabilitiesAt: string | null
  vramGb: number
  comfyVersion: string | null
  loadedModel: string | null
  speed: number | null
  gpuMetrics: GpuMetrics | null
  lastSeenAt: string | null
  createdAt: string
  updatedAt: string
}

export interface NewBackend {
  name: string
  url: string
  tags: string[]
  maxInFlight: number
  enabled: boolean
  state: BackendState
  capabilities: BackendCapabilities
  vramGb: number
  comfyVersion: string | null
}

export type BackendPatch = Partial<{
  name: string
  tags: string[]
  maxInFlight: number
  enabled: boolean
  state: BackendState
  stateReason: string | null
  capabilities: BackendCapabilities
  vramGb: number
  comfyVersion: string | null
  loadedModel: string | null
  speed: number | null
  gpuMetrics: GpuMetrics | null
  lastSeenAt: string | null
}>

const Tags = z.array(z.string())

function toRecord(row: FarmBackendsTable): BackendRecord {
  return {
    ...row,
    tags: Tags.parse(JSON.parse(row.tags)),
    enabled: row.enabled === 1,
    state: BackendState.parse(row.state),
    capabilities: BackendCapabilities.parse(JSON.parse(row.capabilities)),
    vramGb: Number(row.vramGb),
    speed: row.speed === null ? null : Number(row.speed),
    gpuMetrics: row.gpuMetrics === null ? null : GpuMetrics.parse(JSON.parse(row.gpuMetrics)),
  }
}

function toRow(patch: BackendPatch): Partial<FarmBackendsTable> {
  const { tags, enabled, capabilities, gpuMetrics, ...rest } = patch
  const row: Partial<FarmBackendsTable> = { ...rest }
  if (tags !== undefined) row.tags = JSON.stringify(tags)
  if (enabled !== undefined) row.enabled = enabled ? 1 : 0
  if (capabilities !== undefined) row.capabilities = JSON.stringify(capabilities)
  if (gpuMetrics !== undefined) row.gpuMetrics = gpuMetrics === null ? null : JSON.stringify(gpuMetrics)
  return row
}

/** Whether an insert failed on a unique constraint (SQLite and Postgres phrase it differently). */
export function isUniqueViolation(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${'code' in err ? String(err.code) : ''}` : String(err)
  return /UNIQUE constraint failed|duplicate key value|23505|SQLITE_CONSTRAINT_UNIQUE/i.test(text)
}

/** Repository for `farm_backends`. */
export function createBackendRepository(db: Db) {
  return {
    /** Inserts a backend; throws a unique violation when the URL exists (see isUniqueViolation). */
    async insert(input: NewBackend): Promise<BackendRecord> {
      const now = isoNow()
      const row: FarmBackendsTable = {
        id: newId(),
        name: input.name,
        url: input.url,
        tags: JSON.stringify(input.tags),
        maxInFlight: input.maxInFlight,
        enabled: input.enabled ? 1 : 0,
        state: input.state,
        stateReason: null,
        capabilities: JSON.stringify(input.capabilities),
        capabilitiesAt: now,
        vramGb: input.vramGb,
        comfyVersion: input.comfyVersion,
        loadedModel: null,
        speed: null,
        gpuMetrics: null,
        lastSeenAt: now,
        createdAt: now,
        updatedAt: now,
      }
      await db.insertInto('farmBackends').values(row).execute()
      return toRecord(row)
    },

    async get(id: string): Promise<BackendRecord | null> {
      const row = await db.selectFrom('farmBackends').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toRecord(row) : null
    },

    async findByUrl(url: string): Promise<BackendRecord | null> {
      const row = await db.selectFrom('farmBackends').selectAll().where('url', '=', url).executeTakeFirst()
      return row ? toRecord(row) : null
    },

    async list(): Promise<BackendRecord[]> {
      const rows = await db.selectFrom('farmBackends').selectAll().orderBy('createdAt').orderBy('id').execute()
      return rows.map(toRecord)
    },

    /** Applies a patch; returns the updated record or null when the backend is gone. */
    async update(id: string, patch: BackendPatch): Promise<BackendRecord | null> {
      const capabilitiesAt = patch.capabilities === undefined ? {} : { capabilitiesAt: isoNow() }
      await db
        .updateTable('farmBackends')
        .set({ ...toRow(patch), ...capabilitiesAt, updatedAt: isoNow() })
        .where('id', '=', id)
        .execute()
      return this.get(id)
    },

    /** Deletes a backend; returns whether it existed. */
    async delete(id: string): Promise<boolean> {
      const res = await db.deleteFrom('farmBackends').where('id', '=', id).executeTakeFirst()
      return Number(res.numDeletedRows) > 0
    },
  }
}
export type BackendRepository = ReturnType<typeof createBackendRepository>
