// The drawing layer over the player's picture: paints the frame's drawings (and, faded, its
// neighbours' when ghosting is on), and with a tool draws new ones. It keeps no drawings of its
// own: every finished stroke, shape or text leaves as an op (`onOps`) and comes back through
// `annotations`, so the server's order is the only truth.
import type { Annotation, AnnotationOp, AnnotationShape } from '@aipipeline/contracts'
import { drawingsNearFrame } from '@aipipeline/domain'
import { TextInput } from '@mantine/core'
import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type AnnotationStyle,
  type AnnotationTool,
  type Draft,
  finishDraft,
  moveDraft,
  previewDraft,
  startDraft,
  textShape,
} from './annotation-draft'
import { type Fraction2, shapeHit, toFraction } from './annotation-geometry'
import { paintShape } from './annotation-paint'

export interface AnnotationLayerProps {
  /** CSS pixels of the displayed picture; the player places the layer exactly over it. */
  width: number
  height: number
  /** 0-based media frame index. */
  frame: number
  /** The version's drawings on every frame. */
  annotations: readonly Annotation[]
  ghosting: { before: number; after: number } | null
  /** null: view only. */
  tool: AnnotationTool | null
  style: AnnotationStyle
  onOps: (ops: AnnotationOp[]) => void
  selectedId?: string | null
  onSelect?: (id: string | null) => void
  /** Who draws: their own drawings may be changed; others' only with `canEditOthers`. */
  authorId: string
  canEditOthers: boolean
}

/** How faded a neighbouring frame's drawing shows, by its distance in frames. */
function ghostOpacity(distance: number): number {
  return Math.max(0.08, 0.4 / Math.abs(distance))
}

export function AnnotationLayer(props: AnnotationLayerProps) {
  const { width, height, frame, annotations, ghosting, tool, style, onOps, authorId, canEditOthers } = props
  const { selectedId = null, onSelect } = props
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [typing, setTyping] = useState<{ at: Fraction2; text: string } | null>(null)
  // Ids this layer added, newest last: Ctrl+Z removes the last one still on the picture.
  const added = useRef<string[]>([])
  const size = useMemo(() => ({ width, height }), [width, height])
  const near = useMemo(() => drawingsNearFrame(annotations, frame, ghosting), [annotations, frame, ghosting])
  const draftShape = useMemo(() => (draft ? previewDraft(draft, size, style) : null), [draft, size, style])

  useEffect(() => {
    const el = canvas.current
    const ctx = el?.getContext('2d')
    if (!el || !ctx) return
    const ratio = window.devicePixelRatio || 1
    // Resizing the backing store clears and reallocates it: only when the size really changed.
    const w = Math.round(width * ratio)
    const h = Math.round(height * ratio)
    if (el.width !== w) el.width = w
    if (el.height !== h) el.height = h
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, width, height)
    for (const g of near.ghosts) paintShape(ctx, g.drawing.shape, size, ghostOpacity(g.distance))
    for (const a of near.current) {
      if (a.id === selectedId) paintShape(ctx, { ...a.shape, color: '#ffffff', width: a.shape.width * 2.2 }, size, 0.6)
      paintShape(ctx, a.shape, size)
    }
    if (draftShape) paintShape(ctx, draftShape, size, 0.85)
  }, [near, size, width, height, selectedId, draftShape])

  const mayChange = (a: Annotation) => a.authorId === authorId || canEditOthers
  const point = (e: PointerEvent<HTMLCanvasElement>): Fraction2 => {
    const box = e.currentTarget.getBoundingClientRect()
    return [e.clientX - box.left, e.clientY - box.top]
  }

  function add(shape: AnnotationShape) {
    const id = crypto.randomUUID()
    added.current.push(id)
    onOps([{ op: 'add', id, frame, shape }])
  }

  function onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
    if (tool === null || e.button !== 0) return
    // Focus is ours to move: the browser's own focus on mousedown would blur the text input
    // that this very press opens.
    e.preventDefault()
    e.currentTarget.parentElement?.focus({ preventScroll: true })
    const at = point(e)
    if (tool === 'select') {
      const hit = [...near.current].reverse().find((a) => mayChange(a) && shapeHit(a.shape, toFraction(at, size), size))
      onSelect?.(hit?.id ?? null)
      return
    }
    if (tool === 'text') {
      setTyping({ at, text: '' })
      return
    }
    e.currentTarget.setPointerCapture(e.pointerId)
    setDraft(startDraft(tool, at))
  }

  function onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
    if (draft) setDraft(moveDraft(draft, point(e)))
  }

  function onPointerUp() {
    if (!draft) return
    const shape = finishDraft(draft, size, style)
    setDraft(null)
    if (shape) add(shape)
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (tool === null || typing) return
    if ((e.key === 'Delete' || e.key === 'Backspace') && selectedId) {
      const selected = annotations.find((a) => a.id === selectedId)
      if (selected && mayChange(selected)) onOps([{ op: 'remove', id: selectedId }])
      onSelect?.(null)
      e.preventDefault()
    } else if (e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey) {
      const live = new Set(annotations.map((a) => a.id))
      let id = added.current.pop()
      while (id !== undefined && !live.has(id)) id = added.current.pop()
      if (id !== undefined) onOps([{ op: 'remove', id }])
      e.preventDefault()
    }
  }

  // Enter and the blur that follows both commit: the ref lets only the first one add.
  const typed = useRef(typing)
  typed.current = typing
  function commitText() {
    const current = typed.current
    if (!current) return
    typed.current = null
    setTyping(null)
    const shape = textShape(current.text, current.at, size, style)
    if (shape) add(shape)
  }

  return (
    <div
      data-testid="annotation-layer"
      data-frame={frame}
      data-count={near.current.length}
      // A drawing surface with its own keys (Delete, Ctrl+Z) while a tool is on.
      role="application"
      aria-label={t('annotate.layer')}
      tabIndex={tool === null ? undefined : 0}
      onKeyDown={onKeyDown}
      style={{
        position: 'absolute',
        inset: 0,
        width,
        height,
        outline: 'none',
        pointerEvents: tool === null ? 'none' : 'auto',
      }}
    >
      <canvas
        ref={canvas}
        aria-hidden
        style={{ width, height, display: 'block', touchAction: 'none', cursor: cursorFor(tool) }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDraft(null)}
      />
      {typing && (
        <TextInput
          data-testid="annotation-text-input"
          autoFocus
          size="xs"
          aria-label={t('annotate.textInput')}
          placeholder={t('annotate.textPlaceholder')}
          value={typing.text}
          onChange={(e) => setTyping({ ...typing, text: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitText()
            if (e.key === 'Escape') setTyping(null)
            e.stopPropagation()
          }}
          onBlur={commitText}
          style={{ position: 'absolute', left: typing.at[0], top: typing.at[1], width: 220 }}
          styles={{ input: { color: style.color } }}
        />
      )}
    </div>
  )
}

function cursorFor(tool: AnnotationTool | null): string {
  if (tool === null) return 'default'
  if (tool === 'select') return 'pointer'
  return tool === 'text' ? 'text' : 'crosshair'
}
