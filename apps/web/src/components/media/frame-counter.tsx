// The players' frame counter: the frame on screen as the project numbers it (start frame +
// index) out of the last, with its timecode below. Both players show the same counter.
import { type FrameRate, timecodeOf } from '@aipipeline/domain'
import { Stack, Text } from '@mantine/core'

interface Props {
  startFrame: number
  /** 0-based index of the frame on screen, and of the media's last frame. */
  frame: number
  last: number
  rate: FrameRate
  labels: { frame: string; timecode: string }
  minWidth: number
}

export function FrameCounter({ startFrame, frame, last, rate, labels, minWidth }: Props) {
  return (
    <Stack gap={0} align="flex-end" miw={minWidth}>
      <Text ff="monospace" size="sm" fw={600} data-testid="frame-counter" aria-label={labels.frame}>
        {startFrame + frame}
        <Text span c="dimmed" size="xs" ff="monospace">
          {' / '}
          {startFrame + last}
        </Text>
      </Text>
      <Text ff="monospace" size="xs" c="dimmed" data-testid="timecode" aria-label={labels.timecode}>
        {timecodeOf(frame, rate)}
      </Text>
    </Stack>
  )
}
