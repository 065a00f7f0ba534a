// Provider clients per deployment, built on first use and kept until the deployment's
// revision changes (a new key, URL or model): building a client is cheap, but the router
// makes one per call otherwise. The key stays here so error messages can be scrubbed of it.
import type { LanguageModel } from 'ai'
import type { EmbeddingModelV3 } from '../providers/ollama-embedding.model'
import { createEmbeddingModel, createLanguageModel, type ProviderOptions } from '../providers/provider-factory'
import type { PlannedDeployment } from './route-planner'
import type { DeploymentCatalog } from './router.ports'

/** A deployment's provider clients, each built on first use. */
export interface DeploymentClients {
  language(): LanguageModel
  embedding(): EmbeddingModelV3
}

interface ClientEntry {
  revision: string
  key: string | undefined
  language?: LanguageModel
  embedding?: EmbeddingModelV3
}

export function createDeploymentClients(deps: { catalog: DeploymentCatalog; providerOptions?: ProviderOptions }) {
  const entries = new Map<string, ClientEntry>()
  return {
    /** The clients of the planned deployment (its key is read from the vault on first use). */
    async clientsFor(planned: PlannedDeployment): Promise<DeploymentClients> {
      const d = planned.deployment
      let entry = entries.get(d.id)
      if (!entry || entry.revision !== d.revision) {
        entry = { revision: d.revision, key: await deps.catalog.apiKey(d.id) }
        entries.set(d.id, entry)
      }
      const e = entry
      return {
        language: () => {
          e.language ??= createLanguageModel(d, e.key, deps.providerOptions)
          return e.language
        },
        embedding: () => {
          e.embedding ??= createEmbeddingModel(d, e.key, deps.providerOptions)
          return e.embedding
        },
      }
    },
    /** The key the deployment's clients were built with, if any. */
    keyOf(deploymentId: string): string | undefined {
      return entries.get(deploymentId)?.key
    },
    /** Drops cached clients: of one deployment, or all. */
    forget(deploymentId?: string): void {
      if (deploymentId === undefined) entries.clear()
      else entries.delete(deploymentId)
    },
  }
}
