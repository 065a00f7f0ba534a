// Importing a workflow as a template: a PNG, WebP or MP4 that ComfyUI saved (the workflow rides
// in its metadata) or a workflow JSON (API or UI format). The server reads it without saving and
// suggests parameters, model family and category; the user names it and saves.
import type { WorkflowTemplateInspection } from '@aipipeline/contracts'
import { Alert, Badge, Button, FileInput, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { apiErrorText } from '../../api/error-text'
import { useCreateTemplate, useInspectTemplate } from './template-queries'

type Inspection = z.infer<typeof WorkflowTemplateInspection>

function base64Of(bytes: ArrayBuffer): string {
  let binary = ''
  const view = new Uint8Array(bytes)
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** A JSON file is sent as a source (UI workflows have a `nodes` list); anything else as a file. */
async function requestOf(file: File) {
  if (file.name.toLowerCase().endsWith('.json')) {
    const json: unknown = JSON.parse(await file.text())
    const record: Record<string, unknown> =
      typeof json === 'object' && json !== null && !Array.isArray(json) ? Object.fromEntries(Object.entries(json)) : {}
    return Array.isArray(record.nodes)
      ? { source: { kind: 'ui' as const, workflow: record } }
      : { source: { kind: 'api' as const, prompt: record } }
  }
  return { file: { name: file.name, dataBase64: base64Of(await file.arrayBuffer()) } }
}

export function ImportTemplateDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [name, setName] = useState('')
  const [readError, setReadError] = useState<string | null>(null)
  const inspect = useInspectTemplate()
  const close = () => {
    setFile(null)
    setName('')
    inspect.reset()
    onClose()
  }
  const create = useCreateTemplate(close)
  const found = inspect.data
  return (
    <Modal opened={opened} onClose={close} title={t('farm.templates.importTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('farm.templates.importHint')}
        </Text>
        <FileInput
          label={t('farm.templates.file')}
          accept=".png,.webp,.mp4,.json,image/png,image/webp,video/mp4,application/json"
          value={file}
          onChange={(f) => {
            setFile(f)
            setReadError(null)
            inspect.reset()
            if (f === null) return
            setName(f.name.replace(/\.[^.]+$/, ''))
            requestOf(f)
              .then((body) => inspect.mutate(body))
              .catch(() => setReadError(t('farm.templates.notJson')))
          }}
        />
        {readError && <Alert color="red">{readError}</Alert>}
        {inspect.error && (
          <Alert color="red" role="alert">
            {apiErrorText(inspect.error, t)}
          </Alert>
        )}
        {found && <Found found={found} />}
        {found && (
          <TextInput
            label={t('farm.templates.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
        )}
        {create.error && (
          <Alert color="red" role="alert">
            {apiErrorText(create.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('farm.submit.cancel')}
          </Button>
          <Button
            disabled={!found || name.trim() === ''}
            loading={create.isPending}
            onClick={() =>
              found &&
              create.mutate({
                name: name.trim(),
                source: { kind: 'api', prompt: found.prompt },
                modelFamily: found.modelFamily,
                category: found.category,
                outputs: found.outputs,
              })
            }
          >
            {t('farm.templates.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function Found({ found }: { found: Inspection }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="light">{found.modelFamily}</Badge>
        <Badge variant="light" color="grape">
          {t(`farm.templates.categories.${found.category}`)}
        </Badge>
        {found.outputs.map((o) => (
          <Badge key={o} variant="outline">
            {t(`farm.templates.output.${o}`)}
          </Badge>
        ))}
        <Text size="xs" c="dimmed">
          {t('farm.templates.nodes', { count: found.graph.nodes.length })}
        </Text>
      </Group>
      <Table verticalSpacing={2} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('farm.templates.parameter')}</Table.Th>
            <Table.Th>{t('farm.templates.role')}</Table.Th>
            <Table.Th>{t('farm.templates.default')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {found.parameters.map((p) => (
            <Table.Tr key={p.name}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.role ? t(`farm.templates.roles.${p.role}`) : ''}</Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={1}>
                  {p.default === undefined ? '' : String(p.default)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {found.requirements.models.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('farm.templates.models', { list: found.requirements.models.map((m) => m.name).join(', ') })}
        </Text>
      )}
    </Stack>
  )
}
