// XLSX/CSV import in two steps: a dry run that lists the shots to create and update and the
// conflicts, then, after the user has looked, the same file applied.
import { type ImportReport, productionRoutes } from '@aipipeline/contracts'
import { Alert, Badge, Button, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { apiErrorText } from '../../../api/error-text'
import { projectKeys } from '../project-queries'

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  // Chunks keep String.fromCharCode under the argument limit for large sheets.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function ReportTables({ report }: { report: ImportReport }) {
  const { t } = useTranslation()
  const rows = [
    ...report.creates.map((c) => ({ row: c.row, kind: 'create' as const, text: `${c.sequence} ${c.code}` })),
    ...report.updates.map((u) => ({ row: u.row, kind: 'update' as const, text: `${u.code}: ${u.fields.join(', ')}` })),
    ...report.conflicts.map((c) => ({
      row: c.row,
      kind: 'conflict' as const,
      text: c.column ? `${c.column}: ${c.message}` : c.message,
    })),
  ].sort((a, b) => a.row - b.row)
  const color = { create: 'teal', update: 'blue', conflict: 'red' } as const
  return (
    <Stack gap="xs">
      <Group gap="xs" data-testid="import-summary">
        <Badge color="teal">{t('projects.import.creates', { count: report.creates.length })}</Badge>
        <Badge color="blue">{t('projects.import.updates', { count: report.updates.length })}</Badge>
        <Badge color="red">{t('projects.import.conflicts', { count: report.conflicts.length })}</Badge>
        <Badge color="gray">{t('projects.import.unchanged', { count: report.unchanged })}</Badge>
      </Group>
      {rows.length > 0 && (
        <ScrollArea.Autosize mah={320}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('projects.import.row')}</Table.Th>
                <Table.Th>{t('projects.import.change')}</Table.Th>
                <Table.Th>{t('projects.import.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.kind}-${r.row}-${r.text}`}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={color[r.kind]}>
                      {t(`projects.import.kind.${r.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.text}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  )
}

/** The import dialog: pick a file, review the dry run, apply. */
export function ImportDialog({
  projectId,
  opened,
  onClose,
}: {
  projectId: string
  opened: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const close = () => {
    setFile(null)
    setReport(null)
    setError(null)
    onClose()
  }

  const run = async (picked: File, dryRun: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const format = picked.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'
      const contentBase64 = await toBase64(picked)
      const result = await api.call(productionRoutes.importShots, {
        params: { projectId },
        body: { format, contentBase64, dryRun },
      })
      setReport(result)
      if (!dryRun) void queryClient.invalidateQueries({ queryKey: projectKeys.table(projectId) })
    } catch (e) {
      setError(apiErrorText(e, t))
    } finally {
      setBusy(false)
    }
  }

  const pick = (picked: File | null) => {
    setFile(picked)
    setReport(null)
    if (picked) void run(picked, true)
  }

  const nothingToDo = report !== null && report.creates.length === 0 && report.updates.length === 0
  return (
    <Modal opened={opened} onClose={close} title={t('projects.import.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('projects.import.help')}
        </Text>
        <FileInput
          label={t('projects.import.file')}
          accept=".xlsx,.csv"
          value={file}
          onChange={pick}
          clearable
          data-testid="import-file"
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {report && (
          <>
            <Alert color={report.applied ? 'teal' : 'blue'} data-testid="import-state">
              {report.applied ? t('projects.import.applied') : t('projects.import.dryRun')}
            </Alert>
            <ReportTables report={report} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {report?.applied ? t('projects.common.close') : t('projects.common.cancel')}
          </Button>
          {report && !report.applied && (
            <Button
              onClick={() => file && run(file, false)}
              loading={busy}
              disabled={report.conflicts.length > 0 || nothingToDo}
            >
              {t('projects.import.apply')}
            </Button>
          )}
        </Group>
        {report && !report.applied && report.conflicts.length > 0 && (
          <Text size="sm" c="red">
            {t('projects.import.fixConflicts')}
          </Text>
        )}
      </Stack>
    </Modal>
  )
}
