import type { WorkflowTemplate } from '@aipipeline/contracts'
import { access, roleSatisfies } from '@aipipeline/domain'
import { Alert, Anchor, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Link, useNavigate, useParams } from '@tanstack/react-router'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { NotForRole } from '../../../components/not-for-role'
import { CompatibilityTable, RequirementsList } from './compatibility-panel'
import { ParameterEditor } from './parameter-editor'
import { promptGraph } from './prompt-graph'
import { RevisionHistory } from './revision-history'
import { templateErrorText } from './template-errors'
import { TemplateBadges } from './template-labels'
import { useDeleteTemplate, useTemplate } from './template-queries'
import { WorkflowGraph } from './workflow-graph'

/** One template of the library: its parameters, graph, backends and revisions. */
export function TemplateDetailPage() {
  const role = useSession()?.user.role
  return roleSatisfies(access.atLeast('artist'), role) ? <TemplateDetail /> : <NotForRole />
}

function TemplateDetail() {
  const { t } = useTranslation()
  const { templateId } = useParams({ from: '/signed-in/templates/$templateId' })
  const template = useTemplate(templateId)
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/templates" size="sm">
        ← {t('templates.detail.back')}
      </Anchor>
      {template.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {template.isError && (
        <Alert color="red" variant="light">
          {template.error instanceof ApiError && template.error.status === 404
            ? t('templates.detail.notFound')
            : t('templates.detail.loadFailed', { message: templateErrorText(template.error, t) })}
        </Alert>
      )}
      {template.data && <TemplateView template={template.data} />}
    </Stack>
  )
}

function TemplateView({ template }: { template: WorkflowTemplate }) {
  const { t } = useTranslation()
  const role = useSession()?.user.role
  const canEdit = roleSatisfies(access.atLeast('supervisor'), role)
  const graph = useMemo(() => promptGraph(template.prompt), [template.prompt])
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2} data-testid="template-title">
              {template.name}
            </Title>
            <Text c="dimmed" size="sm" data-testid="template-revision">
              {t('templates.revision', { revision: template.revision })}
            </Text>
          </Group>
          <TemplateBadges template={template} />
          <Text size="sm" c={template.description ? undefined : 'dimmed'} maw={760}>
            {template.description || t('templates.detail.noDescription')}
          </Text>
        </Stack>
        {canEdit && <DeleteButton template={template} />}
      </Group>

      <Section title={t('templates.parameters.title')}>
        <ParameterEditor key={template.id} template={template} editable={canEdit} />
      </Section>

      <Section title={t('templates.graph.title')} aside={t('templates.graph.nodes', { count: graph.nodes.length })}>
        <WorkflowGraph nodes={graph.nodes} links={graph.links} />
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('templates.compatibility.title')}>
          <Stack gap="md">
            <CompatibilityTable templateId={template.id} />
            <Text fw={600} size="sm">
              {t('templates.requirements.title')}
            </Text>
            <RequirementsList requirements={template.requirements} />
          </Stack>
        </Section>
        <Section title={t('templates.revisions.title')}>
          <RevisionHistory template={template} />
        </Section>
      </SimpleGrid>
    </>
  )
}

function Section({ title, aside, children }: { title: string; aside?: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {aside && (
          <Text size="sm" c="dimmed">
            {aside}
          </Text>
        )}
      </Group>
      {children}
    </Card>
  )
}

function DeleteButton({ template }: { template: WorkflowTemplate }) {
  const { t } = useTranslation()
  const [opened, dialog] = useDisclosure(false)
  const remove = useDeleteTemplate()
  const navigate = useNavigate()
  return (
    <>
      <Button variant="light" color="red" onClick={dialog.open}>
        {t('templates.detail.delete')}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t('templates.detail.deleteTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('templates.detail.deleteConfirm', { name: template.name })}</Text>
          {remove.error && (
            <Alert color="red" variant="light">
              {t('templates.detail.deleteFailed', { message: templateErrorText(remove.error, t) })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('templates.detail.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(template.id, { onSuccess: () => void navigate({ to: '/templates' }) })}
            >
              {t('templates.detail.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
