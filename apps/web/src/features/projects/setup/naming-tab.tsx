// The naming convention: the project's templates, edited with a live preview of a real shot's
// folders and files (pick the shot and the task type) and the reverse parser's reading of a
// pasted path. Both run the domain's template engine in the browser on the unsaved edits.
import { type Project, productionRoutes } from '@aipipeline/contracts'
import { NAMING_TEMPLATE_NAMES, type NamingTemplateName } from '@aipipeline/domain'
import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { useBreakdown } from '../project-queries'
import { MONO } from './mono-input'
import { editedSet, parseWithAll, previewValues, renderAll } from './naming-preview'
import { useConfigChange } from './use-config-change'

/** The Naming convention tab of the project settings. */
export function NamingTab({ project, readOnly }: { project: Project; readOnly: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const projectId = project.id
  const [edits, setEdits] = useState<Partial<Record<NamingTemplateName, string>>>(() => ({
    ...project.namingTemplates,
  }))
  const [shotId, setShotId] = useState<string | null>(null)
  const [taskTypeId, setTaskTypeId] = useState<string | null>(project.taskTypes[0]?.id ?? null)
  const [pasted, setPasted] = useState('')
  const breakdown = useBreakdown(projectId)
  const shots = useQuery({
    queryKey: ['project', projectId, 'naming-shots'],
    queryFn: async () =>
      (await api.call(productionRoutes.listShots, { params: { projectId }, query: { limit: 200 } })).items,
  })
  const save = useConfigChange(projectId, (namingTemplates: Partial<Record<NamingTemplateName, string>>) =>
    api.call(productionRoutes.updateProject, { params: { projectId }, body: { namingTemplates } }),
  )
  const set = useMemo(() => editedSet(edits), [edits])
  const shot = shots.data?.find((s) => s.id === shotId) ?? shots.data?.[0]
  const sequence = breakdown.data?.sequences.find((s) => s.id === shot?.sequenceId)
  const task = project.taskTypes.find((tt) => tt.id === taskTypeId) ?? project.taskTypes[0]
  const values = previewValues({
    project: project.code,
    sequence: sequence?.code ?? 'SQ010',
    shot: shot?.code ?? 'SH0010',
    task: task?.name ?? 'Layout',
  })
  const rendered = renderAll(set, values)
  const parsed = parseWithAll(set, pasted)
  const invalid = rendered.some((r) => r.error !== null && !r.error.includes('no value'))
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Stack gap="xs">
        <Title order={5}>{t('projectSetup.naming.templates')}</Title>
        <Text size="xs" c="dimmed">
          {t('projectSetup.naming.syntax')}
        </Text>
        {NAMING_TEMPLATE_NAMES.map((name) => {
          const problem = rendered.find((r) => r.name === name)?.error
          return (
            <TextInput
              key={name}
              label={t(`projectSetup.naming.names.${name}`)}
              value={edits[name] ?? ''}
              disabled={readOnly}
              styles={MONO}
              onChange={(e) => setEdits({ ...edits, [name]: e.currentTarget.value })}
              error={problem ? t('projectSetup.naming.invalid', { message: problem }) : undefined}
            />
          )
        })}
        {save.errorText && (
          <Alert color="red" role="alert">
            {save.errorText}
          </Alert>
        )}
        <Group>
          <Button disabled={readOnly || invalid} loading={save.isPending} onClick={() => save.mutate(edits)}>
            {t('projectSetup.naming.save')}
          </Button>
          {save.isSuccess && (
            <Text size="sm" c="teal">
              {t('projectSetup.general.saved')}
            </Text>
          )}
        </Group>
      </Stack>
      <Stack gap="md">
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Title order={5}>{t('projectSetup.naming.preview')}</Title>
            <Group grow>
              <Select
                size="xs"
                label={t('projectSetup.naming.previewShot')}
                data={(shots.data ?? []).map((s) => ({ value: s.id, label: s.code }))}
                value={shot?.id ?? null}
                onChange={setShotId}
                searchable
                allowDeselect={false}
              />
              <Select
                size="xs"
                label={t('projectSetup.naming.previewTask')}
                data={project.taskTypes.map((tt) => ({ value: tt.id, label: tt.name }))}
                value={task?.id ?? null}
                onChange={setTaskTypeId}
                allowDeselect={false}
              />
            </Group>
            {shots.data?.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('projectSetup.naming.noShots')}
              </Text>
            )}
            <Table withRowBorders={false} verticalSpacing={2} data-testid="naming-preview">
              <Table.Tbody>
                {rendered.map((r) => (
                  <Table.Tr key={r.name}>
                    <Table.Td w={130}>
                      <Text size="xs" c="dimmed">
                        {t(`projectSetup.naming.names.${r.name}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.path ? (
                        <Code>{r.path}</Code>
                      ) : (
                        <Text size="xs" c="red">
                          {r.error}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Paper>
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Title order={5}>{t('projectSetup.naming.parse')}</Title>
            <TextInput
              size="xs"
              styles={MONO}
              label={t('projectSetup.naming.parsePath')}
              placeholder={rendered.find((r) => r.name === 'versionFolder')?.path ?? ''}
              value={pasted}
              onChange={(e) => setPasted(e.currentTarget.value)}
            />
            <div data-testid="naming-parse">
              {pasted.trim() !== '' && parsed.length === 0 && (
                <Text size="sm" c="orange">
                  {t('projectSetup.naming.parseNone')}
                </Text>
              )}
              {parsed.map((m) => (
                <Stack key={m.name} gap={2} mb="xs">
                  <Text size="sm" fw={500}>
                    {t('projectSetup.naming.parseMatch', { template: t(`projectSetup.naming.names.${m.name}`) })}
                  </Text>
                  <Group gap="xs">
                    {Object.entries(m.tokens).map(([k, v]) => (
                      <Code key={k}>
                        {k} = {String(v)}
                      </Code>
                    ))}
                  </Group>
                </Stack>
              ))}
            </div>
          </Stack>
        </Paper>
      </Stack>
    </SimpleGrid>
  )
}
