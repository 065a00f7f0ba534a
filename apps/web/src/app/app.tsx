import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { type ApiClient, REFRESH_TOKEN_KEY } from '../api/api-client'
import { ApiProvider } from '../api/api-context'
import { ApiError } from '../api/api-error'
import { RealtimeProvider } from '../api/realtime-context'
import { COLOR_SCHEME_KEY, DEFAULT_COLOR_SCHEME } from './color-scheme'
import { createAppRouter } from './router'
import { sessionChange } from './session-change'
import { theme } from './theme'

const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY })

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Auth and contract errors will not fix themselves; retry only network trouble and 5xx.
        retry: (count, error) =>
          count < 2 && (!(error instanceof ApiError) || error.failure.kind === 'network' || (error.status ?? 0) >= 500),
        refetchOnWindowFocus: false,
      },
    },
  })
}

/** Providers and the router; everything below reads the session from the ApiClient. */
export function App({ api, restored }: { api: ApiClient; restored: Promise<unknown> }) {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(() => createAppRouter({ api, restored }))

  useEffect(() => {
    let before = api.getSession()
    return api.subscribe((session) => {
      const change = sessionChange(before, session)
      before = session
      if (change === 'role-changed') {
        // An admin changed this user's role: drop what the old role could see and start over
        // on a page every role has, rather than show the old page's refusals.
        queryClient.clear()
        void router.navigate({ to: '/projects' })
        return
      }
      if (change !== 'signed-out') return
      // Nothing cached for one user may be shown to the next.
      queryClient.clear()
      const location = router.state.location
      if (location.pathname === '/login') return
      const expired = api.getSessionEndReason() === 'expired'
      void router.navigate({ to: '/login', search: expired ? { redirect: location.href, expired: true } : {} })
    })
  }, [api, queryClient, router])

  useEffect(() => {
    // Signing out in one tab removes the shared refresh token; follow suit in the others.
    const onStorage = (event: StorageEvent) => {
      if (event.key === REFRESH_TOKEN_KEY && event.newValue === null && api.getSession()) void api.logout()
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [api])

  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme={DEFAULT_COLOR_SCHEME}>
      <ApiProvider api={api}>
        <QueryClientProvider client={queryClient}>
          <RealtimeProvider>
            <RouterProvider router={router} />
          </RealtimeProvider>
        </QueryClientProvider>
      </ApiProvider>
    </MantineProvider>
  )
}
