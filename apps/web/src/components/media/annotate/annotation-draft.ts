// A drawing in progress, from pointer down to pointer up, in pixels of the displayed picture;
// finishing turns it into a stored shape in image fractions (or nothing, for a stray click).
import type { AnnotationShape } from '@aipipeline/contracts'
import { type Fraction2, type Size, simplifyStroke, toFraction } from './annotation-geometry'

/** The tools that make a shape; `select` picks a drawing to delete instead. */
export type DrawingTool = Exclude<AnnotationShape['tool'], 'text'>
export type AnnotationTool = AnnotationShape['tool'] | 'select'
export const ANNOTATION_TOOLS: readonly AnnotationTool[] = ['select', 'pen', 'line', 'arrow', 'rect', 'ellipse', 'text']

export interface AnnotationStyle {
  color: string
  /** Stroke width as a fraction of the picture's width (the stored unit). */
  width: number
}

export interface Draft {
  tool: DrawingTool
  /** Pixels of the displayed picture: every pointer position of a pen, or the two corners. */
  points: Fraction2[]
}

/** Drags shorter than this (px) are clicks, not shapes. */
const MIN_DRAG_PX = 3
/** Pen simplification tolerance in displayed pixels: invisible, and a long stroke stays < 500 points. */
const PEN_TOLERANCE_PX = 0.8

export function startDraft(tool: DrawingTool, at: Fraction2): Draft {
  return { tool, points: [at, at] }
}

export function moveDraft(draft: Draft, at: Fraction2): Draft {
  if (draft.tool === 'pen') return { ...draft, points: [...draft.points, at] }
  return { ...draft, points: [draft.points[0] ?? at, at] }
}

/** The draft as it shows while drawing: raw points (simplifying on every move would be slow). */
export function previewDraft(draft: Draft, size: Size, style: AnnotationStyle): AnnotationShape | null {
  if (draft.tool !== 'pen') return finishDraft(draft, size, style)
  return { tool: 'pen', points: draft.points.map((p) => toFraction(p, size)), color: style.color, width: style.width }
}

/** The shape a finished draft makes, in fractions of `size`; null for a click that drew nothing. */
export function finishDraft(draft: Draft, size: Size, style: AnnotationStyle): AnnotationShape | null {
  const first = draft.points[0]
  const last = draft.points[draft.points.length - 1]
  if (!first || !last) return null
  const common = { color: style.color, width: style.width }
  if (draft.tool === 'pen') {
    const simplified = simplifyStroke(draft.points, PEN_TOLERANCE_PX)
    return { tool: 'pen', points: simplified.map((p) => clampPoint(toFraction(p, size))), ...common }
  }
  if (Math.hypot(last[0] - first[0], last[1] - first[1]) < MIN_DRAG_PX) return null
  return {
    tool: draft.tool,
    from: clampPoint(toFraction(first, size)),
    to: clampPoint(toFraction(last, size)),
    ...common,
  }
}

/** The text shape for a click at `at` (px); its height follows the stroke width. */
export function textShape(text: string, at: Fraction2, size: Size, style: AnnotationStyle): AnnotationShape | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const height = Math.min(0.3, Math.max(0.02, style.width * 8))
  return {
    tool: 'text',
    at: clampPoint(toFraction(at, size)),
    text: trimmed.slice(0, 500),
    size: height,
    ...common(style),
  }
}

function common(style: AnnotationStyle) {
  return { color: style.color, width: style.width }
}

/** The contract allows a little outside the picture (-1..2); pointer capture can go further. */
function clampPoint([x, y]: Fraction2): Fraction2 {
  const c = (v: number) => Math.min(2, Math.max(-1, v))
  return [c(x), c(y)]
}
