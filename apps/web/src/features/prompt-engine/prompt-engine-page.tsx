// The Prompt Engine route. The engine and its catalog (hundreds of kilobytes of gear and looks)
// load only when this page opens, so the sign-in page and other sections never download them.
import { Group, Loader, Text } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'

const PromptEngineWorkspace = lazy(() => import('./prompt-engine-workspace'))

function CatalogLoader() {
  const { t } = useTranslation()
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" />
      <Text c="dimmed">{t('promptEngine.loading')}</Text>
    </Group>
  )
}

export function PromptEnginePage() {
  return (
    <Suspense fallback={<CatalogLoader />}>
      <PromptEngineWorkspace />
    </Suspense>
  )
}
