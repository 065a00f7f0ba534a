// A project: its name and format above tabs for the shot table and the kanban board. The
// shot page opens inside the same frame. Keeps the project's realtime room joined.

import { canFollowProgress } from '@aipipeline/domain'
import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { Link, Outlet, useNavigate, useParams, useRouterState } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useProject } from './project-queries'
import { useProjectLive } from './use-project-live'

/** The frame of one project's pages. */
export function ProjectView() {
  const { projectId } = useParams({ from: '/signed-in/projects/$projectId' })
  const { t } = useTranslation()
  const navigate = useNavigate()
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  const project = useProject(projectId)
  useProjectLive(projectId)
  if (project.isError) return <Text c="red">{project.error.message}</Text>
  if (!project.data) return <Loader aria-label={t('app.loading')} />
  const p = project.data
  const tab = pathname.endsWith('/board')
    ? 'board'
    : pathname.endsWith('/dashboard')
      ? 'dashboard'
      : pathname.endsWith('/settings')
        ? 'settings'
        : pathname.endsWith('/reports')
          ? 'reports'
          : /\/(breakdown|characters\/[^/]+|assets\/[^/]+)$/.test(pathname)
            ? 'breakdown'
            : /\/shots\/[^/]+$/.test(pathname)
              ? 'shot'
              : 'shots'
  // Project settings are for its managers; the tab is not shown to roles the server refuses.
  const manages = p.myRole === 'admin' || p.myRole === 'manager'
  // Digests carry the whole project's activity and spend: for its managers and supervisors.
  const readsReports = manages || p.myRole === 'supervisor'
  const followsProgress = canFollowProgress({ role: p.myRole })
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="wrap">
          <Text component={Link} to="/projects" c="dimmed" size="sm">
            {t('projects.list.title')}
          </Text>
          <Text c="dimmed">/</Text>
          <Title order={2}>{p.name}</Title>
          <Badge variant="light">{p.code}</Badge>
          <Text size="sm" c="dimmed">
            {t('projects.view.format', { fps: p.fps, width: p.width, height: p.height, aspect: p.aspectRatio })}
          </Text>
        </Group>
        <Button
          renderRoot={(props) => <Link to="/review" search={{ project: projectId }} {...props} />}
          variant="default"
          size="xs"
          data-testid="project-playlists"
        >
          {t('playlists.section.projectLink')}
        </Button>
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value === 'shots') void navigate({ to: '/projects/$projectId/shots', params: { projectId } })
          if (value === 'board') void navigate({ to: '/projects/$projectId/board', params: { projectId } })
          if (value === 'breakdown') void navigate({ to: '/projects/$projectId/breakdown', params: { projectId } })
          if (value === 'dashboard') void navigate({ to: '/projects/$projectId/dashboard', params: { projectId } })
          if (value === 'settings') void navigate({ to: '/projects/$projectId/settings', params: { projectId } })
          if (value === 'reports') void navigate({ to: '/projects/$projectId/reports', params: { projectId } })
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="shots">{t('projects.view.shotTable')}</Tabs.Tab>
          <Tabs.Tab value="board">{t('projects.view.board')}</Tabs.Tab>
          <Tabs.Tab value="breakdown">{t('breakdown.tab')}</Tabs.Tab>
          {tab === 'shot' && <Tabs.Tab value="shot">{t('projects.view.shot')}</Tabs.Tab>}
          {readsReports && <Tabs.Tab value="reports">{t('reports.tab')}</Tabs.Tab>}
          {followsProgress && <Tabs.Tab value="dashboard">{t('dashboards.tab')}</Tabs.Tab>}
          {manages && <Tabs.Tab value="settings">{t('projects.view.settings')}</Tabs.Tab>}
        </Tabs.List>
      </Tabs>
      {p.archived && (
        <Alert color="gray" variant="light" py={6} data-testid="project-archived">
          {t('projectSetup.archive.banner')}
        </Alert>
      )}
      <Outlet />
    </Stack>
  )
}
