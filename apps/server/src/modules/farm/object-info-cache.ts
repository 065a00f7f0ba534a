// Node definitions for UI conversion and parameter typing: one backend's /object_info, or the
// union of every enabled backend's (a workflow converted with the union runs wherever its node
// classes exist). Cached per backend URL: /object_info is slow on real servers.
import { ComfyClient, type ObjectInfo } from '@aipipeline/comfyui'
import type { BackendRepository } from '@aipipeline/db'

export interface ObjectInfoCache {
  /** `backendId` given: that backend's definitions; otherwise the union; null when none answered. */
  get(backendId?: string): Promise<ObjectInfo | null>
}

export function createObjectInfoCache(backends: BackendRepository): ObjectInfoCache {
  const clients = new Map<string, ComfyClient>()
  const infoOf = async (url: string): Promise<ObjectInfo | null> => {
    let client = clients.get(url)
    if (!client) {
      // HTTP only (never connected), so no socket is opened for this.
      client = new ComfyClient({ baseUrl: url, clientId: 'aipipeline-object-info', requestTimeoutMs: 30_000 })
      clients.set(url, client)
    }
    return client.objectInfo().catch(() => null)
  }
  return {
    async get(backendId) {
      if (backendId !== undefined) {
        const b = await backends.get(backendId)
        return b ? infoOf(b.url) : null
      }
      const union: ObjectInfo = {}
      let any = false
      for (const b of await backends.list()) {
        if (!b.enabled) continue
        const info = await infoOf(b.url)
        if (info === null) continue
        any = true
        for (const [name, def] of Object.entries(info)) union[name] ??= def
      }
      return any ? union : null
    },
  }
}
