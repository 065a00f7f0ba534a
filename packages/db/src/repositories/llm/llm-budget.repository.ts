// Monthly LLM budgets per project, and which alert has already been sent for the month.
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import type { LlmBudgetsTable } from '../../tables/llm.tables'

const Micros = z.coerce.number().int().nonnegative()

export interface LlmBudgetRecord {
  id: string
  projectId: string
  month: string
  limitMicros: number
  override: boolean
  alertedPercent: number
  createdAt: string
  updatedAt: string
}

function toRecord(row: LlmBudgetsTable): LlmBudgetRecord {
  return {
    ...row,
    limitMicros: Micros.parse(row.limitMicros),
    override: row.override === 1,
    alertedPercent: Number(row.alertedPercent),
  }
}

/** Repository for `llm_budgets`. */
export function createLlmBudgetRepository(db: Db) {
  return {
    /** `projectIds` limits the list to those projects (the caller's); an empty list matches none. */
    async list(
      filter: { projectId?: string; projectIds?: readonly string[]; month?: string } = {},
    ): Promise<LlmBudgetRecord[]> {
      let query = db.selectFrom('llmBudgets').selectAll()
      if (filter.projectId !== undefined) query = query.where('projectId', '=', filter.projectId)
      if (filter.projectIds !== undefined) {
        query = query.where('projectId', 'in', filter.projectIds.length > 0 ? [...filter.projectIds] : [''])
      }
      if (filter.month !== undefined) query = query.where('month', '=', filter.month)
      return (await query.orderBy('month', 'desc').orderBy('projectId').execute()).map(toRecord)
    },

    async find(projectId: string, month: string): Promise<LlmBudgetRecord | undefined> {
      const row = await db
        .selectFrom('llmBudgets')
        .selectAll()
        .where('projectId', '=', projectId)
        .where('month', '=', month)
        .executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    /** Creates or changes a project's budget for a month; `override` keeps its value when omitted. */
    async upsert(input: {
      projectId: string
      month: string
      limitMicros: number
      override?: boolean
    }): Promise<LlmBudgetRecord> {
      const now = isoNow()
      await db
        .insertInto('llmBudgets')
        .values({
          id: newId(),
          projectId: input.projectId,
          month: input.month,
          limitMicros: input.limitMicros,
          override: input.override ? 1 : 0,
          alertedPercent: 0,
          createdAt: now,
          updatedAt: now,
        })
        .onConflict((oc) =>
          oc.columns(['projectId', 'month']).doUpdateSet({
            limitMicros: input.limitMicros,
            // A changed limit re-arms the alerts: spend is measured against the new figure.
            alertedPercent: 0,
            ...(input.override !== undefined ? { override: input.override ? 1 : 0 } : {}),
            updatedAt: now,
          }),
        )
        .execute()
      const stored = await this.find(input.projectId, input.month)
      if (!stored) throw new Error(`budget ${input.projectId}/${input.month} vanished after upsert`)
      return stored
    },

    /** Raises the alert mark; returns false when another process already sent this alert. */
    async markAlerted(id: string, percent: number): Promise<boolean> {
      const result = await db
        .updateTable('llmBudgets')
        .set({ alertedPercent: percent, updatedAt: isoNow() })
        .where('id', '=', id)
        .where('alertedPercent', '<', percent)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },
  }
}
export type LlmBudgetRepository = ReturnType<typeof createLlmBudgetRepository>
