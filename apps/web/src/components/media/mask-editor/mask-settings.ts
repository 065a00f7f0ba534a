// The mask editor's tool settings and its keyboard shortcuts, as data: a key press becomes a
// command the surface applies, so the shortcut table is tested without a browser.
import { ZOOM_STEP } from '../zoom-view'
import type { MaskMode } from './mask-raster'

export type MaskTool = 'brush' | 'eraser' | 'rect' | 'lasso'

export interface MaskSettings {
  tool: MaskTool
  /** What the rectangle and lasso do: fill (paint) or erase. */
  shapeMode: MaskMode
  /** Brush radius in image pixels. */
  radius: number
  hardness: number
  overlay: boolean
}

export const DEFAULT_SETTINGS: MaskSettings = {
  tool: 'brush',
  shapeMode: 'paint',
  radius: 48,
  hardness: 1,
  overlay: true,
}
export const MIN_RADIUS = 1
export const MAX_RADIUS = 512
/** [ and ] change the brush radius by this factor. */
const SIZE_STEP = 1.25

/** Settings as given, with radius and hardness held to their ranges. */
export function clampSettings(settings: MaskSettings): MaskSettings {
  return {
    ...settings,
    radius: Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, settings.radius)),
    hardness: Math.min(1, Math.max(0, settings.hardness)),
  }
}

export type MaskCommand =
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'fit' }
  | { kind: 'zoom'; factor: number }
  | { kind: 'settings'; change: Partial<MaskSettings> }

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

const TOOL_KEYS: Record<string, MaskTool> = { b: 'brush', e: 'eraser', r: 'rect', l: 'lasso' }

/**
 * What a key press asks of the editor, or null when it is not a shortcut: Ctrl/⌘+Z undoes,
 * with Shift (or Ctrl+Y) redoes; B, E, R, L pick tools; [ and ] size the brush; X swaps fill
 * and erase; O shows or hides the mask; 0 fits; + and − zoom.
 */
export function shortcutCommand(e: KeyPress, settings: MaskSettings): MaskCommand | null {
  const key = e.key.toLowerCase()
  if (e.ctrlKey || e.metaKey) {
    if (key === 'z') return { kind: e.shiftKey ? 'redo' : 'undo' }
    if (key === 'y') return { kind: 'redo' }
    return null
  }
  if (e.altKey) return null
  const tool = TOOL_KEYS[key]
  if (tool !== undefined) return { kind: 'settings', change: { tool } }
  switch (key) {
    case '[':
      return { kind: 'settings', change: { radius: Math.round(settings.radius / SIZE_STEP) } }
    case ']':
      return { kind: 'settings', change: { radius: Math.round(settings.radius * SIZE_STEP) + 1 } }
    case 'x':
      return { kind: 'settings', change: { shapeMode: settings.shapeMode === 'paint' ? 'erase' : 'paint' } }
    case 'o':
      return { kind: 'settings', change: { overlay: !settings.overlay } }
    case '0':
      return { kind: 'fit' }
    case '+':
    case '=':
      return { kind: 'zoom', factor: ZOOM_STEP }
    case '-':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP }
    default:
      return null
  }
}
