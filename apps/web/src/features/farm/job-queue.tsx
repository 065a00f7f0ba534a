import type { FarmBackend, RenderJob } from '@aipipeline/contracts'
import { Anchor, Card, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { queueOrder } from './farm-live-state'
import { JobActions } from './job-actions'
import { JobThumbnail } from './job-thumbnail'
import { JobStateBadge } from './state-badges'
import type { LiveProgress } from './use-farm-live'

const SHOWN = 50
/** Finished jobs whose output thumbnail is fetched (each costs a detail request). */
const THUMBNAILS_FOR = 20

interface Props {
  jobs: RenderJob[]
  backends: ReadonlyMap<string, FarmBackend>
  progress: Record<string, LiveProgress>
}

/** The render queue: live progress bars, previews and per-job actions. */
export function JobQueue({ jobs, backends, progress }: Props) {
  const { t } = useTranslation()
  const ordered = queueOrder(jobs).slice(0, SHOWN)
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {t('farm.queue.title')}
      </Title>
      {ordered.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('farm.queue.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" highlightOnHover aria-label={t('farm.queue.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={72} style={{ whiteSpace: 'nowrap' }}>
                  {t('farm.queue.preview')}
                </Table.Th>
                <Table.Th>{t('farm.queue.job')}</Table.Th>
                <Table.Th>{t('farm.queue.state')}</Table.Th>
                <Table.Th w={90} style={{ whiteSpace: 'nowrap' }}>
                  {t('farm.queue.priority')}
                </Table.Th>
                <Table.Th w={200}>{t('farm.queue.progress')}</Table.Th>
                <Table.Th>{t('farm.queue.backend')}</Table.Th>
                <Table.Th ta="right">{t('farm.queue.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ordered.map((job, i) => (
                <JobRow
                  key={job.id}
                  job={job}
                  live={progress[job.id]}
                  backend={job.backendId ? backends.get(job.backendId) : undefined}
                  thumbnail={i < THUMBNAILS_FOR}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}

function JobRow(props: {
  job: RenderJob
  live: LiveProgress | undefined
  backend: FarmBackend | undefined
  thumbnail: boolean
}) {
  const { job, live, backend } = props
  const { t, i18n } = useTranslation()
  const active = job.state === 'running' || job.state === 'assigned'
  const percent =
    job.state === 'succeeded' ? 100 : active ? Math.max(live?.overall ?? 0, job.progress * 100) : job.progress * 100
  return (
    <Table.Tr data-testid="job-row" data-job-id={job.id} data-state={job.state}>
      <Table.Td>
        <JobThumbnail
          jobId={job.id}
          preview={active ? (live?.preview ?? null) : null}
          done={props.thumbnail && job.state === 'succeeded'}
        />
      </Table.Td>
      <Table.Td maw={260}>
        <Anchor
          renderRoot={(props) => <Link to="/farm/jobs/$jobId" params={{ jobId: job.id }} {...props} />}
          size="sm"
          fw={500}
          lineClamp={1}
        >
          {job.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {new Date(job.queuedAt).toLocaleTimeString(i18n.language)}
        </Text>
        {job.state === 'unschedulable' && job.unschedulableReason && (
          <Text size="xs" c="orange" lineClamp={2}>
            {job.unschedulableReason}
          </Text>
        )}
        {job.state === 'failed' && job.error && (
          <Text size="xs" c="red" lineClamp={2}>
            {job.error.message}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <JobStateBadge state={job.state} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{job.priority}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Progress
            value={percent}
            animated={job.state === 'running'}
            color={job.state === 'failed' ? 'red' : job.state === 'succeeded' ? 'teal' : 'indigo'}
            aria-label={t('farm.queue.progress')}
            data-testid="job-progress"
            data-value={Math.round(percent)}
          />
          <Text size="xs" c="dimmed">
            {Math.round(percent)} %
            {active && live?.step != null && live.max != null
              ? ` · ${t('farm.queue.step', { step: live.step, max: live.max })}`
              : ''}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate>
          {backend?.name ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <JobActions job={job} />
      </Table.Td>
    </Table.Tr>
  )
}
