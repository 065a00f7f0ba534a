// What other modules do when a version is ingested (review queues its proxy). Listeners run
// after the version is committed, for every ingest of it: a repeated ingest of the same output
// calls them again, so a listener must be idempotent per version (and a failed one is retried
// with the ingest).

export type VersionIngestedListener = (versionId: string) => Promise<void>

export function createVersionHooks() {
  const listeners: VersionIngestedListener[] = []
  return {
    /** Adds a listener for ingested versions. */
    onIngested(listener: VersionIngestedListener): void {
      listeners.push(listener)
    },
    /** Tells every listener, in order, about each version. */
    async ingested(versionIds: readonly string[]): Promise<void> {
      for (const id of versionIds) for (const listener of listeners) await listener(id)
    },
  }
}
export type VersionHooks = ReturnType<typeof createVersionHooks>
