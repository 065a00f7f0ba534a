import { authRoutes, Locale } from '@aipipeline/contracts'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../../api/api-context'
import { applyLocale } from '../../i18n/i18n'

/**
 * The UI language: switching applies at once and persists locally; when signed in it is also
 * saved to the account (PATCH /api/me) so other browsers pick it up at sign-in.
 */
export function useLocaleSwitch() {
  const { i18n } = useTranslation()
  const api = useApi()
  const session = useSession()
  const save = useMutation({
    mutationFn: (locale: Locale) => api.call(authRoutes.updateMe, { body: { locale } }),
    onSuccess: (user) => api.updateUser(user),
  })
  const parsed = Locale.safeParse(i18n.resolvedLanguage)
  return {
    locale: parsed.success ? parsed.data : 'en',
    setLocale(locale: Locale) {
      void applyLocale(locale)
      if (session && session.user.locale !== locale) save.mutate(locale)
    },
    saveError: save.error ? save.error.message : null,
    dismissError: () => save.reset(),
  }
}
