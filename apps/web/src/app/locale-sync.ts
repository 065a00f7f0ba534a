import { authRoutes, type Locale } from '@aipipeline/contracts'
import type { ApiClient } from '../api/api-client'
import { applyLocale, chosenLocale } from '../i18n/i18n'

export type LocaleReconciliation =
  | { kind: 'apply-account'; locale: Locale }
  | { kind: 'save-choice'; locale: Locale }
  | null

/**
 * What to do when a session starts. A language picked with the switch in this browser wins and
 * is saved to the account (it is the most recent explicit choice); with no choice here the
 * account's language applies, so a new browser follows the account.
 */
export function reconcileLocale(chosenHere: Locale | null, account: Locale): LocaleReconciliation {
  if (chosenHere === null) return { kind: 'apply-account', locale: account }
  if (chosenHere !== account) return { kind: 'save-choice', locale: chosenHere }
  return null
}

/** Applies `reconcileLocale` whenever someone signs in or a session is restored. */
export function syncLocaleWithAccount(api: ApiClient): () => void {
  let userId: string | undefined
  return api.subscribe((session) => {
    const id = session?.user.id
    const started = session !== null && id !== userId
    userId = id
    if (!started) return
    const action = reconcileLocale(chosenLocale(), session.user.locale)
    if (action?.kind === 'apply-account') {
      // Not remembered as a choice, so a later change on another browser still comes through.
      void applyLocale(action.locale, { remember: false })
    } else if (action?.kind === 'save-choice') {
      api
        .call(authRoutes.updateMe, { body: { locale: action.locale } })
        .then((user) => api.updateUser(user))
        .catch((error: unknown) => console.warn('could not save the language to the account', error))
    }
  })
}
