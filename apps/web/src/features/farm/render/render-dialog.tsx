// The Render dialog, opened from the shot page and from the shot table's selection: pick the
// task type, a template (by category, with its model family and outputs) and variations; read
// and edit each shot's final prompt; optionally sweep parameters; submit one job group and
// follow it on the group page.
import { farmRoutes, type Project, type WorkflowTemplate } from '@aipipeline/contracts'
import { TARGET_MODELS } from '@aipipeline/cpe'
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Tabs,
  Text,
} from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../../../api/api-context'
import { farmKeys, useTemplates } from '../farm-queries'
import { jobCount, type RenderShot, renderableTasks, rendersFromShot } from './render-plan'
import { type PromptEdits, RenderPreviewList } from './render-preview-list'
import { renderErrorText, useRenderPreview } from './render-queries'
import { type SweepAxisDraft, SweepEditor, sweepOf } from './sweep-editor'

interface Props {
  opened: boolean
  onClose(): void
  project: Project
  shots: readonly RenderShot[]
}

/** The task type to start on: Keyframe where the shots have one, else the first they have. */
function initialTaskType(project: Project, shots: readonly RenderShot[]): string | null {
  const present = new Set(shots.flatMap((s) => s.tasks.map((task) => task.taskTypeId)))
  const types = project.taskTypes.filter((tt) => present.has(tt.id))
  return (types.find((tt) => tt.name === 'Keyframe') ?? types[0])?.id ?? null
}

export function RenderDialog(props: Props) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('render.title', { count: props.shots.length })}
      size="xl"
      data-testid="render-dialog"
    >
      {props.opened && <RenderForm {...props} />}
    </Modal>
  )
}

function RenderForm({ onClose, project, shots }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const session = useSession()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const templates = useTemplates(true)
  const usable = (templates.data ?? []).filter(rendersFromShot)
  const [taskTypeId, setTaskTypeId] = useState(() => initialTaskType(project, shots))
  const [templateId, setTemplateId] = useState<string | null>(null)
  const [variations, setVariations] = useState(1)
  const [seedMode, setSeedMode] = useState<'random' | 'fixed'>('random')
  const [seedBase, setSeedBase] = useState(0)
  const [priority, setPriority] = useState(50)
  const [edits, setEdits] = useState<PromptEdits>({})
  const [axes, setAxes] = useState<SweepAxisDraft[]>([])

  const me = { role: project.myRole, userId: session?.user.id ?? '' }
  const tasks = renderableTasks(shots, taskTypeId, me)
  const template = templates.data?.find((tpl) => tpl.id === templateId) ?? null
  // Keyed by the ids, so a re-render with the same tasks keeps the same preview query.
  const taskKey = tasks.map((x) => x.taskId).join(',')
  const chosen = template?.id ?? null
  const previewInput = useMemo(
    () => (chosen !== null && taskKey !== '' ? { taskIds: taskKey.split(','), templateId: chosen } : null),
    [chosen, taskKey],
  )
  const preview = useRenderPreview(project.id, previewInput)
  const { sweep, bad } = sweepOf(axes, template?.parameters ?? [])
  // The preview marks tasks the user may not render (e.g. another department's); they stay out.
  const refused = new Set(preview.data?.items.filter((i) => !i.mayRender).map((i) => i.taskId))
  const allowed = tasks.filter((x) => !refused.has(x.taskId))
  const count = jobCount(allowed.length, variations, sweep)

  const submit = useMutation({
    mutationFn: () =>
      api.call(farmRoutes.submitShotRender, {
        params: { projectId: project.id },
        body: {
          templateId: templateId ?? '',
          items: allowed.map((x) => ({ taskId: x.taskId, ...(edits[x.taskId] ?? {}) })),
          variations,
          seed: seedMode === 'random' ? 'random' : seedBase,
          sweep,
          priority,
        },
      }),
    onSuccess: (res) => {
      void queryClient.invalidateQueries({ queryKey: farmKeys.jobs })
      onClose()
      void navigate({ to: '/farm/groups/$groupId', params: { groupId: res.groupId } })
    },
  })

  const taskTypes = project.taskTypes.filter((tt) => shots.some((s) => s.tasks.some((x) => x.taskTypeId === tt.id)))
  return (
    <Stack gap="md">
      <Group grow align="flex-start">
        <Select
          label={t('render.taskType')}
          description={t('render.taskTypeHint')}
          data={taskTypes.map((tt) => ({ value: tt.id, label: tt.name }))}
          value={taskTypeId}
          onChange={setTaskTypeId}
          allowDeselect={false}
          data-testid="render-task-type"
        />
        <TemplateSelect templates={usable} value={templateId} onChange={setTemplateId} />
      </Group>
      {templates.data !== undefined && usable.length === 0 && (
        <Alert color="gray" variant="light">
          {t('render.noTemplates')}
        </Alert>
      )}
      {template && <TemplateFacts template={template} />}
      <Group grow align="flex-end">
        <NumberInput
          label={t('render.variations')}
          description={t('render.variationsHint')}
          min={1}
          max={16}
          value={variations}
          onChange={(v) => setVariations(typeof v === 'number' ? Math.min(16, Math.max(1, v)) : 1)}
          data-testid="render-variations"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('render.seed')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              value={seedMode}
              onChange={(v) => setSeedMode(v === 'fixed' ? 'fixed' : 'random')}
              data={[
                { value: 'random', label: t('render.seedRandom') },
                { value: 'fixed', label: t('render.seedFixed') },
              ]}
            />
            {seedMode === 'fixed' && (
              <NumberInput
                aria-label={t('render.seedBase')}
                min={0}
                value={seedBase}
                onChange={(v) => setSeedBase(typeof v === 'number' ? Math.max(0, Math.trunc(v)) : 0)}
                w={140}
              />
            )}
          </Group>
        </div>
        <div>
          <Text size="sm" fw={500} mb={10}>
            {t('render.priority')}: {priority}
          </Text>
          <Slider value={priority} onChange={setPriority} min={0} max={100} aria-label={t('render.priority')} />
        </div>
      </Group>
      {taskTypeId !== null && tasks.length === 0 && (
        <Alert color="gray" variant="light">
          {t('render.noTasks')}
        </Alert>
      )}
      {template && tasks.length > 0 && (
        <Tabs defaultValue="prompts" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="prompts">{t('render.tabs.prompts')}</Tabs.Tab>
            <Tabs.Tab value="sweep">{t('render.tabs.sweep')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="prompts" pt="sm" mah={420} style={{ overflowY: 'auto' }}>
            {preview.isPending && (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t('render.preview.loading')}
                </Text>
              </Group>
            )}
            {preview.isError && (
              <Alert color="red" variant="light" role="alert">
                {t('render.previewFailed', { message: renderErrorText(preview.error, t) })}
              </Alert>
            )}
            {preview.data && <RenderPreviewList items={preview.data.items} edits={edits} onEdit={setEdits} />}
          </Tabs.Panel>
          <Tabs.Panel value="sweep" pt="sm">
            <SweepEditor parameters={template.parameters} axes={axes} onChange={setAxes} />
          </Tabs.Panel>
        </Tabs>
      )}
      {submit.error && (
        <Alert color="red" variant="light" role="alert">
          {t('render.failed', { message: renderErrorText(submit.error, t) })}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="render-job-count">
          {t('render.jobCount', { count })}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('render.cancel')}
          </Button>
          <Button
            onClick={() => submit.mutate()}
            loading={submit.isPending}
            disabled={template === null || allowed.length === 0 || bad !== null || !preview.data}
            data-testid="render-submit"
          >
            {t('render.submit')}
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}

function TemplateSelect({
  templates,
  value,
  onChange,
}: {
  templates: readonly WorkflowTemplate[]
  value: string | null
  onChange(id: string | null): void
}) {
  const { t } = useTranslation()
  const categories = [...new Set(templates.map((tpl) => tpl.category))]
  const data = categories.map((category) => ({
    group: t(`render.category.${category}`),
    items: templates.filter((tpl) => tpl.category === category).map((tpl) => ({ value: tpl.id, label: tpl.name })),
  }))
  return (
    <Select
      label={t('render.template')}
      placeholder={t('render.templatePlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      allowDeselect={false}
      disabled={templates.length === 0}
      data-testid="render-template"
    />
  )
}

/** The template's model family and outputs. */
function TemplateFacts({ template }: { template: WorkflowTemplate }) {
  const { t } = useTranslation()
  const family =
    template.modelFamily === 'generic'
      ? t('render.family.generic')
      : (TARGET_MODELS.find((m) => m.id === template.modelFamily)?.name ?? template.modelFamily)
  return (
    <Group gap="xs" data-testid="render-template-facts">
      <Badge variant="light">{family}</Badge>
      {template.outputs.map((o) => (
        <Badge key={o} variant="outline" color="gray">
          {t(`render.outputs.${o}`)}
        </Badge>
      ))}
      {template.description && (
        <Text size="xs" c="dimmed">
          {template.description}
        </Text>
      )}
    </Group>
  )
}
