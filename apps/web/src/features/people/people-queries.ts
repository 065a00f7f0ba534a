// Reads and changes of the people area, through the typed client built from the contracts.
import {
  type AccountLink,
  accountRoutes,
  authRoutes,
  type CreateUserRequest,
  type InviteUserRequest,
  type UpdateUserRequest,
} from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { useApi } from '../../api/api-context'

export const peopleKeys = { users: ['users'] as const }

/** Every user with status and last sign-in (managers and admins). */
export function useUsers(enabled = true) {
  const api = useApi()
  return useQuery({
    queryKey: peopleKeys.users,
    queryFn: async () => (await api.call(authRoutes.listUsers)).items,
    enabled,
  })
}

/** Changes a user's role or active flag; the server ends their sessions. */
export function useUpdateUser() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: string; patch: z.input<typeof UpdateUserRequest> }) =>
      api.call(authRoutes.updateUser, { params: { id: input.id }, body: input.patch }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: peopleKeys.users }),
  })
}

/** Creates an invited user and returns their one-time link. */
export function useInviteUser() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: z.input<typeof InviteUserRequest>) => api.call(accountRoutes.inviteUser, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.users }),
  })
}

/** Creates a user with a password the admin chose. */
export function useCreateUser() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: z.input<typeof CreateUserRequest>) => api.call(authRoutes.createUser, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.users }),
  })
}

/** Issues a fresh one-time link (invitation again, or password reset). */
export function useIssueLink() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string): Promise<AccountLink> => api.call(accountRoutes.issueAccountLink, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.users }),
  })
}

/** The address a one-time link opens: the token travels in the fragment, never to a server log. */
export function accountLinkUrl(token: string, origin: string = window.location.origin): string {
  return `${origin}/account-link#token=${encodeURIComponent(token)}`
}

/** The token from the link page's fragment, if any. */
export function tokenFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('token')
  return value !== null && value.length >= 20 ? value : null
}
