import type { ScriptPreview } from '@aipipeline/contracts'
import { Alert, Badge, Button, Card, FileInput, Group, Select, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMicros } from '../../settings/models/money'
import { usePreviewScript, useProjectsForAgents, useStartAnalysis } from '../agent-queries'
import { checkScriptFile, type ScriptFileCheck } from './script-file'

interface Loaded {
  fileName: string
  text: string
  format: Extract<ScriptFileCheck, { ok: true }>['format']
}

/** Choose the project and the screenplay; see what the parser found and the cost before analysing. */
export function UploadStep({ onStarted }: { onStarted: (runId: string, projectId: string) => void }) {
  const { t } = useTranslation()
  const projects = useProjectsForAgents()
  const preview = usePreviewScript()
  const start = useStartAnalysis()
  const [projectId, setProjectId] = useState<string | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [problem, setProblem] = useState<Extract<ScriptFileCheck, { ok: false }>['reason'] | null>(null)

  const source = (l: Loaded, project: string) => ({
    projectId: project,
    fileName: l.fileName,
    text: l.text,
    ...(l.format ? { format: l.format } : {}),
  })
  const load = async (next: File | null, project: string | null) => {
    setFile(next)
    setLoaded(null)
    setProblem(null)
    preview.reset()
    if (!next) return
    const text = await next.text()
    const checked = checkScriptFile(next.name, text)
    if (!checked.ok) return setProblem(checked.reason)
    const l = { fileName: next.name, text, format: checked.format }
    setLoaded(l)
    if (project) preview.mutate(source(l, project))
  }

  return (
    <Stack gap="md" maw={720}>
      <Select
        label={t('agents.import.project')}
        placeholder={t('agents.import.projectPlaceholder')}
        data={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
        value={projectId}
        onChange={(v) => {
          setProjectId(v)
          if (v && loaded) preview.mutate(source(loaded, v))
        }}
      />
      <FileInput
        label={t('agents.import.file')}
        description={t('agents.import.fileHint')}
        placeholder={t('agents.import.filePlaceholder')}
        accept=".fountain,.spmd,.txt,.fdx,.pdf"
        clearable
        value={file}
        onChange={(f) => void load(f, projectId)}
        error={problem ? t(`agents.import.fileProblem.${problem}`) : undefined}
        data-testid="script-file"
      />
      {preview.error && (
        <Alert color="red" variant="light">
          {preview.error.message}
        </Alert>
      )}
      {preview.data && <PreviewCard preview={preview.data} />}
      {start.error && (
        <Alert color="red" variant="light">
          {start.error.message}
        </Alert>
      )}
      <Group>
        <Button
          disabled={!loaded || !projectId || !preview.data || preview.data.estimatedCostMicros === null}
          loading={start.isPending || preview.isPending}
          onClick={() => {
            if (!loaded || !projectId) return
            start.mutate(source(loaded, projectId), { onSuccess: (r) => onStarted(r.run.id, projectId) })
          }}
        >
          {t('agents.import.start')}
        </Button>
      </Group>
    </Stack>
  )
}

function PreviewCard({ preview }: { preview: ScriptPreview }) {
  const { t, i18n } = useTranslation()
  const list = (names: string[]) => (names.length > 12 ? `${names.slice(0, 12).join(', ')} …` : names.join(', '))
  return (
    <Card withBorder padding="sm" data-testid="script-preview">
      <Text fw={600} size="sm">
        {t('agents.import.previewSummary', {
          title: preview.title ?? t('agents.import.untitled'),
          format: preview.format,
          pages: preview.pages,
        })}
      </Text>
      <Group gap="xs" my={6}>
        <Badge variant="light">{t('agents.import.scenes', { count: preview.scenes.length })}</Badge>
        <Badge variant="light" color="gray">
          {t('agents.import.chunks', {
            count: preview.chunks,
            tokens: preview.estimatedInputTokens.toLocaleString(i18n.language),
          })}
        </Badge>
        {preview.estimatedCostMicros !== null && (
          <Badge variant="light" color="teal">
            {t('agents.import.estimate', { cost: formatMicros(preview.estimatedCostMicros, i18n.language) })}
          </Badge>
        )}
      </Group>
      <Text size="sm">{t('agents.import.characters', { names: list(preview.characters) })}</Text>
      <Text size="sm">{t('agents.import.locations', { names: list(preview.locations) })}</Text>
      {preview.estimatedCostMicros === null && (
        <Alert color="yellow" variant="light" mt="xs">
          {t('agents.import.noModel')}
        </Alert>
      )}
      {preview.warnings.map((w) => (
        <Text key={w} size="xs" c="orange">
          {w}
        </Text>
      ))}
    </Card>
  )
}
