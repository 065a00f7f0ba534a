import { type LlmDeployment, LlmProvider, LlmTaskClass, llmRoutes } from '@aipipeline/contracts'
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Input,
  Modal,
  MultiSelect,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { createBody, type DeploymentForm, emptyForm, type FormProblem, formOf, updateBody } from './deployment-form'
import { useInvalidateLlm } from './llm-queries'

interface Props {
  /** null: closed; 'new': adding; a deployment: editing it. */
  editing: LlmDeployment | 'new' | null
  all: LlmDeployment[]
  onClose: () => void
}

/** Add or edit a deployment. Mounted per opening so the form starts from the right values. */
export function DeploymentDialog({ editing, all, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      size="xl"
      title={editing === 'new' ? t('settings.models.dialog.addTitle') : t('settings.models.dialog.editTitle')}
    >
      {editing !== null && (
        <DeploymentFormView
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          all={all}
          onDone={onClose}
        />
      )}
    </Modal>
  )
}

function DeploymentFormView({
  editing,
  all,
  onDone,
}: {
  editing: LlmDeployment | null
  all: LlmDeployment[]
  onDone: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const invalidate = useInvalidateLlm()
  const [form, setForm] = useState<DeploymentForm>(() => (editing ? formOf(editing) : emptyForm()))
  const [problems, setProblems] = useState<FormProblem[]>([])
  const set = <K extends keyof DeploymentForm>(key: K, value: DeploymentForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }))

  // The request is built (and checked) on submit; the mutation only sends it.
  const save = useMutation({
    mutationFn: (send: () => Promise<unknown>) => send(),
    onSuccess: async () => {
      await invalidate()
      onDone()
    },
  })
  const submit = () => {
    if (editing) {
      const checked = updateBody(form)
      setProblems(checked.ok ? [] : checked.problems)
      if (checked.ok)
        save.mutate(() => api.call(llmRoutes.updateLlmDeployment, { params: { id: editing.id }, body: checked.body }))
    } else {
      const checked = createBody(form)
      setProblems(checked.ok ? [] : checked.problems)
      if (checked.ok) save.mutate(() => api.call(llmRoutes.createLlmDeployment, { body: checked.body }))
    }
  }
  const remove = useMutation({
    mutationFn: (id: string) => api.callNoContent(llmRoutes.deleteLlmDeployment, { params: { id } }),
    onSuccess: async () => {
      await invalidate()
      onDone()
    },
  })
  const problem = (p: FormProblem) => (problems.includes(p) ? t(`settings.models.dialog.problem.${p}`) : undefined)
  const others = all.filter((d) => d.id !== editing?.id).map((d) => ({ value: d.id, label: d.name }))

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('settings.models.dialog.name')}
            required
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
          />
          <Select
            label={t('settings.models.dialog.provider')}
            data={LlmProvider.options.map((p) => ({ value: p, label: t(`settings.models.provider.${p}`) }))}
            value={form.provider}
            disabled={editing !== null}
            allowDeselect={false}
            onChange={(v) => {
              const parsed = LlmProvider.safeParse(v)
              if (!parsed.success) return
              setForm((f) => ({
                ...f,
                provider: parsed.data,
                locality: parsed.data === 'ollama' ? 'local' : f.locality,
              }))
            }}
          />
          <TextInput
            label={t('settings.models.dialog.modelId')}
            required
            value={form.modelId}
            onChange={(e) => set('modelId', e.currentTarget.value)}
          />
          <TextInput
            label={t('settings.models.dialog.baseUrl')}
            description={t('settings.models.dialog.baseUrlHint')}
            value={form.baseUrl}
            error={problem('baseUrl')}
            onChange={(e) => set('baseUrl', e.currentTarget.value)}
          />
        </SimpleGrid>
        <KeyField form={form} editing={editing} set={set} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('settings.models.dialog.contextWindow')}
            min={256}
            thousandSeparator
            value={form.contextWindow}
            onChange={(v) => set('contextWindow', Number(v) || 0)}
          />
          <NumberInput
            label={t('settings.models.dialog.maxOutput')}
            min={16}
            thousandSeparator
            value={form.maxOutputTokens}
            onChange={(v) => set('maxOutputTokens', Number(v) || 0)}
          />
          <NumberInput
            label={t('settings.models.dialog.priority')}
            description={t('settings.models.dialog.priorityHint')}
            min={-1000}
            max={1000}
            value={form.priority}
            onChange={(v) => set('priority', Number(v) || 0)}
          />
        </SimpleGrid>
        <Group gap="lg" align="flex-end">
          <Input.Wrapper label={t('settings.models.dialog.locality')}>
            <div>
              <SegmentedControl
                value={form.locality}
                onChange={(v) => set('locality', v === 'local' ? 'local' : 'cloud')}
                data={[
                  { value: 'local', label: t('settings.models.locality.local') },
                  { value: 'cloud', label: t('settings.models.locality.cloud') },
                ]}
              />
            </div>
          </Input.Wrapper>
          <Select
            label={t('settings.models.dialog.latency')}
            w={160}
            allowDeselect={false}
            value={form.latencyClass}
            data={(['fast', 'standard', 'slow'] as const).map((l) => ({
              value: l,
              label: t(`settings.models.latency.${l}`),
            }))}
            onChange={(v) => set('latencyClass', v === 'fast' || v === 'slow' ? v : 'standard')}
          />
        </Group>
        <Checkbox.Group
          label={t('settings.models.dialog.taskClasses')}
          error={problem('taskClasses')}
          value={form.taskClasses}
          onChange={(v) =>
            set(
              'taskClasses',
              v.flatMap((c) => LlmTaskClass.safeParse(c).data ?? []),
            )
          }
        >
          <Group gap="md" mt={4}>
            {LlmTaskClass.options.map((c) => (
              <Checkbox key={c} value={c} label={t(`settings.models.taskClass.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Input.Wrapper label={t('settings.models.dialog.capabilities')}>
          <Group gap="md" mt={4}>
            {(['structuredOutput', 'vision', 'embeddings'] as const).map((c) => (
              <Checkbox
                key={c}
                label={t(`settings.models.capability.${c}`)}
                checked={form.capabilities[c]}
                onChange={(e) => set('capabilities', { ...form.capabilities, [c]: e.currentTarget.checked })}
              />
            ))}
          </Group>
        </Input.Wrapper>
        <MultiSelect
          label={t('settings.models.dialog.fallbacks')}
          description={t('settings.models.dialog.fallbacksHint')}
          data={others}
          value={form.fallbackIds}
          onChange={(v) => set('fallbackIds', v)}
        />
        <Switch
          label={t('settings.models.dialog.priceOverride')}
          description={t('settings.models.dialog.priceOverrideHint')}
          checked={form.priceOverride}
          onChange={(e) => set('priceOverride', e.currentTarget.checked)}
        />
        {form.priceOverride && (
          <SimpleGrid cols={2}>
            <TextInput
              label={t('settings.models.dialog.inputPrice')}
              leftSection="$"
              value={form.inputPrice}
              error={problem('inputPrice')}
              onChange={(e) => set('inputPrice', e.currentTarget.value)}
            />
            <TextInput
              label={t('settings.models.dialog.outputPrice')}
              leftSection="$"
              value={form.outputPrice}
              error={problem('outputPrice')}
              onChange={(e) => set('outputPrice', e.currentTarget.value)}
            />
          </SimpleGrid>
        )}
        <Switch
          label={t('settings.models.dialog.enabled')}
          checked={form.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        {(save.error ?? remove.error) && (
          <Alert color="red" variant="light">
            {(save.error ?? remove.error)?.message}
          </Alert>
        )}
        <Group justify="space-between" mt="sm">
          {editing ? (
            <Button color="red" variant="subtle" loading={remove.isPending} onClick={() => remove.mutate(editing.id)}>
              {t('settings.models.dialog.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending}>
            {t('settings.models.dialog.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** Write-only: never pre-filled; an empty field keeps the stored key; removal is a separate choice. */
function KeyField({
  form,
  editing,
  set,
}: {
  form: DeploymentForm
  editing: LlmDeployment | null
  set: <K extends keyof DeploymentForm>(key: K, value: DeploymentForm[K]) => void
}) {
  const { t } = useTranslation()
  const stored = editing?.hasKey ? `…${editing.keyHint ?? ''}` : null
  return (
    <Stack gap={4}>
      <PasswordInput
        label={t('settings.models.dialog.apiKey')}
        description={
          stored ? t('settings.models.dialog.apiKeyKeep', { hint: stored }) : t('settings.models.dialog.apiKeyNew')
        }
        autoComplete="new-password"
        disabled={form.removeKey}
        value={form.apiKey}
        onChange={(e) => set('apiKey', e.currentTarget.value)}
      />
      {stored && (
        <Checkbox
          color="red"
          label={t('settings.models.dialog.removeKey')}
          checked={form.removeKey}
          onChange={(e) => set('removeKey', e.currentTarget.checked)}
        />
      )}
    </Stack>
  )
}
