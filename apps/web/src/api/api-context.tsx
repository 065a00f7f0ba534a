// Hands the single ApiClient to components and exposes its session as React state.
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react'
import type { ApiClient, SignedIn } from './api-client'
import type { GuestSnapshot } from './guest-session'

const ApiContext = createContext<ApiClient | null>(null)

export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

/** The app's ApiClient. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi must be used inside <ApiProvider>')
  return api
}

/** The current session; re-renders on sign-in, sign-out and user changes. */
export function useSession(): SignedIn | null {
  const api = useApi()
  return useSyncExternalStore(
    (onChange) => api.subscribe(onChange),
    () => api.getSession(),
  )
}

/** This tab's review guest session (or that it ended); re-renders when it starts, renews or ends. */
export function useGuest(): GuestSnapshot {
  const api = useApi()
  return useSyncExternalStore(
    (onChange) => api.guests.subscribe(onChange),
    () => api.guests.read(),
  )
}
