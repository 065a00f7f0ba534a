import { TemplateCategory, TemplateModelFamily } from '@aipipeline/contracts'
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RequirementsList } from '../compatibility-panel'
import { draftsOf, draftsValid, parameterSettings } from '../parameter-edits'
import { ParameterTable } from '../parameter-table'
import { templateErrorText } from '../template-errors'
import { useCategoryOptions, useFamilyOptions } from '../template-labels'
import { type Inspection, useCreateTemplate } from '../template-queries'
import { WorkflowGraph } from '../workflow-graph'

interface Props {
  fileName: string
  inspection: Inspection
  onRestart(): void
}

/** The review step: name the template, confirm its family and category, set up its parameters, save. */
export function ImportReview({ fileName, inspection, onRestart }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateTemplate()
  const [name, setName] = useState(() => fileName.replace(/(\.(api|ui))?\.[a-z0-9]+$/i, '').replace(/[_-]+/g, ' '))
  const [description, setDescription] = useState('')
  const [family, setFamily] = useState(inspection.modelFamily)
  const [category, setCategory] = useState(inspection.category)
  const [drafts, setDrafts] = useState(() => draftsOf(inspection.parameters))
  const [tried, setTried] = useState(false)
  const families = useFamilyOptions(TemplateModelFamily.options)
  const categories = useCategoryOptions(TemplateCategory.options)
  const valid = draftsValid(inspection.parameters, drafts)
  const nameMissing = name.trim() === ''

  const save = () => {
    setTried(true)
    if (nameMissing || !valid) return
    create.mutate(
      {
        name: name.trim(),
        description,
        modelFamily: family,
        category,
        outputs: inspection.outputs,
        source: { kind: 'api', prompt: inspection.prompt },
        parameters: parameterSettings(inspection.parameters, drafts),
      },
      {
        onSuccess: (saved) => void navigate({ to: '/templates/$templateId', params: { templateId: saved.id } }),
      },
    )
  }

  return (
    <Stack gap="lg" data-testid="import-review">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('templates.import.readFrom', { name: fileName })}
        </Text>
        <Button variant="subtle" size="xs" onClick={onRestart}>
          {t('templates.import.other')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          label={t('templates.import.name')}
          placeholder={t('templates.import.namePlaceholder')}
          value={name}
          maxLength={120}
          required
          error={tried && nameMissing ? t('templates.import.nameRequired') : undefined}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Group grow>
          <Select
            label={t('templates.filters.family')}
            data={families}
            value={family}
            allowDeselect={false}
            onChange={(v) => setFamily(TemplateModelFamily.safeParse(v).data ?? family)}
          />
          <Select
            label={t('templates.filters.category')}
            data={categories}
            value={category}
            allowDeselect={false}
            onChange={(v) => setCategory(TemplateCategory.safeParse(v).data ?? category)}
          />
        </Group>
      </SimpleGrid>
      <Textarea
        label={t('templates.import.description')}
        autosize
        minRows={2}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />

      <Card withBorder padding="md" radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('templates.parameters.title')}
        </Title>
        <ParameterTable
          parameters={inspection.parameters}
          drafts={drafts}
          onChange={(n, d) => setDrafts((all) => ({ ...all, [n]: d }))}
        />
      </Card>

      <Card withBorder padding="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            {t('templates.graph.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('templates.graph.nodes', { count: inspection.graph.nodes.length })}
          </Text>
        </Group>
        <WorkflowGraph nodes={inspection.graph.nodes} links={inspection.graph.links} />
        <Title order={4} size="h5" mt="md" mb="xs">
          {t('templates.requirements.title')}
        </Title>
        <RequirementsList requirements={inspection.requirements} />
      </Card>

      {tried && !valid && (
        <Alert color="yellow" variant="light">
          {t('templates.import.fixProblems')}
        </Alert>
      )}
      {create.error && (
        <Alert color="red" variant="light">
          {t('templates.import.saveFailed', { message: templateErrorText(create.error, t) })}
        </Alert>
      )}
      <Group>
        <Button onClick={save} loading={create.isPending}>
          {t('templates.import.save')}
        </Button>
      </Group>
    </Stack>
  )
}
