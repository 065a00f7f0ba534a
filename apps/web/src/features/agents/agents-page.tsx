import type { AgentRunSummary } from '@aipipeline/contracts'
import { access, roleSatisfies } from '@aipipeline/domain'
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../api/api-context'
import { NotForRole } from '../../components/not-for-role'
import { formatMicros } from '../settings/models/money'
import { agentKeys, useAgentRuns, useProjectsForAgents } from './agent-queries'
import { applyRunEvent } from './apply-run-event'
import { useDurationText } from './duration-text'
import { isActive, RUN_STATUS_COLOR } from './run-format'
import { useProjectRoomEvents } from './use-project-room-events'

/** Agent runs, newest first, with live progress; the way into the script import wizard. */
export function AgentsPage() {
  const { t } = useTranslation()
  const role = useSession()?.user.role
  // The run list is for managers (of each run's project); supervisors use the import wizard only.
  const canList = role !== undefined && roleSatisfies(access.atLeast('manager'), role)
  // The page is the way into the screenplay import, which is for supervisors and above.
  const canImport = role !== undefined && roleSatisfies(access.atLeast('supervisor'), role)
  const runs = useAgentRuns(canList)
  const projects = useProjectsForAgents()
  const queryClient = useQueryClient()
  const projectName = new Map((projects.data ?? []).map((p) => [p.id, p.name]))

  useProjectRoomEvents(
    (projects.data ?? []).map((p) => p.id),
    {
      'agent-run:update': (e) => {
        let refetch = false
        queryClient.setQueryData<AgentRunSummary[]>(agentKeys.runs, (list) => {
          if (!list) return list
          const applied = applyRunEvent(list, e)
          refetch = applied.refetch
          return applied.list
        })
        if (refetch) void queryClient.invalidateQueries({ queryKey: agentKeys.runs })
      },
    },
  )

  if (!canImport) return <NotForRole />
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('agents.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('agents.subtitle')}
          </Text>
        </div>
        <Button renderRoot={(props) => <Link to="/agents/import" {...props} />}>{t('agents.runs.importScript')}</Button>
      </Group>
      {canList && (
        <Card withBorder padding="md">
          <Title order={3} size="h4" mb="sm">
            {t('agents.runs.title')}
          </Title>
          {runs.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
          {runs.isError && (
            <Alert color="red" variant="light">
              {t('agents.loadFailed', { message: runs.error.message })}
            </Alert>
          )}
          {runs.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('agents.runs.empty')}
            </Text>
          )}
          {runs.data && runs.data.length > 0 && (
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="xs" highlightOnHover aria-label={t('agents.runs.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('agents.runs.agent')}</Table.Th>
                    <Table.Th>{t('agents.runs.project')}</Table.Th>
                    <Table.Th w={200}>{t('agents.runs.status')}</Table.Th>
                    <Table.Th ta="right">{t('agents.runs.cost')}</Table.Th>
                    <Table.Th>{t('agents.runs.started')}</Table.Th>
                    <Table.Th>{t('agents.runs.duration')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {runs.data.map((run) => (
                    <RunRow key={run.id} run={run} project={projectName.get(run.projectId) ?? run.projectId} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  )
}

function RunRow({ run, project }: { run: AgentRunSummary; project: string }) {
  const { t, i18n } = useTranslation()
  const durationText = useDurationText()
  return (
    <Table.Tr data-testid="run-row" data-status={run.status}>
      <Table.Td maw={300}>
        <Anchor
          renderRoot={(props) => <Link to="/agents/runs/$runId" params={{ runId: run.id }} {...props} />}
          size="sm"
          fw={500}
        >
          {t(`agents.pipeline.${run.pipeline}`)}
        </Anchor>
        <Text size="xs" c="dimmed" truncate>
          {run.label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{project}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          <Badge variant="light" color={RUN_STATUS_COLOR[run.status]}>
            {t(`agents.status.${run.status}`)}
          </Badge>
          {run.decision && (
            <Badge variant="outline" color="gray">
              {t(`agents.decision.${run.decision}`)}
            </Badge>
          )}
        </Group>
        {isActive(run.status) && (
          <>
            <Progress value={run.progress} size="sm" mt={4} animated aria-label={t('agents.run.progress')} />
            {run.progressMessage && (
              <Text size="xs" c="dimmed" truncate>
                {run.progressMessage}
              </Text>
            )}
          </>
        )}
        {run.status === 'failed' && run.error && (
          <Text size="xs" c="red" lineClamp={2}>
            {run.error.message}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{formatMicros(run.usage.costMicros, i18n.language)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{new Date(run.createdAt).toLocaleString(i18n.language)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{durationText(run.createdAt, run.finishedAt) ?? '—'}</Text>
      </Table.Td>
    </Table.Tr>
  )
}
