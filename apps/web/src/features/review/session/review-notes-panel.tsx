// The right-hand panel: the item task's notes (live), the note box, and Approve / Retake for
// those who may decide. Guests and clients see and write notes only.
import { type PlaylistDetail, type PlaylistItem, type Project, productionRoutes } from '@aipipeline/contracts'
import { Group, Stack, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { apiErrorText } from '../../../api/error-text'
import { projectKeys } from '../../projects/project-queries'
import type { MentionOption } from '../../projects/shot-page/mention-suggest'
import { NoteComposer } from './note-composer'
import type { FrameRef } from './note-frames'
import { ReviewDecision } from './review-decision'
import { ReviewNotes } from './review-notes'
import { reviewSessionKeys, useItemComments, usePostNote } from './review-session-queries'

interface Props {
  detail: PlaylistDetail
  item: PlaylistItem
  versionId: string
  /** The project's settings; undefined for guests, who may not read them. */
  project: Project | undefined
  frame: number
  loop: FrameRef | null
  lastFrame: number | null
  isVideo: boolean
  onSeek(frames: FrameRef): void
}

/** The team for @mention suggestions; guests have none to ask for. */
function useMentionOptions(projectId: string, enabled: boolean): MentionOption[] {
  const api = useApi()
  const members = useQuery({
    queryKey: projectKeys.members(projectId),
    queryFn: async () => (await api.call(productionRoutes.listMembers, { params: { projectId } })).items,
    staleTime: 60_000,
    enabled,
  }).data
  return useMemo(() => {
    const list = members ?? []
    const departments = [...new Set(list.flatMap((m) => m.departments))]
    return [
      ...list.map((m): MentionOption => ({ kind: 'person', name: m.displayName, detail: m.email })),
      ...departments.map((d): MentionOption => ({ kind: 'department', name: d, detail: '' })),
    ]
  }, [members])
}

export function ReviewNotesPanel(props: Props) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const { detail, item, versionId, project } = props
  const playlistId = detail.playlist.id
  const notes = useItemComments(playlistId, item.id).data ?? []
  const post = usePostNote(playlistId, item.id)
  const mentions = useMentionOptions(detail.project.id, detail.guestName === null)
  const [noteError, setNoteError] = useState<string | null>(null)
  const [decisionError, setDecisionError] = useState<string | null>(null)

  const statusName = (statusId: string) => project?.statuses.find((s) => s.id === statusId)?.name ?? null

  const postNote = async (text: string, frames: FrameRef | undefined) => {
    setNoteError(null)
    try {
      await post.mutateAsync({ text, versionId, ...(frames ? { frames } : {}) })
      return true
    } catch (err) {
      setNoteError(apiErrorText(err, t))
      return false
    }
  }

  const decide = async (statusId: string, note: string) => {
    setDecisionError(null)
    try {
      const frames = props.isVideo && note.trim() !== '' ? { start: props.frame, end: props.frame } : undefined
      await post.mutateAsync({ text: note, versionId, statusId, ...(frames ? { frames } : {}) })
      // The item's status shows in the playlist; the task's history on the shot page.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewSessionKeys.playlist(playlistId) }),
        queryClient.invalidateQueries({ queryKey: projectKeys.task(item.taskId) }),
        queryClient.invalidateQueries({ queryKey: projectKeys.table(detail.project.id) }),
      ])
      return true
    } catch (err) {
      setDecisionError(apiErrorText(err, t))
      return false
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={5}>{t('reviewSession.notes.title')}</Title>
        {detail.can.decide && project && (
          <ReviewDecision project={project} item={item} busy={post.isPending} error={decisionError} onDecide={decide} />
        )}
      </Group>
      <ReviewNotes notes={notes} startFrame={detail.project.startFrame} statusName={statusName} onSeek={props.onSeek} />
      {detail.can.comment && (
        <NoteComposer
          startFrame={detail.project.startFrame}
          frame={props.frame}
          loop={props.loop}
          lastFrame={props.lastFrame}
          framesAllowed={props.isVideo}
          mentions={mentions}
          error={noteError}
          busy={post.isPending}
          onPost={postNote}
        />
      )}
    </Stack>
  )
}
