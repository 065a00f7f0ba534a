// Two versions compared full screen: side by side, wipe, overlay with opacity, or difference;
// `\` or F flips A and B, 1–4 pick the mode, + − 0 zoom and fit (both sides stay in sync);
// videos play frame-locked with Space , . as in the player. Each side's corner holds its label
// and whatever buttons the page puts there (approve, retake).
import { frameRateOf, timecodeOf } from '@aipipeline/domain'
import { ActionIcon, Badge, Button, Group, Modal, SegmentedControl, Slider, Stack, Text, Tooltip } from '@mantine/core'
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { playerKeyAction } from '../frame-player'
import { PauseIcon, PlayIcon, StepBackIcon, StepForwardIcon } from '../media-icons'
import { type Size, ZOOM_STEP, type ZoomView, zoomAt } from '../zoom-view'
import {
  COMPARE_MODES,
  type CompareMode,
  compareKeyAction,
  fitCompare,
  nudgeDivider,
  orderedSides,
} from './compare-model'
import { type CompareSource, CompareStage } from './compare-stage'
import { useFrameLock } from './use-frame-lock'

export interface CompareViewerProps {
  a: CompareSource
  b: CompareSource
  fps: number
  startFrame: number
  /** Buttons shown in a side's corner; `frame` is the locked frame for video (0-based). */
  actions?: (side: 'a' | 'b', frame: number | undefined) => ReactNode
  onClose: () => void
}

export function CompareViewer(props: CompareViewerProps) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<CompareMode>('wipe')
  const [flipped, setFlipped] = useState(false)
  const [divider, setDivider] = useState(0.5)
  const [opacity, setOpacity] = useState(0.5)
  const [size, setSize] = useState<Size | null>(null)
  const [view, setView] = useState<ZoomView | null>(null)
  const root = useRef<HTMLDivElement>(null)
  const [stageSize, setStageSize] = useState<Size>({ width: 0, height: 0 })
  const firstVideo = useRef<HTMLVideoElement>(null)
  const secondVideo = useRef<HTMLVideoElement>(null)
  const video = props.a.kind === 'video' && props.b.kind === 'video'
  const lock = useFrameLock(firstVideo, secondVideo, props.fps, video)
  const rate = useMemo(() => frameRateOf(props.fps), [props.fps])
  const { first, second } = orderedSides(props.a, props.b, flipped)
  const sides = orderedSides<'a' | 'b'>('a', 'b', flipped)

  const fit = useCallback(() => {
    if (size && stageSize.width > 0) setView(fitCompare(mode, size, stageSize))
  }, [mode, size, stageSize])
  // A new mode (halves or whole stage), a loaded picture or a resized window fits again.
  useEffect(fit, [fit])
  useEffect(() => root.current?.focus({ preventScroll: true }), [])
  const onView = useCallback((update: (v: ZoomView) => ZoomView) => setView((v) => v && update(v)), [])

  const onKeyDown = (e: KeyboardEvent) => {
    if (isTyping(e.target)) return
    if (video) {
      const playerAction = playerKeyAction(e.key)
      if (playerAction === 'toggle') lock.toggle()
      else if (playerAction === -1 || playerAction === 1) lock.step(playerAction)
      if (playerAction !== null) return e.preventDefault()
    }
    if (mode === 'wipe' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault()
      return setDivider((d) => nudgeDivider(d, e.key === 'ArrowLeft' ? -1 : 1, e.shiftKey))
    }
    const action = compareKeyAction(e.key)
    if (!action) return
    e.preventDefault()
    if (action.kind === 'flip') setFlipped((f) => !f)
    else if (action.kind === 'mode') setMode(action.mode)
    else if (action.kind === 'fit') fit()
    else {
      const factor = action.factor === 'in' ? ZOOM_STEP : 1 / ZOOM_STEP
      const centre = { x: (mode === 'side' ? stageSize.width / 2 : stageSize.width) / 2, y: stageSize.height / 2 }
      onView((v) => zoomAt(v, factor, centre))
    }
  }

  const frame = video ? lock.frame : undefined
  const corner = (side: 'a' | 'b', source: CompareSource) => (
    <Group gap={6} wrap="nowrap">
      <Badge variant="filled" color={side === 'a' ? 'blue' : 'orange'} data-testid={`compare-label-${side}`}>
        {side.toUpperCase()} · {source.label}
      </Badge>
      {props.actions?.(side, frame)}
    </Group>
  )

  return (
    <Modal
      opened
      onClose={props.onClose}
      fullScreen
      title={<Text fw={600}>{t('media.compare.title')}</Text>}
      styles={{ body: { height: 'calc(100dvh - 70px)' } }}
      data-testid="compare-viewer"
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the compare keys (\ F 1–4 + − 0, Space , .) */}
      <div
        ref={root}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        style={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 8, outline: 'none' }}
      >
        <Group gap="sm">
          <SegmentedControl
            value={mode}
            onChange={(m) => setMode(m as CompareMode)}
            data={COMPARE_MODES.map((m) => ({ value: m, label: t(`media.compare.mode.${m}`) }))}
            data-testid="compare-mode"
          />
          {mode === 'overlay' && (
            <Group gap={6} w={220}>
              <Text size="sm">{t('media.compare.opacity')}</Text>
              <Slider
                style={{ flex: 1 }}
                min={0}
                max={1}
                step={0.01}
                value={opacity}
                onChange={setOpacity}
                label={(v) => `${Math.round(v * 100)} %`}
                aria-label={t('media.compare.opacity')}
              />
            </Group>
          )}
          <Tooltip label={t('media.compare.flipHint')}>
            <Button variant="default" size="xs" onClick={() => setFlipped((f) => !f)} data-testid="compare-flip">
              {t('media.compare.flip')}
            </Button>
          </Tooltip>
          <Button variant="default" size="xs" onClick={fit}>
            {t('media.viewer.fit')}
          </Button>
          <Text size="xs" c="dimmed" ml="auto">
            {t('media.compare.hint')}
          </Text>
        </Group>
        <CompareStage
          mode={mode}
          first={first}
          second={second}
          size={size}
          onSize={setSize}
          view={view}
          onView={onView}
          divider={divider}
          onDivider={setDivider}
          opacity={opacity}
          onStageSize={setStageSize}
          videoRefs={{ first: firstVideo, second: secondVideo }}
          stageSize={stageSize}
          corner={{ first: corner(sides.first, first), second: corner(sides.second, second) }}
        />
        {video && <LockedControls lock={lock} startFrame={props.startFrame} timecode={timecodeOf(lock.frame, rate)} />}
      </div>
    </Modal>
  )
}

function LockedControls(props: { lock: ReturnType<typeof useFrameLock>; startFrame: number; timecode: string }) {
  const { t } = useTranslation()
  const { lock, startFrame } = props
  const last = Math.max(lock.count - 1, 0)
  return (
    <Group gap="xs" wrap="nowrap">
      <ActionIcon variant="subtle" aria-label={t('media.player.stepBack')} onClick={() => lock.step(-1)}>
        <StepBackIcon />
      </ActionIcon>
      <ActionIcon
        variant="filled"
        aria-label={lock.playing ? t('media.player.pause') : t('media.player.play')}
        onClick={lock.toggle}
        data-testid="compare-play"
      >
        {lock.playing ? <PauseIcon /> : <PlayIcon />}
      </ActionIcon>
      <ActionIcon variant="subtle" aria-label={t('media.player.stepForward')} onClick={() => lock.step(1)}>
        <StepForwardIcon />
      </ActionIcon>
      <Slider
        style={{ flex: 1 }}
        min={0}
        max={last}
        step={1}
        value={Math.min(lock.frame, last)}
        onChange={lock.seek}
        label={(v) => startFrame + v}
        aria-label={t('media.player.position')}
        disabled={lock.count === 0}
        size="sm"
      />
      <Stack gap={0} align="flex-end" miw={96}>
        <Text ff="monospace" size="sm" fw={600} data-testid="compare-frame">
          {startFrame + lock.frame}
        </Text>
        <Text ff="monospace" size="xs" c="dimmed">
          {props.timecode}
        </Text>
      </Stack>
    </Group>
  )
}

/** Keys typed into a text field or moving a slider are theirs; the mode buttons (radios) are not. */
function isTyping(target: EventTarget): boolean {
  if (target instanceof HTMLTextAreaElement) return true
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button'].includes(target.type)
  return target instanceof HTMLElement && target.getAttribute('role') === 'slider'
}
