// A project's settings for its managers: whether clients see how versions were generated,
// and the team (members, project roles, departments). Other roles never reach it (the tab is
// hidden and the server refuses them).
import { productionRoutes } from '@aipipeline/contracts'
import { Card, Stack, Switch, Tabs, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { apiErrorText } from '../../api/error-text'
import { NotForRole } from '../../components/not-for-role'
import { ProjectDepartmentsCard } from '../people/project-departments-card'
import { ProjectMembersPanel } from '../people/project-members-panel'
import { projectKeys, useProject } from './project-queries'

/** Settings of one project (managers and admins). */
export function ProjectSettingsPage({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const project = useProject(projectId)
  const save = useMutation({
    mutationFn: (showGenerationDetailsToClients: boolean) =>
      api.call(productionRoutes.updateProject, { params: { projectId }, body: { showGenerationDetailsToClients } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.project(projectId) }),
  })
  if (!project.data) return null
  // Reached by a typed link: other roles would only meet the server's refusal on save.
  const { myRole } = project.data
  if (myRole !== 'admin' && myRole !== 'manager') return <NotForRole />
  return (
    <Tabs defaultValue="settings" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="settings">{t('people.members.settingsTab')}</Tabs.Tab>
        <Tabs.Tab value="members">{t('people.members.tab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="settings">
        <Card withBorder>
          <Stack gap="sm">
            <Title order={4}>{t('projects.settings.clientsTitle')}</Title>
            <Switch
              checked={project.data.showGenerationDetailsToClients}
              disabled={save.isPending}
              onChange={(e) => save.mutate(e.currentTarget.checked)}
              label={t('projects.settings.showGenerationDetails')}
              description={t('projects.settings.showGenerationDetailsHint')}
            />
            {save.error && (
              <Text size="sm" c="red" role="alert">
                {t('projects.settings.saveFailed', { message: apiErrorText(save.error, t) })}
              </Text>
            )}
          </Stack>
        </Card>
      </Tabs.Panel>
      <Tabs.Panel value="members">
        <Stack gap="lg">
          <ProjectMembersPanel projectId={projectId} />
          <ProjectDepartmentsCard projectId={projectId} />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  )
}
