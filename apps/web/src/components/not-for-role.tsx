import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * Shown instead of a page whose API the server refuses to the signed-in role (reached by a
 * typed or old link): a sentence in the user's language rather than the server's refusal.
 */
export function NotForRole() {
  const { t } = useTranslation()
  return (
    <Alert color="gray" variant="light" data-testid="not-for-role">
      {t('access.notForRole')}
    </Alert>
  )
}
