// A project's Reports tab: generate a digest now (with progress), the list of digests with
// their HTML view and PDF download, and the schedule. For the project's managers and
// supervisors; other roles never see the tab, and a typed link gets a sentence, not a 403.
import { Alert, Badge, Button, Group, Loader, Progress, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { downloadAuthed } from '../../api/authed-file'
import { apiErrorText } from '../../api/error-text'
import { NotForRole } from '../../components/not-for-role'
import { useProject } from '../projects/project-queries'
import { type ReportItem, readsReports, reportFilePath, useGenerateReport, useReports } from './report-queries'
import { ReportScheduleCard } from './report-schedule-card'
import { ReportViewer } from './report-viewer'

function useWhen() {
  const { i18n } = useTranslation()
  return {
    period: (r: ReportItem) =>
      `${new Date(r.periodStart).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })} – ${new Date(
        r.periodEnd,
      ).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}`,
    at: (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
  }
}

function StatusCell({ r }: { r: ReportItem }) {
  const { t } = useTranslation()
  if (r.status === 'ready') return <Badge color="teal">{t('reports.status.ready')}</Badge>
  if (r.status === 'failed')
    return (
      <Text size="sm" c="red">
        {t('reports.status.failed')}
      </Text>
    )
  return (
    <Stack gap={2} data-testid="report-progress">
      <Text size="xs">
        {r.status === 'queued' ? t('reports.status.queued') : t('reports.status.running', { progress: r.progress })}
      </Text>
      <Progress value={r.progress} size="sm" animated />
    </Stack>
  )
}

export function ReportsPage({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const project = useProject(projectId).data
  const allowed = readsReports(project?.myRole)
  const reports = useReports(projectId, { enabled: allowed })
  const generate = useGenerateReport(projectId)
  const when = useWhen()
  const [kind, setKind] = useState<ReportItem['kind']>('weekly')
  const [locale, setLocale] = useState<ReportItem['locale']>(i18n.language.startsWith('ko') ? 'ko' : 'en')
  const [viewing, setViewing] = useState<ReportItem | null>(null)
  const [downloadError, setDownloadError] = useState(false)
  if (!project) return <Loader aria-label={t('app.loading')} />
  if (!allowed) return <NotForRole />
  const manages = project.myRole === 'admin' || project.myRole === 'manager'
  const items = reports.data ?? []
  const title = (r: ReportItem) =>
    t('reports.viewer.title', { kind: t(`reports.kinds.${r.kind}`), period: when.period(r) })
  const download = (r: ReportItem) => {
    setDownloadError(false)
    downloadAuthed(api, reportFilePath(r, 'pdf'), `${project.code}-${r.kind}-${r.periodEnd.slice(0, 10)}.pdf`).catch(
      () => setDownloadError(true),
    )
  }
  return (
    <Stack gap="md" data-testid="reports-page">
      <Text c="dimmed" size="sm">
        {t('reports.intro')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('reports.generate.kind')}
          value={kind}
          allowDeselect={false}
          data={(['daily', 'weekly'] as const).map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
          onChange={(v) => (v === 'daily' || v === 'weekly') && setKind(v)}
          data-testid="report-kind"
        />
        <Select
          label={t('reports.generate.language')}
          value={locale}
          allowDeselect={false}
          data={(['en', 'ko'] as const).map((l) => ({ value: l, label: t(`reports.languages.${l}`) }))}
          onChange={(v) => (v === 'en' || v === 'ko') && setLocale(v)}
          data-testid="report-language"
        />
        <Button
          onClick={() => generate.mutate({ kind, locale })}
          loading={generate.isPending}
          data-testid="report-generate"
        >
          {t('reports.generate.button')}
        </Button>
      </Group>
      {generate.isError && <Alert color="red">{apiErrorText(generate.error, t)}</Alert>}
      {downloadError && <Alert color="red">{t('reports.viewer.failed')}</Alert>}
      {reports.isError && <Alert color="red">{apiErrorText(reports.error, t)}</Alert>}
      {items.length === 0 && reports.isSuccess && (
        <Text c="dimmed" size="sm">
          {t('reports.list.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table withTableBorder striped data-testid="report-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.list.kind')}</Table.Th>
              <Table.Th>{t('reports.list.period')}</Table.Th>
              <Table.Th>{t('reports.list.created')}</Table.Th>
              <Table.Th>{t('reports.list.status')}</Table.Th>
              <Table.Th>{t('reports.list.summary')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="report-row" data-status={r.status}>
                <Table.Td>
                  <Text size="sm">{t(`reports.kinds.${r.kind}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(r.trigger === 'schedule' ? 'reports.list.scheduled' : 'reports.list.manual')} ·{' '}
                    {t(`reports.languages.${r.locale}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{when.period(r)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{when.at(r.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusCell r={r} />
                </Table.Td>
                <Table.Td>
                  {r.summary && (
                    <Text size="sm">
                      {t('reports.list.summaryText', {
                        changes: r.summary.changes,
                        late: r.summary.late,
                        review: r.summary.review,
                      })}
                    </Text>
                  )}
                  {r.pdfPages !== null && (
                    <Text size="xs" c="dimmed">
                      {t('reports.list.pages', { count: r.pdfPages })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.status === 'ready' && (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setViewing(r)} data-testid="report-view">
                        {t('reports.list.view')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => download(r)} data-testid="report-download">
                        {t('reports.list.download')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ReportScheduleCard projectId={projectId} editable={manages} />
      <ReportViewer report={viewing} title={viewing ? title(viewing) : ''} onClose={() => setViewing(null)} />
    </Stack>
  )
}
