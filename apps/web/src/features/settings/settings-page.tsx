import { access, roleSatisfies } from '@aipipeline/domain'
import { Stack, Tabs, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../api/api-context'
import { ModelsSection } from './models/models-section'
import { ServerStatusCard } from './server-status-card'

/** Settings: the server's status, and for managers and admins the model (LLM) settings. */
export function SettingsPage() {
  const { t } = useTranslation()
  const role = useSession()?.user.role
  // The LLM settings API is for managers and up; others would only see 403s.
  const canSeeModels = role !== undefined && roleSatisfies(access.atLeast('manager'), role)
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('pages.settings.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('settings.subtitle')}
        </Text>
      </div>
      <Tabs defaultValue="general" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="general">{t('settings.tabs.general')}</Tabs.Tab>
          {canSeeModels && <Tabs.Tab value="models">{t('settings.tabs.models')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="general">
          <ServerStatusCard />
        </Tabs.Panel>
        {canSeeModels && (
          <Tabs.Panel value="models">
            <ModelsSection />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  )
}
