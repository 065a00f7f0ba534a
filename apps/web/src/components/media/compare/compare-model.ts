// The compare viewer's geometry and keys, kept pure so they are tested on their own. Both
// sides share one zoom view (components/media/zoom-view.ts): B is drawn at A's size, so an
// upscale lines up with its source pixel for pixel and a pan moves both pictures together.
import { fitView, type Size, type ZoomView } from '../zoom-view'

export const COMPARE_MODES = ['side', 'wipe', 'overlay', 'difference'] as const
export type CompareMode = (typeof COMPARE_MODES)[number]

/** A rectangle in the stage's pixels. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Where each side is drawn: side by side splits the stage into two halves (A left); every
 * other mode draws both sides over the whole stage.
 */
export function sideBoxes(mode: CompareMode, stage: Size): { a: Box; b: Box } {
  if (mode !== 'side') {
    const whole = { x: 0, y: 0, ...stage }
    return { a: whole, b: whole }
  }
  const half = Math.floor(stage.width / 2)
  return {
    a: { x: 0, y: 0, width: half, height: stage.height },
    b: { x: stage.width - half, y: 0, width: half, height: stage.height },
  }
}

/** The view that fits the picture in one side's box (the half in side-by-side). */
export function fitCompare(mode: CompareMode, picture: Size, stage: Size): ZoomView {
  const { a } = sideBoxes(mode, stage)
  return fitView(picture, a)
}

/** The wipe divider (0 = left edge, 1 = right edge) under a pointer at `clientX`. */
export function dividerAt(clientX: number, stage: { left: number; width: number }): number {
  if (stage.width <= 0) return 0.5
  return Math.min(1, Math.max(0, (clientX - stage.left) / stage.width))
}

/** The divider's position in stage pixels, rounded to whole pixels so the edge stays sharp. */
export function dividerPixels(divider: number, stageWidth: number): number {
  return Math.round(Math.min(1, Math.max(0, divider)) * stageWidth)
}

/** The wipe divider moved by the arrow keys: 1 % a press, 10 % with Shift. */
export function nudgeDivider(divider: number, direction: -1 | 1, coarse: boolean): number {
  return Math.min(1, Math.max(0, divider + direction * (coarse ? 0.1 : 0.01)))
}

export type CompareKeyAction =
  | { kind: 'flip' }
  | { kind: 'mode'; mode: CompareMode }
  | { kind: 'zoom'; factor: 'in' | 'out' }
  | { kind: 'fit' }

/**
 * What a key does in the viewer: `\` or F flips A and B, 1–4 pick the mode, + and − zoom,
 * 0 fits. Video keys (Space , .) belong to the frame controls and are not read here.
 */
export function compareKeyAction(key: string): CompareKeyAction | null {
  if (key === '\\' || key === 'f' || key === 'F') return { kind: 'flip' }
  const mode = COMPARE_MODES[Number(key) - 1]
  if (/^[1-4]$/.test(key) && mode) return { kind: 'mode', mode }
  if (key === '+' || key === '=') return { kind: 'zoom', factor: 'in' }
  if (key === '-') return { kind: 'zoom', factor: 'out' }
  if (key === '0') return { kind: 'fit' }
  return null
}

/** The two sides in drawing order after `flipped`: the flip swaps which picture is A. */
export function orderedSides<T>(a: T, b: T, flipped: boolean): { first: T; second: T } {
  return flipped ? { first: b, second: a } : { first: a, second: b }
}

/** The CSS transform that draws a picture in a side's box under the shared view. */
export function pictureTransform(view: ZoomView): string {
  return `translate(${view.x}px, ${view.y}px) scale(${view.scale})`
}
