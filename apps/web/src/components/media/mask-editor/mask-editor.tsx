// The mask editor: the painting surface (MaskCanvas, imperative) under a toolbar of tools,
// brush size and hardness, shape fill/erase, invert, feather, clear, undo/redo, overlay and
// zoom. The toolbar mirrors the surface's status, so keyboard shortcuts and buttons agree.
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Popover,
  SegmentedControl,
  Slider,
  Stack,
  Switch,
  Text,
  Tooltip,
} from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZOOM_STEP } from '../zoom-view'
import { MaskCanvas, type MaskStatus } from './mask-canvas'
import { MAX_RADIUS, type MaskSettings, type MaskTool } from './mask-settings'

export interface MaskEditorProps {
  /** The image to paint over (a blob or object URL) and its size in pixels. */
  src: string
  width: number
  height: number
  /** The surface once it exists (null when it goes): the dialog reads the mask from it. */
  onReady?: (canvas: MaskCanvas | null) => void
  /** Called after every change of the mask or the toolbar. */
  onChange?: (status: MaskStatus) => void
  surfaceHeight?: number | string
}

export function MaskEditor(props: MaskEditorProps) {
  const { src, width, height, onReady, onChange } = props
  const host = useRef<HTMLDivElement>(null)
  const canvas = useRef<MaskCanvas | null>(null)
  const [status, setStatus] = useState<MaskStatus | null>(null)
  const ready = useRef(onReady)
  ready.current = onReady
  const changed = useRef(onChange)
  changed.current = onChange

  useEffect(() => {
    const el = host.current
    if (el === null) return
    const surface = new MaskCanvas(el, { url: src, width, height }, (s) => {
      setStatus(s)
      changed.current?.(s)
    })
    canvas.current = surface
    setStatus(surface.status())
    ready.current?.(surface)
    el.focus({ preventScroll: true })
    return () => {
      ready.current?.(null)
      canvas.current = null
      surface.destroy()
    }
  }, [src, width, height])

  const set = (change: Partial<MaskSettings>) => canvas.current?.setSettings(change)
  return (
    <Stack gap="xs">
      {status && <MaskToolbar status={status} set={set} canvas={canvas} />}
      <div
        ref={host}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the surface takes the editor's keyboard shortcuts
        tabIndex={0}
        data-testid="mask-surface"
        style={{
          height: props.surfaceHeight ?? '60vh',
          background: 'repeating-conic-gradient(#808080 0 25%, #a0a0a0 0 50%) 0 0 / 16px 16px',
          borderRadius: 4,
          outline: 'none',
        }}
      />
    </Stack>
  )
}

function MaskToolbar(props: {
  status: MaskStatus
  set: (change: Partial<MaskSettings>) => void
  canvas: { current: MaskCanvas | null }
}) {
  const { t } = useTranslation()
  const { settings } = props.status
  const run = (action: (c: MaskCanvas) => void) => () => {
    const c = props.canvas.current
    if (c) action(c)
  }
  const brushLike = settings.tool === 'brush' || settings.tool === 'eraser'
  const tools: MaskTool[] = ['brush', 'eraser', 'rect', 'lasso']
  return (
    <Stack gap={6}>
      {/* A fixed height: switching tools must not move the surface under the pointer. */}
      <Group gap="md" wrap="wrap" align="flex-end" mih={46}>
        <SegmentedControl
          size="xs"
          value={settings.tool}
          onChange={(value) => props.set({ tool: tools.find((tool) => tool === value) ?? 'brush' })}
          data={tools.map((tool) => ({ value: tool, label: t(`maskEditor.tool.${tool}`) }))}
          data-testid="mask-tool"
        />
        {brushLike ? (
          <>
            <LabelledSlider
              label={t('maskEditor.size', { size: settings.radius * 2 })}
              value={settings.radius}
              min={1}
              max={MAX_RADIUS}
              onChange={(radius) => props.set({ radius })}
              testId="mask-size"
            />
            <LabelledSlider
              label={t('maskEditor.hardness', { percent: Math.round(settings.hardness * 100) })}
              value={Math.round(settings.hardness * 100)}
              min={0}
              max={100}
              onChange={(v) => props.set({ hardness: v / 100 })}
              testId="mask-hardness"
            />
          </>
        ) : (
          <SegmentedControl
            size="xs"
            value={settings.shapeMode}
            onChange={(mode) => props.set({ shapeMode: mode === 'erase' ? 'erase' : 'paint' })}
            data={[
              { value: 'paint', label: t('maskEditor.fill') },
              { value: 'erase', label: t('maskEditor.erase') },
            ]}
            data-testid="mask-shape-mode"
          />
        )}
      </Group>
      <Group gap="xs" wrap="wrap">
        <Button
          size="compact-sm"
          variant="default"
          disabled={!props.status.canUndo}
          onClick={run((c) => c.undo())}
          data-testid="mask-undo"
        >
          {t('maskEditor.undo')}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          disabled={!props.status.canRedo}
          onClick={run((c) => c.redo())}
          data-testid="mask-redo"
        >
          {t('maskEditor.redo')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={run((c) => c.invert())} data-testid="mask-invert">
          {t('maskEditor.invert')}
        </Button>
        <FeatherButton onApply={(f) => props.canvas.current?.feather(f)} />
        <Button
          size="compact-sm"
          variant="default"
          color="red"
          onClick={run((c) => c.clear())}
          data-testid="mask-clear"
        >
          {t('maskEditor.clear')}
        </Button>
        <Switch
          size="xs"
          label={t('maskEditor.overlay')}
          checked={settings.overlay}
          onChange={(e) => props.set({ overlay: e.currentTarget.checked })}
          data-testid="mask-overlay-toggle"
        />
        <Group gap={4} ml="auto">
          <Tooltip label={t('maskEditor.zoomOut')}>
            <ActionIcon
              variant="default"
              onClick={run((c) => c.zoomBy(1 / ZOOM_STEP))}
              aria-label={t('maskEditor.zoomOut')}
            >
              −
            </ActionIcon>
          </Tooltip>
          <Text size="xs" w={48} ta="center" data-testid="mask-zoom">
            {Math.round(props.status.scale * 100)} %
          </Text>
          <Tooltip label={t('maskEditor.zoomIn')}>
            <ActionIcon variant="default" onClick={run((c) => c.zoomBy(ZOOM_STEP))} aria-label={t('maskEditor.zoomIn')}>
              +
            </ActionIcon>
          </Tooltip>
          <Button size="compact-sm" variant="default" onClick={run((c) => c.fit())}>
            {t('maskEditor.fit')}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('maskEditor.hint')}
      </Text>
    </Stack>
  )
}

function LabelledSlider(props: {
  label: string
  value: number
  min: number
  max: number
  onChange: (v: number) => void
  testId: string
}) {
  return (
    <div style={{ width: 160 }}>
      <Text size="xs" mb={2}>
        {props.label}
      </Text>
      <Slider
        size="sm"
        value={props.value}
        min={props.min}
        max={props.max}
        onChange={props.onChange}
        label={null}
        data-testid={props.testId}
      />
    </div>
  )
}

function FeatherButton({ onApply }: { onApply: (f: { grow: number; blur: number }) => void }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const [grow, setGrow] = useState(0)
  const [blur, setBlur] = useState(8)
  return (
    <Popover opened={opened} onChange={setOpened} width={240} position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="default" onClick={() => setOpened((o) => !o)} data-testid="mask-feather">
          {t('maskEditor.feather')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <NumberInput
            size="xs"
            label={t('maskEditor.grow')}
            description={t('maskEditor.growHint')}
            value={grow}
            min={-256}
            max={256}
            onChange={(v) => setGrow(typeof v === 'number' ? v : 0)}
            data-testid="mask-feather-grow"
          />
          <NumberInput
            size="xs"
            label={t('maskEditor.blur')}
            value={blur}
            min={0}
            max={256}
            onChange={(v) => setBlur(typeof v === 'number' ? Math.max(0, v) : 0)}
            data-testid="mask-feather-blur"
          />
          <Button
            size="xs"
            disabled={grow === 0 && blur === 0}
            onClick={() => {
              onApply({ grow, blur })
              setOpened(false)
            }}
            data-testid="mask-feather-apply"
          >
            {t('maskEditor.applyFeather')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
