// The project list: every project the caller belongs to, each opening on its shot table.
import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useProjects } from './project-queries'

/** The Projects section's landing page. */
export function ProjectsPage() {
  const { t } = useTranslation()
  const projects = useProjects()
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t('projects.list.title')}</Title>
        <Text c="dimmed">{t('projects.list.subtitle')}</Text>
      </Stack>
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
              <Badge variant="light">{p.code}</Badge>
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
