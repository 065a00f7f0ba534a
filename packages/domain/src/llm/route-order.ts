// The order in which the SmartRouter tries LLM deployments for a task class, and which of them
// may serve it. One copy for the router (packages/llm) and the Settings page (apps/web), which
// shows the same order before budgets, breakers and context size narrow it per call.

/** What ordering and eligibility read from a deployment (the router's and the API's records fit). */
export interface RoutableDeployment {
  id: string
  provider: string
  locality: 'local' | 'cloud'
  /** Lower is tried first among equals. */
  priority: number
  /** Explicit fallback chain: deployment ids tried right after this one fails. */
  fallbackIds: readonly string[]
  taskClasses: readonly string[]
  capabilities: { embeddings: boolean }
}

/** Whether calls to this provider need an API key (Ollama and self-hosted compatible servers don't). */
export function providerNeedsKey(provider: string): boolean {
  return provider === 'openai' || provider === 'anthropic' || provider === 'google'
}

/** Whether the provider has an embeddings API at all (Anthropic has none). */
export function providerEmbeds(provider: string): boolean {
  return provider !== 'anthropic'
}

/** Whether the deployment serves the task class; `embed` needs an embedding-capable model and provider. */
export function servesTaskClass(d: RoutableDeployment, taskClass: string): boolean {
  if (taskClass === 'embed') return d.capabilities.embeddings && providerEmbeds(d.provider)
  return d.taskClasses.includes(taskClass)
}

export interface RouteOrderOptions<T> {
  /** Estimated cost of a call on this item: the tie-break after priority. */
  costOf?: (item: T) => number
  /** Near the budget limit: cheapest first, then local before cloud. */
  cheapestFirst?: boolean
}

export interface RouteStepOf<T> {
  item: T
  /** Reached through another deployment's explicit fallback chain, not by rank. */
  viaFallback: boolean
}

/**
 * Orders eligible deployments for trying: local before cloud, then lower priority number, then
 * lower cost, then id (or cheapest first near the budget limit); each deployment's explicit
 * fallback chain comes right after it. Fallback ids outside `items` are ignored; each item
 * appears once.
 */
export function orderRoute<T>(
  items: readonly T[],
  deploymentOf: (item: T) => RoutableDeployment,
  options: RouteOrderOptions<T> = {},
): RouteStepOf<T>[] {
  const costOf = options.costOf ?? (() => 0)
  const local = (item: T) => (deploymentOf(item).locality === 'local' ? 0 : 1)
  const byId = (a: T, b: T) => deploymentOf(a).id.localeCompare(deploymentOf(b).id)
  const rank = options.cheapestFirst
    ? (a: T, b: T) => costOf(a) - costOf(b) || local(a) - local(b) || byId(a, b)
    : (a: T, b: T) =>
        local(a) - local(b) ||
        deploymentOf(a).priority - deploymentOf(b).priority ||
        costOf(a) - costOf(b) ||
        byId(a, b)
  const itemsById = new Map(items.map((item) => [deploymentOf(item).id, item]))
  const steps: RouteStepOf<T>[] = []
  const seen = new Set<string>()
  const visit = (item: T, viaFallback: boolean) => {
    const d = deploymentOf(item)
    if (seen.has(d.id)) return
    seen.add(d.id)
    steps.push({ item, viaFallback })
    for (const id of d.fallbackIds) {
      const next = itemsById.get(id)
      if (next !== undefined) visit(next, true)
    }
  }
  for (const item of [...items].sort(rank)) visit(item, false)
  return steps
}
