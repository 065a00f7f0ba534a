// The header's notification bell: unread count, the newest notifications, live arrivals on
// the caller's own room (`user:<id>`, joined by the server on connect).
import { type Notification, productionRoutes } from '@aipipeline/contracts'
import { notificationSentence, sentenceLocale } from '@aipipeline/domain'
import { ActionIcon, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { useServerEvent } from '../../../api/realtime-context'
import { activityNames } from '../activity/activity-names'
import { SentenceView } from '../activity/sentence-view'
import { projectKeys, useMembers, useProject, useShot, useTask } from '../project-queries'

type Item = z.infer<typeof Notification>

function NotificationRow({ item, onOpen }: { item: Item; onOpen: (item: Item) => void }) {
  const { i18n } = useTranslation()
  const members = useMembers(item.projectId).data ?? []
  const project = useProject(item.projectId).data
  // The task names the shot and the task type; both are cached for the next rows.
  const task = useTask(item.taskId ?? '', { enabled: item.taskId !== null })
  const shot = useShot(task.data?.shotId ?? '', { enabled: task.data !== undefined })
  const names = activityNames({
    project,
    members,
    shots: shot.data ? [shot.data] : [],
    tasks: task.data ? [task.data] : [],
  })
  const sentence = notificationSentence(item, names, sentenceLocale(i18n.language))
  return (
    <UnstyledButton onClick={() => onOpen(item)} p={6} style={{ borderRadius: 4 }} data-testid="notification">
      <Text size="sm" fw={item.read ? 400 : 500}>
        <SentenceView sentence={sentence} projectId={item.projectId} links={false} />
      </Text>
      <Text size="xs" c="dimmed">
        {new Date(item.createdAt).toLocaleString(i18n.language)}
      </Text>
    </UnstyledButton>
  )
}

/** The bell with its popover list. */
export function NotificationBell() {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [opened, setOpened] = useState(false)
  const list = useQuery({
    queryKey: projectKeys.notifications,
    queryFn: async () => (await api.call(productionRoutes.listNotifications, { query: { unread: 'false' } })).items,
  })
  useServerEvent('notification:new', (n) => {
    queryClient.setQueryData<Item[]>(projectKeys.notifications, (cur) => [
      n,
      ...(cur ?? []).filter((x) => x.id !== n.id),
    ])
  })
  const items = list.data ?? []
  const unread = items.filter((n) => !n.read)

  const toggle = () => {
    const next = !opened
    setOpened(next)
    if (!next || unread.length === 0) return
    const ids = unread.map((n) => n.id).slice(0, 500)
    api
      .callNoContent(productionRoutes.markNotificationsRead, { body: { ids } })
      .then(() =>
        queryClient.setQueryData<Item[]>(projectKeys.notifications, (cur) =>
          (cur ?? []).map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)),
        ),
      )
      .catch(() => {
        // Still unread on the server; the badge stays and the next open tries again.
      })
  }

  const open = async (item: Item) => {
    setOpened(false)
    if (item.taskId === null) return
    const task = await api.call(productionRoutes.getTask, { params: { taskId: item.taskId } }).catch(() => null)
    if (task)
      void navigate({
        to: '/projects/$projectId/shots/$shotId',
        params: { projectId: item.projectId, shotId: task.shotId },
      })
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} withinPortal shadow="md">
      <Popover.Target>
        <Indicator
          label={unread.length}
          size={16}
          disabled={unread.length === 0}
          offset={4}
          data-testid="notification-count"
        >
          <ActionIcon
            variant="default"
            size="lg"
            onClick={toggle}
            aria-label={t('projects.notifications.open', { count: unread.length })}
          >
            <svg
              width="18"
              height="18"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Text fw={600} size="sm" mb={4}>
          {t('projects.notifications.title')}
        </Text>
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('projects.notifications.empty')}
          </Text>
        )}
        <ScrollArea.Autosize mah={360}>
          <Stack gap={2}>
            {items.slice(0, 30).map((n) => (
              <NotificationRow key={n.id} item={n} onOpen={open} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  )
}
