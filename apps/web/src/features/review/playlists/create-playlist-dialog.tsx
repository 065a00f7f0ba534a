// The dialog that makes a playlist: its name (today's date by default), who it is shared with,
// where its items come from (the table selection, the tasks waiting for review, the cut, a
// saved view, or nothing yet) and which version each item shows.
import { type PlaylistDetail, productionRoutes } from '@aipipeline/contracts'
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { apiErrorText } from '../../../api/error-text'
import { useBreakdown, useProject } from '../../projects/project-queries'
import { useCreatePlaylist } from './playlist-queries'
import { localDay, needsTaskType, type PlaylistForm, playlistRequest, type SourceKind } from './playlist-source'

/** Shots selected in the shot table, and their tasks of a task type. */
export interface TableSelection {
  count: number
  /** The task type the table shows, when it shows one; the dialog asks otherwise. */
  taskTypeId: string | null
  taskIdsFor: (taskTypeId: string) => string[]
}

interface Props {
  projectId: string
  opened: boolean
  onClose: () => void
  onCreated: (detail: PlaylistDetail) => void
  selection?: TableSelection
}

export function CreatePlaylistDialog(props: Props) {
  const { t } = useTranslation()
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('playlists.create.title')} size="lg">
      {props.opened && <CreatePlaylistForm {...props} />}
    </Modal>
  )
}

function useSavedViews(projectId: string) {
  const api = useApi()
  // The saved views menu of the shot table reads the same list under the same key.
  return useQuery({
    queryKey: ['project', projectId, 'table-views'],
    queryFn: () => api.call(productionRoutes.listShotTableViews, { params: { projectId } }),
  }).data?.items
}

function CreatePlaylistForm(props: Props) {
  const { t } = useTranslation()
  const project = useProject(props.projectId).data
  const sequences = useBreakdown(props.projectId).data?.sequences ?? []
  const create = useCreatePlaylist(props.projectId)
  const [form, setForm] = useState<PlaylistForm>(() => ({
    name: t('playlists.create.defaultName', { date: localDay(new Date()) }),
    audience: 'team',
    source: props.selection ? 'tasks' : 'latestForReview',
    taskTypeId: props.selection?.taskTypeId ?? null,
    sequenceId: null,
    viewId: null,
    versionChoice: 'latest',
  }))
  const [gap, setGap] = useState<string | null>(null)
  const views = useSavedViews(props.projectId)
  const set = (patch: Partial<PlaylistForm>) => {
    setGap(null)
    setForm((f) => ({ ...f, ...patch }))
  }
  // A source that needs a task type starts on the project's first one.
  useEffect(() => {
    if (needsTaskType(form.source) && form.taskTypeId === null && project?.taskTypes[0])
      setForm((f) => ({ ...f, taskTypeId: project.taskTypes[0]?.id ?? null }))
  }, [form.source, form.taskTypeId, project])

  const sources: SourceKind[] = props.selection ? ['tasks'] : ['latestForReview', 'cut', 'view', 'empty']
  const taskTypes = (project?.taskTypes ?? []).map((tt) => ({ value: tt.id, label: tt.name }))
  const submit = () => {
    const outcome = playlistRequest(form, props.selection?.taskIdsFor ?? (() => []))
    if (!outcome.ok) return setGap(t(`playlists.create.gaps.${outcome.gap}`))
    create.mutate(outcome.body, {
      onSuccess: (detail) => {
        props.onCreated(detail)
        props.onClose()
      },
    })
  }

  return (
    <Stack gap="sm" data-testid="playlist-create">
      <TextInput
        label={t('playlists.create.name')}
        value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        maxLength={120}
        data-testid="playlist-create-name"
        data-autofocus
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('playlists.create.audience')}
        </Text>
        <SegmentedControl
          value={form.audience}
          onChange={(v) => set({ audience: v === 'client' ? 'client' : 'team' })}
          data={(['team', 'client'] as const).map((a) => ({ value: a, label: t(`playlists.audience.${a}`) }))}
          data-testid="playlist-create-audience"
        />
      </Stack>
      {sources.length > 1 && (
        <Select
          label={t('playlists.create.source')}
          data={sources.map((s) => ({ value: s, label: t(`playlists.create.sources.${s}`, { count: 0 }) }))}
          value={form.source}
          onChange={(v) => {
            const source = sources.find((s) => s === v)
            if (source) set({ source })
          }}
          allowDeselect={false}
          data-testid="playlist-create-source"
        />
      )}
      {props.selection && (
        <Text size="sm">{t('playlists.create.sources.tasks', { count: props.selection.count })}</Text>
      )}
      {form.source !== 'empty' && (
        <Select
          label={t('playlists.create.taskType')}
          placeholder={t('playlists.create.anyTaskType')}
          data={taskTypes}
          value={form.taskTypeId}
          onChange={(taskTypeId) => set({ taskTypeId })}
          clearable={!needsTaskType(form.source)}
          allowDeselect={!needsTaskType(form.source)}
          data-testid="playlist-create-task-type"
        />
      )}
      {(form.source === 'latestForReview' || form.source === 'cut') && (
        <Select
          label={t('playlists.create.sequence')}
          placeholder={t('playlists.create.allSequences')}
          data={sequences.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
          value={form.sequenceId}
          onChange={(sequenceId) => set({ sequenceId })}
          clearable
        />
      )}
      {form.source === 'view' && (
        <Select
          label={t('playlists.create.view')}
          data={(views ?? []).map((v) => ({ value: v.id, label: v.name }))}
          value={form.viewId}
          onChange={(viewId) => set({ viewId })}
          data-testid="playlist-create-view"
        />
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('playlists.create.versionChoice')}
        </Text>
        <SegmentedControl
          value={form.versionChoice}
          onChange={(v) => set({ versionChoice: v === 'approved' ? 'approved' : 'latest' })}
          data={(['latest', 'approved'] as const).map((c) => ({ value: c, label: t(`playlists.choice.${c}`) }))}
          data-testid="playlist-create-version-choice"
        />
      </Stack>
      {(gap ?? create.error) && (
        <Alert color="red" role="alert" py={6}>
          {gap ?? apiErrorText(create.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('playlists.create.cancel')}
        </Button>
        <Button onClick={submit} loading={create.isPending} data-testid="playlist-create-submit">
          {t('playlists.create.submit')}
        </Button>
      </Group>
    </Stack>
  )
}
