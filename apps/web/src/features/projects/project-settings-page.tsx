// A project's settings for its managers, in tabs: general (name, format, clients, archive),
// statuses, task types, custom fields, the naming convention and the team (members, project
// roles, departments). Other roles never reach it
// (the tab is hidden and the server refuses them). An archived project shows its settings
// read-only, with only the unarchive button enabled.
import { Stack, Tabs } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NotForRole } from '../../components/not-for-role'
import { ProjectDepartmentsCard } from '../people/project-departments-card'
import { ProjectMembersPanel } from '../people/project-members-panel'
import { useProject } from './project-queries'
import { CustomFieldsTab } from './setup/custom-fields-tab'
import { GeneralTab } from './setup/general-tab'
import { NamingTab } from './setup/naming-tab'
import { StatusesTab } from './setup/statuses-tab'
import { TaskTypesTab } from './setup/task-types-tab'

const TABS = ['general', 'members', 'statuses', 'taskTypes', 'customFields', 'naming'] as const
type Tab = (typeof TABS)[number]
const isTab = (v: string | null): v is Tab => TABS.some((t) => t === v)

/** Settings of one project (managers and admins). */
export function ProjectSettingsPage({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const project = useProject(projectId)
  const [tab, setTab] = useState<Tab>('general')
  if (!project.data) return null
  // Reached by a typed link: other roles would only meet the server's refusal on save.
  const p = project.data
  if (p.myRole !== 'admin' && p.myRole !== 'manager') return <NotForRole />
  const readOnly = p.archived
  return (
    <Tabs value={tab} onChange={(v) => isTab(v) && setTab(v)} variant="pills" keepMounted={false}>
      <Tabs.List mb="md">
        {TABS.map((id) => (
          <Tabs.Tab key={id} value={id}>
            {id === 'members' ? t('people.members.tab') : t(`projectSetup.tabs.${id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="general">
        <GeneralTab project={p} />
      </Tabs.Panel>
      <Tabs.Panel value="members">
        <Stack gap="lg">
          <ProjectMembersPanel projectId={projectId} />
          <ProjectDepartmentsCard projectId={projectId} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="statuses">
        <StatusesTab project={p} readOnly={readOnly} />
      </Tabs.Panel>
      <Tabs.Panel value="taskTypes">
        <TaskTypesTab project={p} readOnly={readOnly} />
      </Tabs.Panel>
      <Tabs.Panel value="customFields">
        <CustomFieldsTab project={p} readOnly={readOnly} />
      </Tabs.Panel>
      <Tabs.Panel value="naming">
        <NamingTab project={p} readOnly={readOnly} />
      </Tabs.Panel>
    </Tabs>
  )
}
