// Above the shot table while it shows only the shots behind a dashboard chart's bar.
import { Alert, Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function DrillNotice({
  view,
  onClear,
}: {
  view: { filter: { shotIds?: ReadonlySet<string> | undefined } }
  onClear: () => void
}) {
  const { t } = useTranslation()
  const ids = view.filter.shotIds
  if (ids === undefined) return null
  return (
    <Alert color="indigo" variant="light" py={6} data-testid="drill-notice">
      <Group justify="space-between">
        <Text size="sm">{t('dashboards.drill.active', { count: ids.size })}</Text>
        <Button size="xs" variant="subtle" onClick={onClear}>
          {t('dashboards.drill.clear')}
        </Button>
      </Group>
    </Alert>
  )
}
