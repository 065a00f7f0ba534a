// /farm/groups/$groupId: a render group's progress bar, counts per state, each job with its
// shot, variation, seed and sweep values, and the contact sheet of its outputs — live.
import type { RenderGroup } from '@aipipeline/contracts'
import type { RenderJobState } from '@aipipeline/domain'
import { Alert, Anchor, Badge, Group, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { Link, useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { JobStateBadge } from '../state-badges'
import { ContactSheet } from './contact-sheet'
import { renderErrorText, useRenderGroup, useRenderGroupLive } from './render-queries'

export function RenderGroupPage() {
  const { t } = useTranslation()
  const { groupId } = useParams({ from: '/signed-in/farm/groups/$groupId' })
  const group = useRenderGroup(groupId)
  const live = useRenderGroupLive(groupId, group.data?.jobs.map((j) => j.id) ?? [])
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/farm" size="sm">
        ← {t('render.group.back')}
      </Anchor>
      {group.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {group.isError && (
        <Alert color="red" variant="light">
          {t('render.group.loadFailed', { message: renderErrorText(group.error, t) })}
        </Alert>
      )}
      {group.data && <GroupView group={group.data} live={live} />}
    </Stack>
  )
}

const STATES: RenderJobState[] = ['queued', 'assigned', 'running', 'succeeded', 'failed', 'canceled', 'unschedulable']

function GroupView({ group, live }: { group: RenderGroup; live: Record<string, number> }) {
  const { t } = useTranslation()
  const done = group.counts.succeeded + group.counts.failed + group.counts.canceled
  // Running jobs move the bar between refetches.
  const moving = group.jobs.reduce((sum, j) => {
    if (j.state !== 'running') return sum
    return sum + Math.max(j.progress, (live[j.id] ?? 0) / 100) - j.progress
  }, 0)
  const percent = Math.min(100, (group.progress + moving / Math.max(1, group.total)) * 100)
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>
            {t('render.group.heading', { name: group.name, count: new Set(group.jobs.map((j) => j.shotId)).size })}
          </Title>
          <Text c="dimmed" size="sm" data-testid="group-progress-text">
            {t('render.group.progress', { done, total: group.total })}
          </Text>
        </div>
        {group.finished && (
          <Badge color="teal" size="lg" data-testid="group-finished">
            {t('render.group.finished')}
          </Badge>
        )}
      </Group>
      <Progress
        value={percent}
        size="lg"
        animated={!group.finished}
        aria-label={t('render.group.title')}
        data-testid="group-progress"
      />
      <Group gap="xs">
        {STATES.filter((s) => group.counts[s] > 0).map((s) => (
          <Group key={s} gap={4}>
            <JobStateBadge state={s} />
            <Text size="sm">{group.counts[s]}</Text>
          </Group>
        ))}
      </Group>
      <Title order={4}>{t('render.group.contactSheet')}</Title>
      {group.jobs.some((j) => j.outputs.length > 0) ? (
        <ContactSheet group={group} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('render.group.noOutputs')}
        </Text>
      )}
      <Title order={4}>{t('render.group.jobs')}</Title>
      <Table striped data-testid="group-jobs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('render.group.shot')}</Table.Th>
            <Table.Th>{t('render.group.variation')}</Table.Th>
            <Table.Th>{t('render.group.seed')}</Table.Th>
            <Table.Th>{t('render.group.values')}</Table.Th>
            <Table.Th>{t('render.group.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.jobs.map((j) => (
            <Table.Tr key={j.id} data-state={j.state}>
              <Table.Td>
                <Anchor
                  size="sm"
                  renderRoot={(props) => <Link to="/farm/jobs/$jobId" params={{ jobId: j.id }} {...props} />}
                >
                  {j.shotCode ?? j.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{j.variation === null ? '—' : t('render.group.variationN', { n: j.variation + 1 })}</Table.Td>
              <Table.Td>{j.seed ?? '—'}</Table.Td>
              <Table.Td>
                {Object.entries(j.sweep)
                  .map(([k, v]) => `${k}=${String(v)}`)
                  .join(' · ') || '—'}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <JobStateBadge state={j.state} />
                  {j.state === 'running' && (
                    <Progress value={Math.max(j.progress * 100, live[j.id] ?? 0)} w={80} size="sm" />
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}

/** A link from a job to the render group it belongs to. */
export function RenderGroupLink({ groupId }: { groupId: string }) {
  const { t } = useTranslation()
  return (
    <Anchor
      size="xs"
      renderRoot={(props) => <Link to="/farm/groups/$groupId" params={{ groupId }} {...props} />}
      data-testid="render-group-link"
    >
      {t('render.group.open')}
    </Anchor>
  )
}
