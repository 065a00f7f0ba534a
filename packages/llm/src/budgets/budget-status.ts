// Monthly project budgets: an alert when spend reaches 80 % of the limit and a hard stop at
// 100 %, unless an admin has set the override flag on that budget.
import { RuleViolation } from '@aipipeline/domain'

export const BUDGET_ALERT_PERCENT = 80

export interface BudgetSnapshot {
  /** Month the budget covers, `YYYY-MM` (UTC). */
  month: string
  limitMicros: number
  spentMicros: number
  /** Set by an admin: calls continue past 100 % (alerts still fire). */
  override: boolean
}

export type BudgetState = 'none' | 'ok' | 'alert' | 'exceeded' | 'overridden'

/** What a budget allows right now. */
export function budgetState(budget: BudgetSnapshot | undefined): BudgetState {
  if (budget === undefined) return 'none'
  if (budget.spentMicros >= budget.limitMicros) return budget.override ? 'overridden' : 'exceeded'
  return budget.spentMicros * 100 >= budget.limitMicros * BUDGET_ALERT_PERCENT ? 'alert' : 'ok'
}

/** Thresholds (80, 100) that spend crossed going from `before` to `after`; each fires once. */
export function crossedThresholds(limitMicros: number, before: number, after: number): (80 | 100)[] {
  const crossed: (80 | 100)[] = []
  const at = (percent: number) => (limitMicros * percent) / 100
  if (before < at(BUDGET_ALERT_PERCENT) && after >= at(BUDGET_ALERT_PERCENT)) crossed.push(80)
  if (before < at(100) && after >= at(100)) crossed.push(100)
  return crossed
}

/** `YYYY-MM` of an instant, in UTC. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7)
}

/** The project's monthly budget is spent; an admin can set the override flag to continue. */
export class BudgetExceeded extends RuleViolation {
  constructor(project: string, budget: BudgetSnapshot) {
    super(
      `the ${budget.month} LLM budget of project ${project} is spent; an admin can override it in Settings → Models`,
      {
        project,
        month: budget.month,
        limitMicros: budget.limitMicros,
        spentMicros: budget.spentMicros,
      },
    )
  }
}
