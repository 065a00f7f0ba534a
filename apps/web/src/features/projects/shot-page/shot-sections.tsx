// The shot page's lists: the comment thread, the tasks and the activity feed.
import type { Comment, Project, TaskDetail } from '@aipipeline/contracts'
import { activitySentence, sentenceLocale, withoutStatusComments } from '@aipipeline/domain'
import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useSession } from '../../../api/api-context'
import { TaskTimeFields } from '../../dashboards/task-time-fields'
import { activityNames } from '../activity/activity-names'
import { SentenceView } from '../activity/sentence-view'
import { useMembers, useShotActivity } from '../project-queries'
import { MarkdownView } from './markdown-view'

type C = z.infer<typeof Comment>
type Task = z.infer<typeof TaskDetail>

function StatusBadge({ project, statusId }: { project: Project; statusId: string | null }) {
  const status = project.statuses.find((s) => s.id === statusId)
  if (!status) return null
  return (
    <Badge color={status.color} variant="filled" size="sm">
      {status.name}
    </Badge>
  )
}

/** Comments of every task, newest first. */
export function CommentThread(props: { project: Project; comments: C[]; taskName: (taskId: string) => string }) {
  const { t, i18n } = useTranslation()
  const members = useMembers(props.project.id).data ?? []
  const name = (id: string) => members.find((m) => m.userId === id)?.displayName ?? '?'
  if (props.comments.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('projects.comments.none')}
      </Text>
    )
  return (
    <Stack gap="xs" data-testid="comment-thread">
      {props.comments.map((c) => (
        <Paper key={c.id} withBorder p="xs" data-testid="comment">
          <Group gap="xs" mb={4}>
            <Text size="sm" fw={600}>
              {name(c.authorId)}
            </Text>
            <Badge size="xs" variant="light">
              {props.taskName(c.taskId)}
            </Badge>
            {c.statusId && <StatusBadge project={props.project} statusId={c.statusId} />}
            <Text size="xs" c="dimmed" ml="auto">
              {new Date(c.createdAt).toLocaleString(i18n.language)}
            </Text>
          </Group>
          {c.text.trim() !== '' && <MarkdownView text={c.text} />}
        </Paper>
      ))}
    </Stack>
  )
}

/** The shot's tasks with status, people, priority, due date and retakes. */
export function TaskList(props: { project: Project; tasks: Task[] }) {
  const { t } = useTranslation()
  const members = useMembers(props.project.id).data ?? []
  const name = (id: string) => members.find((m) => m.userId === id)?.displayName ?? '?'
  const typeName = (id: string) => props.project.taskTypes.find((tt) => tt.id === id)?.name ?? id
  const me = useSession()?.user.id ?? ''
  const role = props.project.myRole
  const plans = !props.project.archived && (role === 'admin' || role === 'manager' || role === 'supervisor')
  return (
    <Table withTableBorder striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('projects.tasks.type')}</Table.Th>
          <Table.Th>{t('projects.tasks.status')}</Table.Th>
          <Table.Th>{t('projects.tasks.assignees')}</Table.Th>
          <Table.Th>{t('projects.tasks.due')}</Table.Th>
          <Table.Th>{t('projects.tasks.retakes')}</Table.Th>
          <Table.Th>
            {t('dashboards.task.estimate')} / {t('dashboards.task.timeSpent')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.tasks.map((task) => (
          <Table.Tr key={task.id}>
            <Table.Td>{typeName(task.taskTypeId)}</Table.Td>
            <Table.Td>
              <StatusBadge project={props.project} statusId={task.statusId} />
            </Table.Td>
            <Table.Td>{task.assigneeIds.map(name).join(', ') || '—'}</Table.Td>
            <Table.Td>{task.dueDate ?? '—'}</Table.Td>
            <Table.Td>{task.retakeCount}</Table.Td>
            <Table.Td>
              {/* Estimates are the studio's planning: shown to planners and to the task's own people. */}
              {plans || task.assigneeIds.includes(me) ? (
                <TaskTimeFields
                  taskId={task.id}
                  canPlan={plans}
                  canLog={plans || (!props.project.archived && task.assigneeIds.includes(me))}
                />
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** What happened on this shot, newest first, as sentences with names and links. */
export function ActivityFeed(props: {
  project: Project
  shot: { id: string; code: string; tasks: { id: string; taskTypeId: string }[] }
  comments: C[]
}) {
  const { t, i18n } = useTranslation()
  const projectId = props.project.id
  const members = useMembers(projectId).data ?? []
  const activity = withoutStatusComments(useShotActivity(projectId, props.shot.id).data ?? [])
  const names = activityNames({
    project: props.project,
    members,
    shots: [props.shot],
    tasks: props.shot.tasks.map((task) => ({ ...task, shotId: props.shot.id })),
    comments: props.comments,
  })
  const locale = sentenceLocale(i18n.language)
  if (activity.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('projects.activity.none')}
      </Text>
    )
  return (
    <Stack gap={4} data-testid="activity">
      {activity.map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="activity-entry">
          <Text size="xs" c="dimmed" w={150} style={{ flexShrink: 0 }}>
            {new Date(a.createdAt).toLocaleString(i18n.language)}
          </Text>
          <Text size="sm">
            <SentenceView sentence={activitySentence(a, names, locale)} projectId={projectId} />
          </Text>
        </Group>
      ))}
    </Stack>
  )
}
