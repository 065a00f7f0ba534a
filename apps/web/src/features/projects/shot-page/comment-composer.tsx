// Writing a comment: task, optional status change, markdown text with @mention autocomplete
// (people and departments of the team) and a preview.
import { type Project, productionRoutes } from '@aipipeline/contracts'
import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { projectKeys, useMembers } from '../project-queries'
import { MarkdownView } from './markdown-view'
import type { MentionOption } from './mention-suggest'
import { MentionTextBox } from './mention-text-box'

interface Props {
  project: Project
  shotId: string
  tasks: { id: string; taskTypeId: string; statusId: string | null }[]
}

/** The comment box of the shot page. */
export function CommentComposer({ project, shotId, tasks }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const members = useMembers(project.id).data ?? []
  const [taskId, setTaskId] = useState<string | null>(tasks[0]?.id ?? null)
  const [statusId, setStatusId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [mode, setMode] = useState<'write' | 'preview'>('write')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const options = useMemo<MentionOption[]>(() => {
    const departments = [...new Set(members.flatMap((m) => m.departments))]
    return [
      ...members.map((m): MentionOption => ({ kind: 'person', name: m.displayName, detail: m.email })),
      ...departments.map((d): MentionOption => ({ kind: 'department', name: d, detail: '' })),
    ]
  }, [members])
  const submit = async () => {
    if (!taskId) return
    setBusy(true)
    setError(null)
    try {
      await api.call(productionRoutes.postComment, {
        params: { taskId },
        body: { text, ...(statusId ? { statusId } : {}) },
      })
      setText('')
      setStatusId(null)
      setMode('write')
      void queryClient.invalidateQueries({ queryKey: projectKeys.task(taskId) })
      void queryClient.invalidateQueries({ queryKey: projectKeys.shot(shotId) })
      void queryClient.invalidateQueries({ queryKey: projectKeys.activity(project.id, shotId) })
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const typeName = (id: string) => project.taskTypes.find((tt) => tt.id === id)?.name ?? id
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group gap="xs" grow>
          <Select
            size="xs"
            label={t('projects.comments.task')}
            data={tasks.map((task) => ({ value: task.id, label: typeName(task.taskTypeId) }))}
            value={taskId}
            onChange={setTaskId}
            allowDeselect={false}
          />
          <Select
            size="xs"
            label={t('projects.comments.setStatus')}
            placeholder={t('projects.comments.keepStatus')}
            data={project.statuses.map((s) => ({ value: s.id, label: s.name, disabled: !s.canSet }))}
            value={statusId}
            onChange={setStatusId}
            clearable
          />
        </Group>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(v) => setMode(v === 'preview' ? 'preview' : 'write')}
          data={[
            { value: 'write', label: t('projects.comments.write') },
            { value: 'preview', label: t('projects.comments.preview') },
          ]}
          w={200}
        />
        {mode === 'write' ? (
          <MentionTextBox
            value={text}
            onChange={setText}
            options={options}
            onSubmit={() => void submit()}
            label={t('projects.comments.text')}
            placeholder={t('projects.comments.placeholder')}
          />
        ) : (
          <Paper withBorder p="xs" mih={80} data-testid="comment-preview">
            {text.trim() === '' ? (
              <Text c="dimmed" size="sm">
                {t('projects.comments.nothing')}
              </Text>
            ) : (
              <MarkdownView text={text} />
            )}
          </Paper>
        )}
        {error && (
          <Alert color="red" role="alert" py={6}>
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button size="xs" onClick={submit} loading={busy} disabled={!taskId || (text.trim() === '' && !statusId)}>
            {t('projects.comments.post')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
