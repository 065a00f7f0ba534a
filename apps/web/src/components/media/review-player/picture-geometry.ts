// Where the picture sits in the player and what is drawn over it: the zoom view a PlayerView
// asks for (fit, 100 % or a custom scale and offset), the letterbox of an aspect mask and the
// action/title safe areas. Pure, so the stage's wheel and drag are one-line calls.

import type { CompareMode } from '../compare/compare-model'
import { fitCompare } from '../compare/compare-model'
import { actualSizeView, fitView, type Size, type ZoomView } from '../zoom-view'
import type { CompareModeName, PlayerView } from './review-player.types'

/** The compare stage's name for a compare mode. */
export function stageMode(mode: CompareModeName): CompareMode {
  return mode === 'side-by-side' ? 'side' : mode
}

/** The box one picture is fitted into: half the stage side by side, else all of it. */
function pictureBox(stage: Size, compare: CompareMode | null): Size {
  return compare === 'side' ? { width: Math.floor(stage.width / 2), height: stage.height } : stage
}

/** The view that draws the picture as `zoom` asks; null until both sizes are known. */
export function resolveView(
  zoom: PlayerView['zoom'],
  picture: Size | null,
  stage: Size,
  compare: CompareMode | null,
): ZoomView | null {
  if (!picture || picture.width <= 0 || stage.width <= 0 || stage.height <= 0) return null
  if (zoom.mode === 'custom') return { scale: zoom.scale, x: zoom.x, y: zoom.y }
  if (zoom.mode === 'actual') return actualSizeView(picture, pictureBox(stage, compare))
  return compare ? fitCompare(compare, picture, stage) : fitView(picture, stage)
}

/** A wheel or drag result as the view's zoom (custom from then on). */
export function customZoom(view: ZoomView): PlayerView['zoom'] {
  return { mode: 'custom', scale: view.scale, x: view.x, y: view.y }
}

/** The width/height ratio an aspect mask names ('2.39', '1.85:1', '16:9'); null if unreadable. */
export function aspectRatioOf(mask: string | null): number | null {
  if (mask === null) return null
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?::\s*(\d+(?:\.\d+)?))?\s*$/.exec(mask)
  if (!m) return null
  const ratio = Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2]))
  return Number.isFinite(ratio) && ratio > 0 ? ratio : null
}

/**
 * The bars an aspect mask draws, as fractions of the picture: `top` (and bottom) of its height
 * when the mask is wider than the picture (letterbox), `side` (left and right) of its width when
 * narrower (pillarbox). The area left between the bars has exactly the mask's ratio.
 */
export function maskBars(picture: Size, ratio: number): { top: number; side: number } {
  const pictureRatio = picture.width / picture.height
  if (!(pictureRatio > 0) || Math.abs(pictureRatio - ratio) < 1e-9) return { top: 0, side: 0 }
  if (ratio > pictureRatio) return { top: (1 - pictureRatio / ratio) / 2, side: 0 }
  return { top: 0, side: (1 - ratio / pictureRatio) / 2 }
}

/** Action safe (93 %) and title safe (90 %) as centred fractions of the picture. */
export const SAFE_AREAS = [
  { kind: 'action', size: 0.93 },
  { kind: 'title', size: 0.9 },
] as const
