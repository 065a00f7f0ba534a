// The router's usage ledger and budget guard on the database. After each recorded attempt
// the project's month is re-summed; crossing 80 % or 100 % of its budget sends one
// `llm:budget-alert` to the project's room (once per threshold per month, across processes).
import type { LlmBudgetRepository, LlmUsageRepository } from '@aipipeline/db'
import { type BudgetGuard, type BudgetSnapshot, monthOf, type UsageRecorder } from '@aipipeline/llm'

export interface BudgetAlert {
  projectId: string
  month: string
  percent: 80 | 100
  limitMicros: number
  spentMicros: number
  override: boolean
  at: string
}

/** First instant of a `YYYY-MM` month and of the next one, as ISO text. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number)
  const year = y ?? 1970
  const index = (m ?? 1) - 1
  return {
    from: new Date(Date.UTC(year, index, 1)).toISOString(),
    to: new Date(Date.UTC(year, index + 1, 1)).toISOString(),
  }
}

/** Creates the ledger (UsageRecorder) and the budget guard over the repositories. */
export function createDatabaseLedger(deps: {
  usage: LlmUsageRepository
  budgets: LlmBudgetRepository
  onAlert: (alert: BudgetAlert) => void
}): { recorder: UsageRecorder; guard: BudgetGuard } {
  async function snapshot(
    projectId: string,
    at: string,
  ): Promise<(BudgetSnapshot & { id: string; alertedPercent: number }) | undefined> {
    const month = monthOf(at)
    const budget = await deps.budgets.find(projectId, month)
    if (!budget) return undefined
    const spentMicros = await deps.usage.spend({ projectId, ...monthRange(month) })
    return {
      month,
      limitMicros: budget.limitMicros,
      spentMicros,
      override: budget.override,
      id: budget.id,
      alertedPercent: budget.alertedPercent,
    }
  }

  async function alertIfCrossed(projectId: string, at: string): Promise<void> {
    const budget = await snapshot(projectId, at)
    if (!budget || budget.limitMicros <= 0) return
    const percent =
      budget.spentMicros >= budget.limitMicros ? 100 : budget.spentMicros * 100 >= budget.limitMicros * 80 ? 80 : 0
    if (percent === 0 || budget.alertedPercent >= percent) return
    // markAlerted is a guarded update: exactly one process sends each alert.
    if (!(await deps.budgets.markAlerted(budget.id, percent))) return
    const { id: _id, alertedPercent: _sent, ...rest } = budget
    deps.onAlert({ ...rest, projectId, percent, at })
  }

  return {
    recorder: {
      async record(entry) {
        await deps.usage.insert({
          at: entry.at,
          callId: entry.callId,
          attempt: entry.attempt,
          deploymentId: entry.deploymentId,
          provider: entry.provider,
          modelId: entry.modelId,
          taskClass: entry.taskClass,
          inputTokens: entry.inputTokens,
          outputTokens: entry.outputTokens,
          costMicros: entry.costMicros,
          latencyMs: entry.latencyMs,
          outcome: entry.outcome,
          projectId: entry.project,
          jobId: entry.job,
          error: entry.error,
        })
        if (entry.project !== null && entry.costMicros > 0) await alertIfCrossed(entry.project, entry.at)
      },
    },
    guard: {
      async current(projectId, at) {
        const budget = await snapshot(projectId, at)
        if (!budget) return undefined
        return {
          month: budget.month,
          limitMicros: budget.limitMicros,
          spentMicros: budget.spentMicros,
          override: budget.override,
        }
      },
    },
  }
}
