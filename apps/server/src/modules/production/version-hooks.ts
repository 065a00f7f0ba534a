// What other modules do when a version is ingested (review queues its proxy). Listeners run
// after the version is committed, and again when the same output is ingested again (a retried
// ingest that finds its version made), so a listener must be idempotent per version. A listener
// that throws fails the ingest call that ran it.

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
