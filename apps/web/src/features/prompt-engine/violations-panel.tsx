// The live rule check: overall status and every violation with its severity (HARD/SOFT/INFO in
// Latin caps in both languages, as the glossary says) and its message in the UI language.
import type { Severity, Violation } from '@aipipeline/cpe'
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { usePanel } from './cpe-panel-context'
import { fieldLabel } from './field-label'

const SEVERITY_COLOR: Record<Severity, string> = { hard: 'red', soft: 'yellow', info: 'blue' }
const STATUS_COLOR = { valid: 'teal', warning: 'yellow', invalid: 'red' } as const

export function ViolationsPanel() {
  const { t } = useTranslation()
  const { analysis } = usePanel()
  return (
    <Stack gap="xs" aria-live="polite" data-testid="cpe-violations">
      <Group justify="space-between">
        <Title order={4}>{t('promptEngine.validation.title')}</Title>
        <Badge color={STATUS_COLOR[analysis.status]} variant="filled" data-testid="cpe-status">
          {t(`promptEngine.validation.${analysis.status}`)}
        </Badge>
      </Group>
      {analysis.violations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('promptEngine.validation.none')}
        </Text>
      ) : (
        analysis.violations.map((v) => <ViolationItem key={`${v.ruleId}:${v.fields.join()}`} violation={v} />)
      )}
    </Stack>
  )
}

function ViolationItem({ violation }: { violation: Violation }) {
  const { t } = useTranslation()
  const { locale } = usePanel()
  return (
    <Paper withBorder p="xs" radius="sm" data-rule={violation.ruleId} data-severity={violation.severity}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge color={SEVERITY_COLOR[violation.severity]} variant="light" size="sm" miw={48} style={{ flexShrink: 0 }}>
          {t(`promptEngine.validation.severity.${violation.severity}`)}
        </Badge>
        <Stack gap={2}>
          <Text size="sm">{violation.message[locale]}</Text>
          <Text size="xs" c="dimmed">
            {t('promptEngine.validation.fields', { fields: violation.fields.map((f) => fieldLabel(t, f)).join(', ') })}
          </Text>
        </Stack>
      </Group>
    </Paper>
  )
}
