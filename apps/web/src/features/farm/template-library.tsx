// The workflow template library on the Farm page: every template with its model family,
// category, outputs and revision; per template which backends can run it and its history.
// Supervisors and above import new ones from a workflow file.
import type { WorkflowTemplate } from '@aipipeline/contracts'
import { access, roleSatisfies } from '@aipipeline/domain'
import { Alert, Badge, Button, Group, List, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../api/api-context'
import { apiErrorText } from '../../api/error-text'
import { useTemplates } from './farm-queries'
import { ImportTemplateDialog } from './import-template-dialog'
import { useTemplateCompatibility, useTemplateRevisions } from './template-queries'

type Panel = { kind: 'compatibility' | 'revisions'; template: WorkflowTemplate } | null

export function TemplateLibrary() {
  const { t } = useTranslation()
  const role = useSession()?.user.role
  const templates = useTemplates(true)
  const [panel, setPanel] = useState<Panel>(null)
  const [importOpened, importDialog] = useDisclosure(false)
  return (
    <section aria-labelledby="farm-templates">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="farm-templates">
          {t('farm.templates.title')}
        </Title>
        {roleSatisfies(access.atLeast('supervisor'), role) && (
          <Button variant="light" size="xs" onClick={importDialog.open}>
            {t('farm.templates.import')}
          </Button>
        )}
      </Group>
      {templates.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {templates.isError && (
        <Alert color="red" variant="light">
          {t('farm.templates.loadFailed', { message: apiErrorText(templates.error, t) })}
        </Alert>
      )}
      {templates.data && (
        <Table striped highlightOnHover verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('farm.templates.name')}</Table.Th>
              <Table.Th>{t('farm.templates.family')}</Table.Th>
              <Table.Th>{t('farm.templates.category')}</Table.Th>
              <Table.Th>{t('farm.templates.outputs')}</Table.Th>
              <Table.Th>{t('farm.templates.revision')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {templates.data.map((tpl) => (
              <Table.Tr key={tpl.id}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{tpl.name}</Text>
                    {tpl.builtIn && (
                      <Badge size="xs" variant="light">
                        {t('farm.templates.builtIn')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{tpl.modelFamily}</Table.Td>
                <Table.Td>{t(`farm.templates.categories.${tpl.category}`)}</Table.Td>
                <Table.Td>{tpl.outputs.map((o) => t(`farm.templates.output.${o}`)).join(', ')}</Table.Td>
                <Table.Td>{tpl.revision}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setPanel({ kind: 'compatibility', template: tpl })}
                    >
                      {t('farm.templates.compatibility')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setPanel({ kind: 'revisions', template: tpl })}
                    >
                      {t('farm.templates.history')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={panel !== null} onClose={() => setPanel(null)} title={panel?.template.name ?? ''} size="lg">
        {panel?.kind === 'compatibility' && <Compatibility id={panel.template.id} />}
        {panel?.kind === 'revisions' && <Revisions id={panel.template.id} />}
      </Modal>
      <ImportTemplateDialog opened={importOpened} onClose={importDialog.close} />
    </section>
  )
}

function Compatibility({ id }: { id: string }) {
  const { t } = useTranslation()
  const q = useTemplateCompatibility(id, true)
  if (q.isPending) return <Loader size="sm" aria-label={t('app.loading')} />
  if (q.isError) return <Alert color="red">{apiErrorText(q.error, t)}</Alert>
  if (q.data.backends.length === 0) return <Text size="sm">{t('farm.templates.noBackends')}</Text>
  return (
    <Stack gap="sm">
      {q.data.backends.map((b) => (
        <div key={b.backendId}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {b.name}
            </Text>
            <Badge color={b.ok ? 'teal' : b.capabilitiesKnown ? 'red' : 'gray'} variant="light" size="sm">
              {t(
                b.ok
                  ? 'farm.templates.canRun'
                  : b.capabilitiesKnown
                    ? 'farm.templates.cannotRun'
                    : 'farm.templates.unknown',
              )}
            </Badge>
          </Group>
          {(b.missingNodeClasses.length > 0 || b.missingModels.length > 0) && (
            <List size="xs" mt={4}>
              {b.missingNodeClasses.map((c) => (
                <List.Item key={c}>{t('farm.templates.missingNode', { name: c })}</List.Item>
              ))}
              {b.missingModels.map((m) => (
                <List.Item key={`${m.folder}/${m.name}`}>
                  {t('farm.templates.missingModel', { folder: m.folder, name: m.name })}
                </List.Item>
              ))}
            </List>
          )}
        </div>
      ))}
    </Stack>
  )
}

function Revisions({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const q = useTemplateRevisions(id, true)
  if (q.isPending) return <Loader size="sm" aria-label={t('app.loading')} />
  if (q.isError) return <Alert color="red">{apiErrorText(q.error, t)}</Alert>
  return (
    <Stack gap="xs">
      <Text size="sm">{t('farm.templates.currentRevision', { revision: q.data.currentRevision })}</Text>
      {q.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('farm.templates.noRevisions')}
        </Text>
      )}
      {q.data.items.map((r) => (
        <Text key={r.revision} size="sm">
          {t('farm.templates.revisionLine', {
            revision: r.revision,
            name: r.name,
            when: new Date(r.createdAt).toLocaleString(i18n.language),
          })}
        </Text>
      ))}
    </Stack>
  )
}
