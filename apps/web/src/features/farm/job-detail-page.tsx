import type { RenderJobDetail } from '@aipipeline/contracts'
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { Link, useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useJob } from './farm-queries'
import { JobActions } from './job-actions'
import { JobOutputs } from './job-outputs'
import { JobErrorPanel } from './node-errors'
import { JobStateBadge } from './state-badges'
import { type LiveProgress, useFarmLive } from './use-farm-live'

/** One render job: progress, parameters, attempts, errors per node, and outputs. */
export function JobDetailPage() {
  const { t } = useTranslation()
  const { jobId } = useParams({ from: '/signed-in/farm/jobs/$jobId' })
  const job = useJob(jobId)
  const { progress } = useFarmLive()
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/farm" size="sm">
        ← {t('farm.detail.back')}
      </Anchor>
      {job.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {job.isError && (
        <Alert color="red" variant="light">
          {t('farm.detail.loadFailed', { message: job.error.message })}
        </Alert>
      )}
      {job.data && <JobDetail job={job.data} live={progress[job.data.id]} />}
    </Stack>
  )
}

// Dates follow the interface language, not the browser's.
const when = (iso: string | null, locale: string) => (iso ? new Date(iso).toLocaleString(locale) : '—')

function JobDetail({ job, live }: { job: RenderJobDetail; live: LiveProgress | undefined }) {
  const { t, i18n } = useTranslation()
  const active = job.state === 'running' || job.state === 'assigned'
  const percent = job.state === 'succeeded' ? 100 : Math.max(active ? (live?.overall ?? 0) : 0, job.progress * 100)
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>{job.name}</Title>
            <JobStateBadge state={job.state} />
            <Badge variant="outline" color="gray">
              {t('farm.queue.priority')} {job.priority}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {job.id}
          </Text>
        </div>
        <JobActions job={job} />
      </Group>
      <Card withBorder padding="md">
        <Group gap="md" wrap="nowrap" align="center">
          {active && live?.preview && (
            <img
              src={live.preview}
              alt={t('farm.queue.preview')}
              width={96}
              height={96}
              style={{ borderRadius: 6, objectFit: 'cover' }}
            />
          )}
          <Stack gap={4} style={{ flex: 1 }}>
            <Progress
              value={percent}
              size="lg"
              animated={job.state === 'running'}
              color={job.state === 'failed' ? 'red' : job.state === 'succeeded' ? 'teal' : 'indigo'}
              aria-label={t('farm.queue.progress')}
            />
            <Text size="sm" c="dimmed">
              {Math.round(percent)} %
              {active && live?.step != null && live.max != null
                ? ` · ${t('farm.queue.step', { step: live.step, max: live.max })}`
                : ''}
            </Text>
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} mt="md">
          <Fact label={t('farm.detail.submitted')} value={when(job.queuedAt, i18n.language)} />
          <Fact label={t('farm.detail.started')} value={when(job.startedAt, i18n.language)} />
          <Fact label={t('farm.detail.finished')} value={when(job.finishedAt, i18n.language)} />
          <Fact label={t('farm.detail.attemptsCount')} value={`${job.attemptCount} / ${job.maxAttempts}`} />
        </SimpleGrid>
      </Card>
      {job.state === 'unschedulable' && job.unschedulableReason && (
        <Alert color="orange" variant="light" title={t('farm.detail.unschedulable')}>
          {job.unschedulableReason}
        </Alert>
      )}
      {job.error && <JobErrorPanel error={job.error} />}
      <Section title={t('farm.detail.outputs')}>
        <JobOutputs jobId={job.id} outputs={job.outputs} />
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('farm.detail.parameters')}>
          <Parameters values={job.parameters} />
        </Section>
        <Section title={t('farm.detail.attempts')}>
          <Attempts attempts={job.attempts} />
        </Section>
      </SimpleGrid>
    </>
  )
}

function Parameters({ values }: { values: Record<string, unknown> }) {
  const { t } = useTranslation()
  const entries = Object.entries(values)
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('farm.detail.noParameters')}
      </Text>
    )
  return (
    <Table withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {entries.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={140} fw={500} c="dimmed">
              {name}
            </Table.Th>
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {typeof value === 'string' ? value : JSON.stringify(value)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function Attempts({ attempts }: { attempts: RenderJobDetail['attempts'] }) {
  const { t, i18n } = useTranslation()
  if (attempts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('farm.detail.noAttempts')}
      </Text>
    )
  return (
    <Table verticalSpacing={4} data-testid="attempts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('farm.detail.attempt')}</Table.Th>
          <Table.Th>{t('farm.queue.backend')}</Table.Th>
          <Table.Th>{t('farm.detail.outcome')}</Table.Th>
          <Table.Th>{t('farm.detail.started')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attempts.map((a) => (
          <Table.Tr key={a.number}>
            <Table.Td>{a.number}</Table.Td>
            <Table.Td>{a.backendName}</Table.Td>
            <Table.Td>
              {t(`farm.attemptOutcome.${a.outcome}`)}
              {a.error && (
                <Text size="xs" c="red" lineClamp={2}>
                  {a.error.message}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="xs">{when(a.startedAt ?? a.submittedAt, i18n.language)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  )
}
