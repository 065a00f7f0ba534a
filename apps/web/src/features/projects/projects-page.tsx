// The project list: every project the caller belongs to, each opening on its shot table.
import { productionRoutes } from '@aipipeline/contracts'
import { roleSatisfies } from '@aipipeline/domain'
import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../api/api-context'
import { useProjects } from './project-queries'
import { CreateProjectDialog } from './setup/create-project-dialog'

/** The Projects section's landing page. */
export function ProjectsPage() {
  const { t } = useTranslation()
  const [showArchived, setShowArchived] = useState(false)
  const [creating, setCreating] = useState(false)
  const projects = useProjects(showArchived)
  const role = useSession()?.user.role
  // Only roles the create route admits see the button (no refusals to discover by clicking).
  const mayCreate = roleSatisfies(productionRoutes.createProject.access, role)
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('projects.list.title')}</Title>
          <Text c="dimmed">{t('projects.list.subtitle')}</Text>
        </Stack>
        <Group gap="md">
          <Switch
            label={t('projectSetup.list.showArchived')}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          {mayCreate && <Button onClick={() => setCreating(true)}>{t('projectSetup.create.open')}</Button>}
        </Group>
      </Group>
      {mayCreate && <CreateProjectDialog opened={creating} onClose={() => setCreating(false)} />}
      {projects.isPending && <Loader aria-label={t('app.loading')} />}
      {projects.isError && <Text c="red">{projects.error.message}</Text>}
      {projects.data?.length === 0 && <Text c="dimmed">{t('projects.list.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {projects.data?.map((p) => (
          <Card
            key={p.id}
            withBorder
            padding="lg"
            renderRoot={(props) => <Link to="/projects/$projectId/shots" params={{ projectId: p.id }} {...props} />}
            aria-label={p.name}
          >
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{p.name}</Text>
              <Group gap={4}>
                {p.archived && (
                  <Badge variant="outline" color="gray">
                    {t('projectSetup.list.archived')}
                  </Badge>
                )}
                <Badge variant="light">{p.code}</Badge>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {t('projects.list.myRole', { role: t(`roles.${p.myRole}`) })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
