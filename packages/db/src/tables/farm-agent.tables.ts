// Row types of GPU agents: the tokens they authenticate with and the backends they keep alive.
// Timestamps are ISO-8601 UTC text written by the app.

/** An agent token. Only its SHA-256 is stored; the secret is shown once at creation. */
export interface FarmAgentTokensTable {
  id: string
  name: string
  /** SHA-256 hex of the whole token, unique. */
  tokenHash: string
  /** First characters of the token, shown in lists so an admin can tell tokens apart. */
  tokenPrefix: string
  createdBy: string | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** A backend announced by an agent heartbeat; one agent per backend. */
export interface FarmAgentBackendsTable {
  backendId: string
  tokenId: string
  /** Host name the agent reported. */
  hostname: string
  /** ComfyUI URL as the agent sees it (often loopback). */
  agentUrl: string
  /** Heartbeat interval the agent promised, seconds; silence for 3× this marks the backend offline. */
  intervalSeconds: number
  lastHeartbeatAt: string
  /** Set when the backend was marked offline for a missed heartbeat; cleared by the next beat. */
  silentSince: string | null
  createdAt: string
  updatedAt: string
}

export interface FarmAgentTables {
  farmAgentTokens: FarmAgentTokensTable
  farmAgentBackends: FarmAgentBackendsTable
}
