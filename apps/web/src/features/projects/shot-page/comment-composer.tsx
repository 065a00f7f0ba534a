// Writing a comment: task, optional status change, markdown text with @mention autocomplete
// (people and departments of the team) and a preview.
import { type Project, productionRoutes } from '@aipipeline/contracts'
import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  UnstyledButton,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { projectKeys, useMembers } from '../project-queries'
import { MarkdownView } from './markdown-view'
import { activeMention, insertMention, type MentionOption, mentionOptions } from './mention-suggest'

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
  const [caret, setCaret] = useState(0)
  const [mode, setMode] = useState<'write' | 'preview'>('write')
  const [highlight, setHighlight] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const box = useRef<HTMLTextAreaElement>(null)

  const options = useMemo<MentionOption[]>(() => {
    const departments = [...new Set(members.flatMap((m) => m.departments))]
    return [
      ...members.map((m): MentionOption => ({ kind: 'person', name: m.displayName, detail: m.email })),
      ...departments.map((d): MentionOption => ({ kind: 'department', name: d, detail: '' })),
    ]
  }, [members])
  const mention = activeMention(text, caret)
  const suggestions = mention ? mentionOptions(mention.query, options) : []

  const pick = (option: MentionOption) => {
    if (!mention) return
    const next = insertMention(text, mention.start, caret, option.name)
    setText(next.text)
    setCaret(next.caret)
    setHighlight(0)
    requestAnimationFrame(() => {
      box.current?.focus()
      box.current?.setSelectionRange(next.caret, next.caret)
    })
  }

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
          <div style={{ position: 'relative' }}>
            <Textarea
              ref={box}
              aria-label={t('projects.comments.text')}
              placeholder={t('projects.comments.placeholder')}
              value={text}
              autosize
              minRows={3}
              onChange={(e) => {
                setText(e.currentTarget.value)
                setCaret(e.currentTarget.selectionStart)
                setHighlight(0)
              }}
              onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
              onKeyDown={(e) => {
                if (suggestions.length === 0) {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit()
                  return
                }
                if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault()
                  const step = e.key === 'ArrowDown' ? 1 : suggestions.length - 1
                  setHighlight((h) => (h + step) % suggestions.length)
                } else if (e.key === 'Enter' || e.key === 'Tab') {
                  const option = suggestions[highlight]
                  if (option) {
                    e.preventDefault()
                    pick(option)
                  }
                }
              }}
            />
            {suggestions.length > 0 && (
              <Paper
                withBorder
                shadow="md"
                p={4}
                role="listbox"
                aria-label={t('projects.comments.mentions')}
                style={{ position: 'absolute', zIndex: 10, left: 0, right: 0 }}
              >
                {suggestions.map((o, i) => (
                  <UnstyledButton
                    key={`${o.kind}-${o.name}`}
                    role="option"
                    aria-selected={i === highlight}
                    onMouseDown={(e) => {
                      e.preventDefault()
                      pick(o)
                    }}
                    p={4}
                    w="100%"
                    style={{
                      borderRadius: 4,
                      background: i === highlight ? 'var(--mantine-color-blue-light)' : undefined,
                    }}
                  >
                    <Text size="sm">
                      @{o.name}{' '}
                      <Text span size="xs" c="dimmed">
                        {o.kind === 'department' ? t('projects.comments.department') : o.detail}
                      </Text>
                    </Text>
                  </UnstyledButton>
                ))}
              </Paper>
            )}
          </div>
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
