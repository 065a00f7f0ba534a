import { type LlmBudget, llmRoutes, type ProjectSummary } from '@aipipeline/contracts'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Progress,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { useProjectRoomEvents } from '../../agents/use-project-room-events'
import { llmKeys, useBudgets, useInvalidateLlm, useProjectList } from './llm-queries'
import { dollarsToMicros, formatMicros, microsToDollarText } from './money'

type Project = z.output<typeof ProjectSummary>
const STATE_COLOR = { ok: 'teal', alert: 'yellow', exceeded: 'red', overridden: 'grape' } as const

/** The budgets are kept per calendar month in UTC, as the ledger counts spend. */
function currentMonth(): string {
  return new Date().toISOString().slice(0, 7)
}

/** Monthly budget per project with its 80 % / 100 % state; override for admins only. */
export function BudgetsCard({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation()
  const [month, setMonth] = useState(currentMonth)
  const projects = useProjectList()
  const budgets = useBudgets(month)
  const queryClient = useQueryClient()
  const [notice, setNotice] = useState<string | null>(null)
  const byProject = new Map((budgets.data ?? []).map((b) => [b.projectId, b]))
  // Budgets are for the managers of each project (and admins): other projects' rows would only meet 403s.
  const projectList = (projects.data ?? []).filter((p) => p.myRole === 'admin' || p.myRole === 'manager')

  useProjectRoomEvents(
    projectList.map((p) => p.id),
    {
      'llm:budget-alert': (e) => {
        const name = projectList.find((p) => p.id === e.projectId)?.name ?? e.projectId
        setNotice(t('settings.models.budgets.alertNotice', { project: name, percent: e.percent, month: e.month }))
        void queryClient.invalidateQueries({ queryKey: llmKeys.budgets(e.month) })
      },
    },
  )

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={3} size="h4">
            {t('settings.models.budgets.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.models.budgets.description')}
          </Text>
        </div>
        <TextInput
          type="month"
          size="xs"
          label={t('settings.models.budgets.month')}
          value={month}
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.currentTarget.value) && setMonth(e.currentTarget.value)}
        />
      </Group>
      {notice && (
        <Alert
          color="yellow"
          variant="light"
          mb="sm"
          withCloseButton
          onClose={() => setNotice(null)}
          data-testid="budget-alert"
        >
          {notice}
        </Alert>
      )}
      {(projects.isPending || budgets.isPending) && <Loader size="sm" aria-label={t('app.loading')} />}
      {(projects.error ?? budgets.error) && (
        <Alert color="red" variant="light">
          {t('settings.models.loadFailed', { message: (projects.error ?? budgets.error)?.message })}
        </Alert>
      )}
      {projects.data !== undefined && projectList.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.models.budgets.noProjects')}
        </Text>
      )}
      {projectList.length > 0 && budgets.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" aria-label={t('settings.models.budgets.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.models.budgets.project')}</Table.Th>
                <Table.Th w={220}>{t('settings.models.budgets.limit')}</Table.Th>
                <Table.Th w={220}>{t('settings.models.budgets.spent')}</Table.Th>
                <Table.Th>{t('settings.models.budgets.state')}</Table.Th>
                <Table.Th>{t('settings.models.budgets.override')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {projectList.map((p) => (
                <BudgetRow
                  key={`${p.id}-${month}`}
                  project={p}
                  month={month}
                  budget={byProject.get(p.id)}
                  isAdmin={isAdmin}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}

function BudgetRow(props: { project: Project; month: string; budget: LlmBudget | undefined; isAdmin: boolean }) {
  const { project, month, budget, isAdmin } = props
  const { t, i18n } = useTranslation()
  const api = useApi()
  const invalidate = useInvalidateLlm()
  const [limit, setLimit] = useState(budget ? microsToDollarText(budget.limitMicros) : '')
  const [invalid, setInvalid] = useState(false)
  const save = useMutation({
    mutationFn: (body: { limitMicros: number; override?: boolean }) =>
      api.call(llmRoutes.upsertLlmBudget, { body: { projectId: project.id, month, ...body } }),
    onSettled: () => invalidate(),
  })
  const submit = () => {
    const micros = dollarsToMicros(limit)
    setInvalid(micros === null)
    if (micros !== null) save.mutate({ limitMicros: micros })
  }
  const percent = budget ? Math.min(100, budget.percent) : 0
  const overrideSwitch = (
    <Switch
      aria-label={t('settings.models.budgets.override')}
      checked={budget?.override ?? false}
      disabled={!isAdmin || !budget || save.isPending}
      onChange={(e) => budget && save.mutate({ limitMicros: budget.limitMicros, override: e.currentTarget.checked })}
    />
  )
  return (
    <Table.Tr data-testid="budget-row" data-project={project.code} data-state={budget?.state ?? 'none'}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {project.name}
        </Text>
        <Text size="xs" c="dimmed">
          {project.code}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            w={110}
            leftSection="$"
            aria-label={t('settings.models.budgets.limit')}
            placeholder={t('settings.models.budgets.noBudget')}
            value={limit}
            error={invalid ? t('settings.models.budgets.invalid') : save.error?.message}
            onChange={(e) => setLimit(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && submit()}
          />
          <Button size="compact-xs" variant="light" loading={save.isPending} onClick={submit}>
            {t('settings.models.budgets.set')}
          </Button>
        </Group>
      </Table.Td>
      <Table.Td>
        {budget ? (
          <>
            <Text size="xs">
              {formatMicros(budget.spentMicros, i18n.language)} / {formatMicros(budget.limitMicros, i18n.language)} ·{' '}
              {Math.round(budget.percent)} %
            </Text>
            <Progress
              value={percent}
              color={STATE_COLOR[budget.state]}
              size="sm"
              mt={4}
              aria-label={t('settings.models.budgets.spent')}
            />
          </>
        ) : (
          <Text size="xs" c="dimmed">
            {t('settings.models.budgets.noBudget')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {budget && (
          <Badge variant="light" color={STATE_COLOR[budget.state]} data-testid="budget-state">
            {t(`settings.models.budgets.states.${budget.state}`)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {isAdmin ? (
          overrideSwitch
        ) : (
          <Tooltip label={t('settings.models.budgets.overrideAdminOnly')} multiline w={240}>
            <span>{overrideSwitch}</span>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
