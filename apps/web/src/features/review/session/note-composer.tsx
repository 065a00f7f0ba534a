// Writing a note on the item's task: markdown with @mentions, optionally at the frame on screen
// or over a range (marked in and out on the player, typed, or taken from the loop).
import { Alert, Button, Chip, Group, NumberInput, Paper, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MentionOption } from '../../projects/shot-page/mention-suggest'
import { MentionTextBox } from '../../projects/shot-page/mention-text-box'
import { type FrameRef, framesOfChoice } from './note-frames'

interface Props {
  startFrame: number
  /** The frame on screen (0-based). */
  frame: number
  loop: FrameRef | null
  /** The media's last frame index, when known (stills have one frame). */
  lastFrame: number | null
  /** Video: notes may name a frame or a range. */
  framesAllowed: boolean
  mentions: readonly MentionOption[]
  error: string | null
  busy: boolean
  /** Resolves true when the note was posted (the box then empties). */
  onPost(text: string, frames: FrameRef | undefined): Promise<boolean>
}

type Mode = 'none' | 'frame' | 'range'

export function NoteComposer(props: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [mode, setMode] = useState<Mode>('none')
  const [marks, setMarks] = useState<FrameRef>({ start: 0, end: 0 })
  const { startFrame, frame } = props
  const max = props.lastFrame === null ? undefined : startFrame + props.lastFrame

  const choose = (next: Mode) => {
    // Entering the range starts it at the frame on screen (or the loop), ready to mark out.
    if (next === 'range' && mode !== 'range') setMarks(props.loop ?? { start: frame, end: frame })
    setMode(next)
  }
  const frames = framesOfChoice(
    mode === 'none'
      ? { kind: 'none' }
      : mode === 'frame'
        ? { kind: 'frame', frame }
        : { kind: 'range', in: marks.start, out: marks.end },
  )
  const submit = async () => {
    if (text.trim() === '' || props.busy) return
    if (await props.onPost(text, props.framesAllowed ? frames : undefined)) {
      setText('')
      setMode('none')
    }
  }
  const toIndex = (shown: string | number) => Math.max(0, (typeof shown === 'number' ? shown : startFrame) - startFrame)

  return (
    <Paper withBorder p="xs">
      <Stack gap={6}>
        <MentionTextBox
          value={text}
          onChange={setText}
          options={props.mentions}
          onSubmit={submit}
          label={t('reviewSession.notes.text')}
          placeholder={t('reviewSession.notes.placeholder')}
          minRows={2}
          maxRows={8}
          testId="note-text"
        />
        {props.framesAllowed && (
          <Group gap={6}>
            <Chip
              size="xs"
              checked={mode === 'frame'}
              onChange={(on) => choose(on ? 'frame' : 'none')}
              data-testid="note-at-frame"
            >
              {t('reviewSession.notes.atFrame', { frame: startFrame + frame })}
            </Chip>
            <Chip
              size="xs"
              checked={mode === 'range'}
              onChange={(on) => choose(on ? 'range' : 'none')}
              data-testid="note-range"
            >
              {t('reviewSession.notes.range')}
            </Chip>
          </Group>
        )}
        {props.framesAllowed && mode === 'range' && (
          <Group gap={6} align="flex-end" wrap="wrap">
            <Button size="compact-xs" variant="default" onClick={() => setMarks((m) => ({ ...m, start: frame }))}>
              {t('reviewSession.notes.markIn')}
            </Button>
            <NumberInput
              size="xs"
              w={90}
              min={startFrame}
              max={max}
              value={startFrame + marks.start}
              onChange={(v) => setMarks((m) => ({ ...m, start: toIndex(v) }))}
              aria-label={t('reviewSession.notes.markIn')}
              data-testid="note-range-in"
            />
            <NumberInput
              size="xs"
              w={90}
              min={startFrame}
              max={max}
              value={startFrame + marks.end}
              onChange={(v) => setMarks((m) => ({ ...m, end: toIndex(v) }))}
              aria-label={t('reviewSession.notes.markOut')}
              data-testid="note-range-out"
            />
            <Button size="compact-xs" variant="default" onClick={() => setMarks((m) => ({ ...m, end: frame }))}>
              {t('reviewSession.notes.markOut')}
            </Button>
            {props.loop && (
              <Button size="compact-xs" variant="subtle" onClick={() => props.loop && setMarks(props.loop)}>
                {t('reviewSession.notes.useLoop')}
              </Button>
            )}
          </Group>
        )}
        {props.error && (
          <Alert color="red" role="alert" py={4}>
            {props.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button size="xs" onClick={submit} loading={props.busy} disabled={text.trim() === ''} data-testid="note-post">
            {t('reviewSession.notes.post')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
