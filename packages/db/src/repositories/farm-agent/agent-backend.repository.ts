// Which agent keeps which backend alive, and when it last said so.
import type { Db } from '../../dialect/dialect-factory'
import { isoNow } from '../../ids'
import type { FarmAgentBackendsTable } from '../../tables/farm-agent.tables'

export type AgentBackendRecord = FarmAgentBackendsTable

/** Repository for `farm_agent_backends`. */
export function createAgentBackendRepository(db: Db) {
  return {
    /** Records a heartbeat for a backend (insert or update); clears a previous silence. */
    async beat(input: {
      backendId: string
      tokenId: string
      hostname: string
      agentUrl: string
      intervalSeconds: number
      at?: string
    }): Promise<AgentBackendRecord> {
      const at = input.at ?? isoNow()
      const row: FarmAgentBackendsTable = {
        backendId: input.backendId,
        tokenId: input.tokenId,
        hostname: input.hostname,
        agentUrl: input.agentUrl,
        intervalSeconds: input.intervalSeconds,
        lastHeartbeatAt: at,
        silentSince: null,
        createdAt: at,
        updatedAt: at,
      }
      await db
        .insertInto('farmAgentBackends')
        .values(row)
        .onConflict((oc) =>
          oc.column('backendId').doUpdateSet({
            tokenId: row.tokenId,
            hostname: row.hostname,
            agentUrl: row.agentUrl,
            intervalSeconds: row.intervalSeconds,
            lastHeartbeatAt: at,
            silentSince: null,
            updatedAt: at,
          }),
        )
        .execute()
      const saved = await this.get(input.backendId)
      if (!saved) throw new Error(`agent backend ${input.backendId} vanished after upsert`)
      return saved
    },

    async get(backendId: string): Promise<AgentBackendRecord | null> {
      const row = await db
        .selectFrom('farmAgentBackends')
        .selectAll()
        .where('backendId', '=', backendId)
        .executeTakeFirst()
      return row ?? null
    },

    async list(): Promise<AgentBackendRecord[]> {
      return db.selectFrom('farmAgentBackends').selectAll().orderBy('createdAt').execute()
    },

    async listByToken(tokenId: string): Promise<AgentBackendRecord[]> {
      return db.selectFrom('farmAgentBackends').selectAll().where('tokenId', '=', tokenId).execute()
    },

    /**
     * Backends whose agent has been silent for more than `missedBeats` intervals at `nowMs`
     * and that were not marked yet. Compared in the app: intervals differ per row.
     */
    async findSilent(nowMs: number, missedBeats: number): Promise<AgentBackendRecord[]> {
      const rows = await db.selectFrom('farmAgentBackends').selectAll().where('silentSince', 'is', null).execute()
      return rows.filter((r) => nowMs - Date.parse(r.lastHeartbeatAt) > missedBeats * r.intervalSeconds * 1000)
    },

    /** Backends whose agent is marked silent and has not beaten since. */
    async listSilenced(): Promise<AgentBackendRecord[]> {
      return db.selectFrom('farmAgentBackends').selectAll().where('silentSince', 'is not', null).execute()
    },

    /** Marks a backend's agent silent once; returns whether this call marked it. */
    async markSilent(backendId: string, at: string = isoNow()): Promise<boolean> {
      const res = await db
        .updateTable('farmAgentBackends')
        .set({ silentSince: at, updatedAt: at })
        .where('backendId', '=', backendId)
        .where('silentSince', 'is', null)
        .executeTakeFirst()
      return Number(res.numUpdatedRows) > 0
    },

    async delete(backendId: string): Promise<void> {
      await db.deleteFrom('farmAgentBackends').where('backendId', '=', backendId).execute()
    },
  }
}
export type AgentBackendRepository = ReturnType<typeof createAgentBackendRepository>
