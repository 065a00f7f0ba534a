// The "New project" dialog: code, name, where the configuration comes from (a template,
// another project, or the defaults), the format and the naming templates. Creating opens the
// new project's shot table.
import { productionRoutes } from '@aipipeline/contracts'
import { NAMING_TEMPLATE_NAMES, PROJECT_TEMPLATE_IDS, type ProjectTemplateId } from '@aipipeline/domain'
import {
  Accordion,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { projectKeys, useProjects } from '../project-queries'
import { MONO } from './mono-input'
import {
  aspectOf,
  createProjectRequest,
  emptyProjectForm,
  FPS_CHOICES,
  type ProjectForm,
  projectFormProblems,
  withSource,
} from './project-form'
import { setupErrorText } from './setup-errors'

const isTemplate = (v: string | null): v is ProjectTemplateId => PROJECT_TEMPLATE_IDS.some((id) => id === v)

/** A modal that creates a project. */
export function CreateProjectDialog(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const projects = useProjects()
  const [form, setForm] = useState<ProjectForm>(emptyProjectForm)
  const [touched, setTouched] = useState(false)
  const problems = projectFormProblems(form)
  const create = useMutation({
    mutationFn: () => api.call(productionRoutes.createProject, { body: createProjectRequest(form) }),
    onSuccess: async (project) => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.list })
      props.onClose()
      setForm(emptyProjectForm())
      setTouched(false)
      void navigate({ to: '/projects/$projectId/shots', params: { projectId: project.id } })
    },
  })
  const set = (patch: Partial<ProjectForm>) => setForm((f) => ({ ...f, ...patch }))
  const problem = (field: keyof typeof problems) => {
    const key = problems[field]
    return touched && key ? t(`projectSetup.problems.${key}`) : undefined
  }
  const submit = () => {
    setTouched(true)
    if (Object.keys(problems).length === 0) create.mutate()
  }
  const source = form.source
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('projectSetup.create.title')} size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label={t('projectSetup.create.code')}
            description={t('projectSetup.create.codeHint')}
            value={form.code}
            onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
            error={problem('code')}
            required
            data-autofocus
          />
          <TextInput
            label={t('projectSetup.create.name')}
            value={form.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={problem('name')}
            required
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('projectSetup.create.startFrom')}
          </Text>
          <SegmentedControl
            value={source.kind}
            onChange={(kind) =>
              setForm((f) =>
                withSource(
                  f,
                  kind === 'template'
                    ? { kind, template: 'film' }
                    : kind === 'copy'
                      ? { kind, projectId: '' }
                      : { kind: 'blank' },
                ),
              )
            }
            data={[
              { value: 'template', label: t('projectSetup.create.fromTemplate') },
              { value: 'copy', label: t('projectSetup.create.fromProject') },
              { value: 'blank', label: t('projectSetup.create.blank') },
            ]}
          />
        </Stack>
        {source.kind === 'template' && (
          <Select
            label={t('projectSetup.create.template')}
            description={t(`projectSetup.templates.${source.template}Hint`)}
            data={PROJECT_TEMPLATE_IDS.map((id) => ({ value: id, label: t(`projectSetup.templates.${id}`) }))}
            value={source.template}
            onChange={(v) => isTemplate(v) && setForm((f) => withSource(f, { kind: 'template', template: v }))}
            allowDeselect={false}
          />
        )}
        {source.kind === 'copy' && (
          <Select
            label={t('projectSetup.create.copyFrom')}
            description={t('projectSetup.create.copyHint')}
            data={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
            value={source.projectId || null}
            onChange={(v) => set({ source: { kind: 'copy', projectId: v ?? '' } })}
            error={problem('source')}
            searchable
          />
        )}
        <Text size="sm" fw={500}>
          {t('projectSetup.create.format')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Select
            label={t('projectSetup.create.fps')}
            data={FPS_CHOICES.map((f) => String(f))}
            value={String(form.fps)}
            onChange={(v) => v && set({ fps: Number(v) })}
            allowDeselect={false}
          />
          <NumberInput
            label={t('projectSetup.create.width')}
            value={form.width}
            min={16}
            max={16384}
            onChange={(v) => {
              const width = Number(v) || 0
              set({ width, aspectRatio: aspectOf(width, form.height) })
            }}
          />
          <NumberInput
            label={t('projectSetup.create.height')}
            value={form.height}
            min={16}
            max={16384}
            onChange={(v) => {
              const height = Number(v) || 0
              set({ height, aspectRatio: aspectOf(form.width, height) })
            }}
          />
          <TextInput
            label={t('projectSetup.create.aspectRatio')}
            value={form.aspectRatio}
            onChange={(e) => set({ aspectRatio: e.currentTarget.value })}
          />
          <NumberInput
            label={t('projectSetup.create.startFrame')}
            value={form.startFrame}
            min={0}
            onChange={(v) => set({ startFrame: Number(v) || 0 })}
          />
        </SimpleGrid>
        <Accordion variant="contained">
          <Accordion.Item value="naming">
            <Accordion.Control>{t('projectSetup.create.naming')}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="xs" c="dimmed">
                  {t('projectSetup.create.namingHint')}
                </Text>
                {NAMING_TEMPLATE_NAMES.map((name) => (
                  <TextInput
                    key={name}
                    size="xs"
                    label={t(`projectSetup.naming.names.${name}`)}
                    value={form.namingTemplates[name] ?? ''}
                    onChange={(e) =>
                      set({ namingTemplates: { ...form.namingTemplates, [name]: e.currentTarget.value } })
                    }
                    styles={MONO}
                  />
                ))}
                {problem('naming') && (
                  <Text size="xs" c="red">
                    {problem('naming')}
                  </Text>
                )}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        {create.error && (
          <Alert color="red" role="alert">
            {t('projectSetup.create.failed', {
              message: setupErrorText(create.error, t, t('projectSetup.create.codeTaken')),
            })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('projectSetup.common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            {t('projectSetup.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
