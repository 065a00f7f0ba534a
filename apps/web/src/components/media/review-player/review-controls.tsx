// The player's control bar: transport (first, step, play, step, last), loop in/out/clear, the
// scrub bar with the loop range drawn under it, speed, zoom, safe areas, aspect mask, full
// screen, and the counter (start frame + index) with SMPTE timecode.
import type { FrameRate } from '@aipipeline/domain'
import { ActionIcon, Box, Button, Group, Menu, Slider, Stack, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FrameCounter } from '../frame-counter'
import { PauseIcon, PlayIcon, StepBackIcon, StepForwardIcon } from '../media-icons'
import {
  AspectMaskIcon,
  FirstFrameIcon,
  FullscreenIcon,
  LastFrameIcon,
  LoopClearIcon,
  LoopInIcon,
  LoopOutIcon,
  SafeAreaIcon,
} from './player-icons'
import type { PlayerPlayback, PlayerView } from './review-player.types'
import { lastFrame, PLAYBACK_SPEEDS } from './video-frame-clock'

/** The masks the menu offers; the view accepts any ratio a page sets. */
export const ASPECT_MASKS = ['2.39', '1.85', '16:9', '4:3', '1:1'] as const

export interface ReviewControlsProps {
  playback: PlayerPlayback
  count: number
  video: boolean
  rate: FrameRate
  startFrame: number
  view: PlayerView
  fullscreen: boolean
  act: {
    toggle: () => void
    step: (by: number) => void
    first: () => void
    last: () => void
    seek: (frame: number) => void
    loopIn: () => void
    loopOut: () => void
    clearLoop: () => void
    speed: (speed: number) => void
    fullscreen: () => void
    view: (next: PlayerView) => void
  }
  /** Extra controls for a compare (opacity). */
  children?: ReactNode
}

function Control(p: { label: string; onClick: () => void; disabled?: boolean; active?: boolean; children: ReactNode }) {
  return (
    <Tooltip label={p.label}>
      <ActionIcon
        variant={p.active ? 'light' : 'subtle'}
        aria-label={p.label}
        aria-pressed={p.active}
        onClick={p.onClick}
        disabled={p.disabled}
      >
        {p.children}
      </ActionIcon>
    </Tooltip>
  )
}

export function ReviewControls({
  playback,
  count,
  video,
  rate,
  startFrame,
  view,
  fullscreen,
  act,
  children,
}: ReviewControlsProps) {
  const { t } = useTranslation()
  const last = lastFrame(count)
  const loop = playback.loop
  const frame = Math.min(playback.frame, last)
  const band = (at: number) => `${last === 0 ? 0 : (at / last) * 100}%`
  return (
    <Stack gap={4} px="xs" pb={4}>
      <Box pos="relative">
        {loop && (
          <Box
            data-testid="loop-range"
            aria-label={t('reviewPlayer.loopRange', { start: startFrame + loop.start, end: startFrame + loop.end })}
            style={{
              position: 'absolute',
              top: 2,
              height: 4,
              left: band(loop.start),
              width: `calc(${band(loop.end)} - ${band(loop.start)})`,
              background: 'var(--mantine-color-yellow-5)',
              borderRadius: 2,
            }}
          />
        )}
        <Slider
          min={0}
          max={last}
          step={1}
          value={frame}
          onChange={act.seek}
          label={(v) => startFrame + v}
          aria-label={t('reviewPlayer.position')}
          disabled={!video || count <= 1}
          size="sm"
          pt={8}
        />
      </Box>
      <Group gap={4} wrap="nowrap">
        <Control
          label={t(loop ? 'reviewPlayer.loopStart' : 'reviewPlayer.first')}
          onClick={act.first}
          disabled={!video}
        >
          <FirstFrameIcon />
        </Control>
        <Control label={t('reviewPlayer.stepBack')} onClick={() => act.step(-1)} disabled={!video}>
          <StepBackIcon />
        </Control>
        <Tooltip label={t(playback.playing ? 'reviewPlayer.pause' : 'reviewPlayer.play')}>
          <ActionIcon
            variant="filled"
            aria-label={t(playback.playing ? 'reviewPlayer.pause' : 'reviewPlayer.play')}
            onClick={act.toggle}
            disabled={!video}
            data-testid="play-toggle"
          >
            {playback.playing ? <PauseIcon /> : <PlayIcon />}
          </ActionIcon>
        </Tooltip>
        <Control label={t('reviewPlayer.stepForward')} onClick={() => act.step(1)} disabled={!video}>
          <StepForwardIcon />
        </Control>
        <Control label={t(loop ? 'reviewPlayer.loopEnd' : 'reviewPlayer.last')} onClick={act.last} disabled={!video}>
          <LastFrameIcon />
        </Control>
        <Control label={t('reviewPlayer.loopIn')} onClick={act.loopIn} disabled={!video}>
          <LoopInIcon />
        </Control>
        <Control label={t('reviewPlayer.loopOut')} onClick={act.loopOut} disabled={!video}>
          <LoopOutIcon />
        </Control>
        {loop && (
          <Control label={t('reviewPlayer.loopClear')} onClick={act.clearLoop}>
            <LoopClearIcon />
          </Control>
        )}
        <Menu position="top" withinPortal={!fullscreen}>
          <Menu.Target>
            <Button variant="subtle" size="compact-sm" aria-label={t('reviewPlayer.speed')} disabled={!video}>
              {playback.speed}×
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {PLAYBACK_SPEEDS.map((s) => (
              <Menu.Item key={s} onClick={() => act.speed(s)} fw={s === playback.speed ? 700 : undefined}>
                {s}×
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Box style={{ flex: 1 }} />
        {children}
        <Button
          variant={view.zoom.mode === 'fit' ? 'light' : 'subtle'}
          size="compact-sm"
          onClick={() => act.view({ ...view, zoom: { ...view.zoom, mode: 'fit' } })}
        >
          {t('reviewPlayer.fit')}
        </Button>
        <Tooltip label={t('reviewPlayer.zoomHint')}>
          <Button
            variant={view.zoom.mode === 'actual' ? 'light' : 'subtle'}
            size="compact-sm"
            onClick={() => act.view({ ...view, zoom: { ...view.zoom, mode: 'actual' } })}
          >
            {t('reviewPlayer.actualSize')}
          </Button>
        </Tooltip>
        <Control
          label={t('reviewPlayer.safeArea')}
          active={view.safeArea}
          onClick={() => act.view({ ...view, safeArea: !view.safeArea })}
        >
          <SafeAreaIcon />
        </Control>
        <Menu position="top" withinPortal={!fullscreen}>
          <Menu.Target>
            <Tooltip label={t('reviewPlayer.aspectMask')}>
              <ActionIcon variant={view.aspectMask ? 'light' : 'subtle'} aria-label={t('reviewPlayer.aspectMask')}>
                <AspectMaskIcon />
              </ActionIcon>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => act.view({ ...view, aspectMask: null })}>{t('reviewPlayer.noMask')}</Menu.Item>
            {ASPECT_MASKS.map((m) => (
              <Menu.Item
                key={m}
                onClick={() => act.view({ ...view, aspectMask: m })}
                fw={m === view.aspectMask ? 700 : undefined}
              >
                {m}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Control
          label={t(fullscreen ? 'reviewPlayer.exitFullscreen' : 'reviewPlayer.fullscreen')}
          onClick={act.fullscreen}
        >
          <FullscreenIcon exit={fullscreen} />
        </Control>
        <FrameCounter
          startFrame={startFrame}
          frame={frame}
          last={last}
          rate={rate}
          labels={{ frame: t('reviewPlayer.frame'), timecode: t('reviewPlayer.timecode') }}
          minWidth={104}
        />
      </Group>
    </Stack>
  )
}
