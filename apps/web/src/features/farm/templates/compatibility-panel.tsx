import type { TemplateRequirements } from '@aipipeline/contracts'
import { Alert, Code, Group, Loader, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type Verdict, verdictOf } from './compatibility-verdict'
import { templateErrorText } from './template-errors'
import { useTemplateCompatibility } from './template-queries'

/** What a template needs: node classes and model files by folder. */
export function RequirementsList({ requirements }: { requirements: TemplateRequirements }) {
  const { t } = useTranslation()
  if (requirements.nodeClasses.length === 0 && requirements.models.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('templates.requirements.none')}
      </Text>
    )
  return (
    <Stack gap="xs" data-testid="template-requirements">
      {requirements.nodeClasses.length > 0 && (
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {t('templates.requirements.nodeClasses')}
          </Text>
          <Group gap={4}>
            {requirements.nodeClasses.map((c) => (
              <Code key={c}>{c}</Code>
            ))}
          </Group>
        </div>
      )}
      {requirements.models.length > 0 && (
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {t('templates.requirements.models')}
          </Text>
          <Group gap={4}>
            {requirements.models.map((m) => (
              <Code key={`${m.folder}/${m.name}`}>{`${m.folder}/${m.name}`}</Code>
            ))}
          </Group>
        </div>
      )}
    </Stack>
  )
}

const VERDICT_COLOR: Record<Verdict, string> = { ok: 'teal.7', missing: 'red.7', unknown: 'dimmed' }

/** Per backend: whether it can run the template, and if not, the node classes and models it lacks. */
export function CompatibilityTable({ templateId }: { templateId: string }) {
  const { t } = useTranslation()
  const compatibility = useTemplateCompatibility(templateId)
  if (compatibility.isPending) return <Loader size="sm" aria-label={t('templates.compat.checking')} />
  if (compatibility.isError)
    return (
      <Alert color="red" variant="light">
        {t('templates.compatibility.loadFailed', { message: templateErrorText(compatibility.error, t) })}
      </Alert>
    )
  if (compatibility.data.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('templates.compatibility.none')}
      </Text>
    )
  return (
    <Table verticalSpacing={6} data-testid="compatibility-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('templates.compatibility.backend')}</Table.Th>
          <Table.Th>{t('templates.compatibility.verdict')}</Table.Th>
          <Table.Th>{t('templates.compatibility.reasons')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {compatibility.data.map((b) => (
          <Table.Tr key={b.backendId} data-testid="compatibility-row" data-verdict={verdictOf(b)}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{b.name}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={600} c={VERDICT_COLOR[verdictOf(b)]} style={{ whiteSpace: 'nowrap' }}>
                {t(`templates.compatibility.${verdictOf(b)}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {b.missingNodeClasses.length > 0 && (
                  <Text size="sm">
                    {t('templates.compatibility.missingNodes', { list: b.missingNodeClasses.join(', ') })}
                  </Text>
                )}
                {b.missingModels.length > 0 && (
                  <Text size="sm">
                    {t('templates.compatibility.missingModels', {
                      list: b.missingModels.map((m) => `${m.folder}/${m.name}`).join(', '),
                    })}
                  </Text>
                )}
                {verdictOf(b) !== 'missing' && (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
