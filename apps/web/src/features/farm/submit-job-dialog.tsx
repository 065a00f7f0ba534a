import { farmRoutes, type WorkflowTemplate } from '@aipipeline/contracts'
import { Alert, Button, Group, Modal, Select, Slider, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { apiErrorText } from '../../api/error-text'
import { farmKeys, useTemplates } from './farm-queries'
import { ParameterField } from './parameter-field'
import { initialValues, type ParameterProblem, type ParameterValue, toSubmitParameters } from './parameter-values'

/** Pick a saved template, fill its typed parameters, choose a priority, submit. */
export function SubmitJobDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const templates = useTemplates(opened)
  const [templateId, setTemplateId] = useState<string | null>(null)
  const template = templates.data?.find((tpl) => tpl.id === templateId) ?? null
  return (
    <Modal opened={opened} onClose={onClose} title={t('farm.submit.title')} size="lg">
      <Stack gap="md">
        {templates.data && templates.data.length === 0 && (
          <Alert color="gray" variant="light">
            {t('farm.submit.noTemplates')}
          </Alert>
        )}
        <Select
          label={t('farm.submit.template')}
          placeholder={t('farm.submit.templatePlaceholder')}
          data={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          value={templateId}
          onChange={setTemplateId}
          searchable
          allowDeselect={false}
          disabled={!templates.data || templates.data.length === 0}
        />
        {template && <TemplateForm key={template.id} template={template} onDone={onClose} />}
      </Stack>
    </Modal>
  )
}

function TemplateForm({ template, onDone }: { template: WorkflowTemplate; onDone(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const [values, setValues] = useState<Record<string, ParameterValue>>(() => initialValues(template.parameters))
  const [priority, setPriority] = useState(50)
  const [problems, setProblems] = useState<ParameterProblem[]>([])
  const submit = useMutation({
    mutationFn: (parameters: Record<string, string | number | boolean>) =>
      api.call(farmRoutes.submitRenderJob, {
        body: { source: { kind: 'template', templateId: template.id }, parameters, priority },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: farmKeys.jobs })
      onDone()
    },
  })
  const problemOf = (name: string) => {
    const p = problems.find((x) => x.name === name)
    return p ? t('farm.submit.required') : null
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        const result = toSubmitParameters(template.parameters, values)
        if (!result.ok) return setProblems(result.problems)
        setProblems([])
        submit.mutate(result.parameters)
      }}
    >
      <Stack gap="sm">
        {template.description && (
          <Text size="sm" c="dimmed">
            {template.description}
          </Text>
        )}
        <Text fw={600} size="sm">
          {t('farm.submit.parameters')}
        </Text>
        {template.parameters.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('farm.submit.noParameters')}
          </Text>
        )}
        {template.parameters.map((p) => (
          <ParameterField
            key={p.name}
            parameter={p}
            value={values[p.name] ?? ''}
            error={problemOf(p.name)}
            onChange={(v) => setValues((all) => ({ ...all, [p.name]: v }))}
          />
        ))}
        <div>
          <Text size="sm" fw={500}>
            {t('farm.submit.priority')}: {priority}
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            {t('farm.submit.priorityHint')}
          </Text>
          <Slider
            value={priority}
            onChange={setPriority}
            min={0}
            max={100}
            marks={[{ value: 0 }, { value: 50 }, { value: 100 }]}
            aria-label={t('farm.submit.priority')}
          />
        </div>
        {submit.error && (
          <Alert color="red" variant="light" role="alert">
            {t('farm.submit.failed', { message: apiErrorText(submit.error, t) })}
          </Alert>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('farm.submit.cancel')}
          </Button>
          <Button type="submit" loading={submit.isPending}>
            {t('farm.submit.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
