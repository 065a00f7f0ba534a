import { Center, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Full-height spinner while a route waits (e.g. for the session to be restored). */
export function PageLoader() {
  const { t } = useTranslation()
  return (
    <Center h="60vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  )
}
