import { Alert, Badge, Loader, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { templateErrorText } from './template-errors'
import { useTemplateRevisions } from './template-queries'

/** The revisions of a template, newest first, with who made each and when. */
export function RevisionHistory({ templateId, current }: { templateId: string; current: number }) {
  const { t, i18n } = useTranslation()
  const revisions = useTemplateRevisions(templateId)
  if (revisions.isPending) return <Loader size="sm" aria-label={t('app.loading')} />
  if (revisions.isError)
    return (
      <Alert color="red" variant="light">
        {t('templates.revisions.loadFailed', { message: templateErrorText(revisions.error, t) })}
      </Alert>
    )
  if (revisions.data.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('templates.revisions.empty')}
      </Text>
    )
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const newestFirst = [...revisions.data].sort((a, b) => b.revision - a.revision)
  return (
    <Table verticalSpacing={6} data-testid="revision-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('templates.revisions.revision')}</Table.Th>
          <Table.Th>{t('templates.revisions.editedBy')}</Table.Th>
          <Table.Th>{t('templates.revisions.when')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {newestFirst.map((r) => (
          <Table.Tr key={r.revision} data-testid="revision-row" data-revision={r.revision}>
            <Table.Td>
              {r.revision}{' '}
              {r.revision === current && (
                <Badge size="xs" variant="light" ml={4}>
                  {t('templates.revisions.current')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{r.editedBy ?? t('templates.revisions.shipped')}</Table.Td>
            <Table.Td>{when.format(new Date(r.createdAt))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
