// The router's deployment catalogue on the database: deployments with resolved prices, and
// API keys decrypted from the vault on demand. Both are cached (the router asks on every
// call) and dropped when Settings changes something; a short TTL picks up changes made by
// other server processes.
import type { LlmDeploymentRecord, LlmDeploymentRepository, LlmPriceRecord, LlmPriceRepository } from '@aipipeline/db'
import {
  type CredentialVault,
  Deployment,
  type DeploymentCatalog,
  LatencyClass,
  Locality,
  ProviderKind,
  TaskClass,
  type TokenPrices,
} from '@aipipeline/llm'

export type PriceSource = 'deployment' | 'price-table' | 'local' | 'missing'

/** The prices a deployment is billed at, and where they come from. */
export function resolvePrices(
  record: Pick<
    LlmDeploymentRecord,
    'provider' | 'modelId' | 'locality' | 'inputMicrosPerMillion' | 'outputMicrosPerMillion'
  >,
  table: readonly LlmPriceRecord[],
): { prices: TokenPrices | null; source: PriceSource } {
  if (record.inputMicrosPerMillion !== null && record.outputMicrosPerMillion !== null) {
    return {
      prices: {
        inputMicrosPerMillion: record.inputMicrosPerMillion,
        outputMicrosPerMillion: record.outputMicrosPerMillion,
      },
      source: 'deployment',
    }
  }
  const listed = table.find((p) => p.provider === record.provider && p.modelId === record.modelId)
  if (listed) {
    return {
      prices: {
        inputMicrosPerMillion: listed.inputMicrosPerMillion,
        outputMicrosPerMillion: listed.outputMicrosPerMillion,
      },
      source: 'price-table',
    }
  }
  if (record.locality === 'local')
    return { prices: { inputMicrosPerMillion: 0, outputMicrosPerMillion: 0 }, source: 'local' }
  return { prices: null, source: 'missing' }
}

/** A stored record as the router's Deployment; undefined when it cannot be routed (no price). */
export function toRouterDeployment(
  record: LlmDeploymentRecord,
  table: readonly LlmPriceRecord[],
): Deployment | undefined {
  const { prices } = resolvePrices(record, table)
  if (prices === null) return undefined
  return Deployment.parse({
    id: record.id,
    name: record.name,
    provider: ProviderKind.parse(record.provider),
    modelId: record.modelId,
    baseUrl: record.baseUrl,
    hasKey: record.hasKey,
    contextWindow: record.contextWindow,
    maxOutputTokens: record.maxOutputTokens,
    prices,
    capabilities: record.capabilities,
    locality: Locality.parse(record.locality),
    latencyClass: LatencyClass.parse(record.latencyClass),
    taskClasses: record.taskClasses.map((t) => TaskClass.parse(t)),
    priority: record.priority,
    fallbackIds: record.fallbackIds,
    enabled: record.enabled,
    revision: record.updatedAt,
  })
}

export interface DatabaseCatalog extends DeploymentCatalog {
  /** Forgets cached deployments and keys (after any change in Settings). */
  invalidate(): void
}

/** Creates the database-backed catalogue. */
export function createDatabaseCatalog(deps: {
  deployments: LlmDeploymentRepository
  prices: LlmPriceRepository
  vault: CredentialVault
  ttlMs?: number
  now?: () => number
}): DatabaseCatalog {
  const ttlMs = deps.ttlMs ?? 5_000
  const now = deps.now ?? Date.now
  let cached: { at: number; list: Promise<Deployment[]> } | undefined
  const keys = new Map<string, Promise<string | undefined>>()

  async function load(): Promise<Deployment[]> {
    const [records, table] = await Promise.all([deps.deployments.list(), deps.prices.list()])
    return records.flatMap((r) => toRouterDeployment(r, table) ?? [])
  }

  return {
    deployments() {
      if (!cached || now() - cached.at > ttlMs) {
        const list = load()
        cached = { at: now(), list }
        list.catch(() => {
          cached = undefined // do not cache a failed read
        })
        keys.clear()
      }
      return cached.list
    },
    apiKey(deploymentId) {
      let key = keys.get(deploymentId)
      if (!key) {
        key = deps.deployments
          .sealedKey(deploymentId)
          .then((sealed) => (sealed ? deps.vault.open(sealed, deploymentId) : undefined))
        keys.set(deploymentId, key)
        key.catch(() => keys.delete(deploymentId))
      }
      return key
    },
    invalidate() {
      cached = undefined
      keys.clear()
    },
  }
}
