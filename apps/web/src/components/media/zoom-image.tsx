// An image at full resolution in a box: wheel zooms at the cursor, dragging pans, buttons
// and keys fit it (0), show it 1:1 and zoom in and out (+/−) about the centre.
import { Button, Group, Text } from '@mantine/core'
import { type KeyboardEvent, type PointerEvent, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { actualSizeView, fitView, panBy, type Size, wheelFactor, ZOOM_STEP, type ZoomView, zoomAt } from './zoom-view'

/** The zoomable image with its toolbar; it takes the keyboard while shown. */
export function ZoomImage({ src, alt }: { src: string; alt: string }) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const [natural, setNatural] = useState<Size | null>(null)
  const [view, setView] = useState<ZoomView | null>(null)
  const drag = useRef<{ x: number; y: number } | null>(null)
  const [dragging, setDragging] = useState(false)

  const boxSize = useCallback((): Size => {
    const r = box.current?.getBoundingClientRect()
    return { width: r?.width ?? 0, height: r?.height ?? 0 }
  }, [])
  const fit = useCallback(() => natural && setView(fitView(natural, boxSize())), [natural, boxSize])
  const actual = () => natural && setView(actualSizeView(natural, boxSize()))
  const zoomCentre = (factor: number) => {
    const b = boxSize()
    setView((v) => v && zoomAt(v, factor, { x: b.width / 2, y: b.height / 2 }))
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new image starts unfitted
  useEffect(() => {
    setNatural(null)
    setView(null)
    box.current?.focus({ preventScroll: true })
  }, [src])
  useEffect(() => {
    if (natural && !view) fit()
  }, [natural, view, fit])

  // React's onWheel is passive; zooming must stop the page from scrolling.
  useEffect(() => {
    const el = box.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const r = el.getBoundingClientRect()
      const at = { x: e.clientX - r.left, y: e.clientY - r.top }
      setView((v) => v && zoomAt(v, wheelFactor(e.deltaY), at))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [])

  const onKeyDown = (e: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      '+': () => zoomCentre(ZOOM_STEP),
      '=': () => zoomCentre(ZOOM_STEP),
      '-': () => zoomCentre(1 / ZOOM_STEP),
      '0': fit,
      '1': actual,
    }
    const action = actions[e.key]
    if (!action) return
    e.preventDefault()
    action()
  }
  const onPointerDown = (e: PointerEvent) => {
    drag.current = { x: e.clientX, y: e.clientY }
    setDragging(true)
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  const onPointerMove = (e: PointerEvent) => {
    const from = drag.current
    if (!from) return
    drag.current = { x: e.clientX, y: e.clientY }
    setView((v) => v && panBy(v, e.clientX - from.x, e.clientY - from.y))
  }
  const endDrag = () => {
    drag.current = null
    setDragging(false)
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 8 }}>
      <div
        ref={box}
        role="img"
        aria-label={alt}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the picture takes the zoom keys (+ − 0 1)
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={fit}
        data-testid="zoom-image"
        data-scale={view?.scale.toFixed(4) ?? ''}
        style={{
          flex: 1,
          minHeight: 0,
          position: 'relative',
          overflow: 'hidden',
          background: 'var(--mantine-color-dark-8)',
          cursor: dragging ? 'grabbing' : 'grab',
          touchAction: 'none',
          outline: 'none',
        }}
      >
        <img
          src={src}
          alt=""
          draggable={false}
          onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          style={{
            position: 'absolute',
            left: 0,
            top: 0,
            transformOrigin: '0 0',
            transform: view ? `translate(${view.x}px, ${view.y}px) scale(${view.scale})` : undefined,
            visibility: view ? 'visible' : 'hidden',
            imageRendering: view && view.scale > 2 ? 'pixelated' : 'auto',
            maxWidth: 'none',
          }}
        />
      </div>
      <Group gap="xs" justify="center">
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => zoomCentre(1 / ZOOM_STEP)}
          aria-label={t('media.viewer.zoomOut')}
        >
          −
        </Button>
        <Text size="sm" ff="monospace" w={72} ta="center" data-testid="zoom-percent">
          {view ? `${Math.round(view.scale * 100)} %` : ''}
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => zoomCentre(ZOOM_STEP)}
          aria-label={t('media.viewer.zoomIn')}
        >
          +
        </Button>
        <Button size="compact-sm" variant="light" onClick={fit}>
          {t('media.viewer.fit')}
        </Button>
        <Button size="compact-sm" variant="light" onClick={actual}>
          {t('media.viewer.actualSize')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('media.viewer.hint')}
        </Text>
      </Group>
    </div>
  )
}
