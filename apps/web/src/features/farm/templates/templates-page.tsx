import { TemplateCategory, TemplateModelFamily, type WorkflowTemplate } from '@aipipeline/contracts'
import { access, roleSatisfies } from '@aipipeline/domain'
import { Alert, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../api/api-context'
import { NotForRole } from '../../../components/not-for-role'
import { CompatibilitySummary } from './compatibility-summary'
import { templateErrorText } from './template-errors'
import { filterTemplates, presentValues, type TemplateFilter } from './template-filter'
import { BuiltInBadge, TemplateBadges, useCategoryOptions, useFamilyOptions } from './template-labels'
import { useTemplateList } from './template-queries'

/** The template library for studio staff; clients and vendors, whom its API refuses, get a notice. */
export function TemplatesPage() {
  const role = useSession()?.user.role
  return roleSatisfies(access.atLeast('artist'), role) ? <TemplateLibrary /> : <NotForRole />
}

/** Every workflow template as a card, filtered by category, model family and words. */
function TemplateLibrary() {
  const { t, i18n } = useTranslation()
  const role = useSession()?.user.role
  const canImport = roleSatisfies(access.atLeast('supervisor'), role)
  const templates = useTemplateList()
  const [filter, setFilter] = useState<TemplateFilter>({ category: null, family: null, search: '' })
  const all = templates.data ?? []
  const shown = useMemo(() => filterTemplates(all, filter, i18n.language), [all, filter, i18n.language])
  const categories = useCategoryOptions(presentValues(all, 'category', TemplateCategory.options))
  const families = useFamilyOptions(presentValues(all, 'modelFamily', TemplateModelFamily.options))

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('templates.title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('templates.subtitle')}
          </Text>
        </div>
        {canImport && (
          <Button component={Link} to="/templates/import">
            {t('templates.import.open')}
          </Button>
        )}
      </Group>

      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('templates.filters.search')}
          placeholder={t('templates.filters.searchPlaceholder')}
          value={filter.search}
          onChange={(e) => setFilter({ ...filter, search: e.currentTarget.value })}
          w={260}
        />
        <Select
          label={t('templates.filters.category')}
          placeholder={t('templates.filters.all')}
          data={categories}
          value={filter.category}
          onChange={(v) => setFilter({ ...filter, category: TemplateCategory.safeParse(v).data ?? null })}
          clearable
          w={220}
        />
        <Select
          label={t('templates.filters.family')}
          placeholder={t('templates.filters.all')}
          data={families}
          value={filter.family}
          onChange={(v) => setFilter({ ...filter, family: TemplateModelFamily.safeParse(v).data ?? null })}
          clearable
          w={220}
        />
      </Group>

      {templates.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {templates.isError && (
        <Alert color="red" variant="light">
          {t('templates.loadFailed', { message: templateErrorText(templates.error, t) })}
        </Alert>
      )}
      {templates.data && all.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('templates.empty')}
        </Text>
      )}
      {all.length > 0 && shown.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('templates.noMatch')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {shown.map((tpl) => (
          <TemplateCard key={tpl.id} template={tpl} />
        ))}
      </SimpleGrid>
    </Stack>
  )
}

function TemplateCard({ template }: { template: WorkflowTemplate }) {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="md" radius="md" data-testid="template-card" data-template-id={template.id}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text
            fw={600}
            renderRoot={(props) => (
              <Link
                to="/templates/$templateId"
                params={{ templateId: template.id }}
                aria-label={t('templates.detail.open', { name: template.name })}
                style={{ textDecoration: 'none', color: 'inherit' }}
                {...props}
              />
            )}
            data-testid="template-name"
          >
            {template.name}
          </Text>
          <Group gap={6} wrap="nowrap">
            {template.builtIn && <BuiltInBadge />}
            <Text size="xs" c="dimmed" data-testid="template-revision" style={{ whiteSpace: 'nowrap' }}>
              {t('templates.revision', { revision: template.revision })}
            </Text>
          </Group>
        </Group>
        <TemplateBadges template={{ ...template, builtIn: false }} />
        {template.description && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {template.description}
          </Text>
        )}
        <Group justify="space-between" mt="auto" pt="xs">
          <Text size="xs" c="dimmed">
            {t('templates.parameterCount', { count: template.parameters.length })}
          </Text>
          <CompatibilitySummary templateId={template.id} />
        </Group>
      </Stack>
    </Card>
  )
}
