// In-memory implementations of the router's ports, for tests, benchmarks and scripts that
// run a router without a database.
import type { BudgetSnapshot } from '../budgets/budget-status'
import { monthOf } from '../budgets/budget-status'
import type { Deployment } from '../deployment/deployment'
import type { BudgetGuard, DeploymentCatalog, UsageRecord, UsageRecorder } from './router.ports'

/** A fixed catalogue with keys held in memory. */
export function createInMemoryCatalog(
  deployments: Deployment[],
  keys: Record<string, string> = {},
): DeploymentCatalog & { deploymentsList: Deployment[] } {
  return {
    deploymentsList: deployments,
    async deployments() {
      return deployments
    },
    async apiKey(id) {
      return keys[id]
    },
  }
}

/** A usage ledger in an array. */
export function createInMemoryUsage(): UsageRecorder & { records: UsageRecord[] } {
  const records: UsageRecord[] = []
  return {
    records,
    async record(entry) {
      records.push(entry)
    },
  }
}

/** Budgets per project whose spend is the ledger's sum for the month. */
export function createInMemoryBudgets(
  usage: { records: UsageRecord[] },
  limits: Record<string, { limitMicros: number; override?: boolean }>,
): BudgetGuard {
  return {
    async current(project, at): Promise<BudgetSnapshot | undefined> {
      const limit = limits[project]
      if (!limit) return undefined
      const month = monthOf(at)
      const spentMicros = usage.records
        .filter((r) => r.project === project && monthOf(r.at) === month)
        .reduce((sum, r) => sum + r.costMicros, 0)
      return { month, limitMicros: limit.limitMicros, spentMicros, override: limit.override ?? false }
    },
  }
}
