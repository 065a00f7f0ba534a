import { authRoutes, type WorkflowTemplate } from '@aipipeline/contracts'
import { access, roleSatisfies } from '@aipipeline/domain'
import { Alert, Badge, Loader, Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../../../api/api-context'
import { type RevisionEntry, revisionTimeline } from './revision-timeline'
import { templateErrorText } from './template-errors'
import { useTemplateRevisions } from './template-queries'

/**
 * Display names of the studio's users, for those who may list them (managers and above); for
 * everyone else only their own name is known, and other editors show as a team member.
 */
function useMemberNames(): (id: string) => string | null {
  const api = useApi()
  const session = useSession()
  const canList = roleSatisfies(access.atLeast('manager'), session?.user.role)
  const users = useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api.call(authRoutes.listUsers)).items,
    enabled: canList,
    staleTime: 5 * 60_000,
  })
  return (id) => {
    if (id === session?.user.id) return session.user.displayName
    return users.data?.find((u) => u.id === id)?.displayName ?? null
  }
}

/** The revisions of a template, newest first, with who made each and when. */
export function RevisionHistory({ template }: { template: WorkflowTemplate }) {
  const { t, i18n } = useTranslation()
  const revisions = useTemplateRevisions(template.id)
  const nameOf = useMemberNames()
  if (revisions.isPending) return <Loader size="sm" aria-label={t('app.loading')} />
  if (revisions.isError)
    return (
      <Alert color="red" variant="light">
        {t('templates.revisions.loadFailed', { message: templateErrorText(revisions.error, t) })}
      </Alert>
    )
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const who = (entry: RevisionEntry) => {
    if (entry.madeBy === 'studio') return t('templates.revisions.shipped')
    if (entry.madeBy === null) return '—'
    return nameOf(entry.madeBy) ?? t('templates.revisions.member')
  }
  return (
    <Table verticalSpacing={6} data-testid="revision-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('templates.revisions.revision')}</Table.Th>
          <Table.Th>{t('templates.revisions.name')}</Table.Th>
          <Table.Th>{t('templates.revisions.editedBy')}</Table.Th>
          <Table.Th>{t('templates.revisions.when')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {revisionTimeline(template, revisions.data).map((r) => (
          <Table.Tr key={r.revision} data-testid="revision-row" data-revision={r.revision}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {r.revision}
              {r.current && (
                <Badge size="xs" variant="light" ml={6}>
                  {t('templates.revisions.current')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{who(r)}</Table.Td>
            <Table.Td>{when.format(new Date(r.madeAt))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
