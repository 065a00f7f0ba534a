// The item task's notes, oldest first: author (guests marked), time, the status a note set,
// its text as markdown with mentions highlighted, and its frame or range as a link that
// moves the player there.
import type { ReviewComment } from '@aipipeline/contracts'
import { Badge, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { MarkdownView } from '../../projects/shot-page/markdown-view'
import { type FrameRef, frameRefLabel } from './note-frames'

interface Props {
  notes: readonly ReviewComment[]
  startFrame: number
  /** A status's name, or null when the caller does not know the project's statuses (guests). */
  statusName(statusId: string): string | null
  onSeek(frames: FrameRef): void
}

export function ReviewNotes({ notes, startFrame, statusName, onSeek }: Props) {
  const { t } = useTranslation()
  const end = useRef<HTMLDivElement>(null)
  // New notes arrive at the bottom: keep the newest in view.
  useEffect(() => {
    if (notes.length > 0) end.current?.scrollIntoView({ block: 'nearest' })
  }, [notes.length])

  if (notes.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="review-notes">
        {t('reviewSession.notes.empty')}
      </Text>
    )
  return (
    <ScrollArea.Autosize mah="50vh" type="auto">
      <Stack gap="xs" data-testid="review-notes">
        {notes.map((note) => (
          <NoteCard key={note.id} note={note} startFrame={startFrame} statusName={statusName} onSeek={onSeek} />
        ))}
        <div ref={end} />
      </Stack>
    </ScrollArea.Autosize>
  )
}

function NoteCard({ note, startFrame, statusName, onSeek }: Omit<Props, 'notes'> & { note: ReviewComment }) {
  const { t, i18n } = useTranslation()
  const status = note.statusId === null ? null : statusName(note.statusId)
  const frames = note.frames
  return (
    <Paper withBorder p="xs" data-testid="review-note" data-note-id={note.id}>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {note.authorName}
          </Text>
          {note.guest && (
            <Badge size="xs" variant="light" color="grape">
              {t('reviewSession.notes.guest')}
            </Badge>
          )}
          {note.statusId !== null && (
            <Badge size="xs" variant="outline" data-testid="note-status">
              {status === null
                ? t('reviewSession.notes.statusChanged')
                : t('reviewSession.notes.statusChange', { status })}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {new Date(note.createdAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
        </Text>
      </Group>
      {frames !== null && (
        <UnstyledButton
          onClick={() => onSeek(frames)}
          data-testid="note-frame-link"
          data-frame={startFrame + frames.start}
          aria-label={t('reviewSession.notes.frameLink', { frames: frameRefLabel(frames, startFrame) })}
        >
          <Badge size="sm" variant="light" style={{ cursor: 'pointer' }}>
            {frameRefLabel(frames, startFrame)}
          </Badge>
        </UnstyledButton>
      )}
      {note.text.trim() !== '' && <MarkdownView text={note.text} />}
    </Paper>
  )
}
