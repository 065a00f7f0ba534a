import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ZOOM_STEP } from '../zoom-view'
import { clampSettings, DEFAULT_SETTINGS, MAX_RADIUS, MIN_RADIUS, shortcutCommand } from './mask-settings'

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('mask editor shortcuts', () => {
  it('undoes with Ctrl or ⌘+Z and redoes with Shift or Ctrl+Y', () => {
    expect(shortcutCommand(press('z', { ctrlKey: true }), DEFAULT_SETTINGS)).toEqual({ kind: 'undo' })
    expect(shortcutCommand(press('z', { metaKey: true }), DEFAULT_SETTINGS)).toEqual({ kind: 'undo' })
    expect(shortcutCommand(press('Z', { ctrlKey: true, shiftKey: true }), DEFAULT_SETTINGS)).toEqual({ kind: 'redo' })
    expect(shortcutCommand(press('y', { ctrlKey: true }), DEFAULT_SETTINGS)).toEqual({ kind: 'redo' })
  })

  it('picks tools by letter, but not with Ctrl or Alt held (browser shortcuts stay theirs)', () => {
    expect(shortcutCommand(press('e'), DEFAULT_SETTINGS)).toEqual({ kind: 'settings', change: { tool: 'eraser' } })
    expect(shortcutCommand(press('L'), DEFAULT_SETTINGS)).toEqual({ kind: 'settings', change: { tool: 'lasso' } })
    expect(shortcutCommand(press('r', { ctrlKey: true }), DEFAULT_SETTINGS)).toBeNull()
    expect(shortcutCommand(press('b', { altKey: true }), DEFAULT_SETTINGS)).toBeNull()
    expect(shortcutCommand(press('q'), DEFAULT_SETTINGS)).toBeNull()
  })

  it('swaps fill and erase, toggles the overlay, fits and zooms', () => {
    expect(shortcutCommand(press('x'), { ...DEFAULT_SETTINGS, shapeMode: 'erase' })).toEqual({
      kind: 'settings',
      change: { shapeMode: 'paint' },
    })
    expect(shortcutCommand(press('o'), DEFAULT_SETTINGS)).toEqual({ kind: 'settings', change: { overlay: false } })
    expect(shortcutCommand(press('0'), DEFAULT_SETTINGS)).toEqual({ kind: 'fit' })
    expect(shortcutCommand(press('+'), DEFAULT_SETTINGS)).toEqual({ kind: 'zoom', factor: ZOOM_STEP })
    expect(shortcutCommand(press('-'), DEFAULT_SETTINGS)).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP })
  })

  it('] always grows and [ never grows the brush, and the result stays in range once clamped', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_RADIUS, max: MAX_RADIUS }), (radius) => {
        const settings = { ...DEFAULT_SETTINGS, radius }
        const bigger = shortcutCommand(press(']'), settings)
        const smaller = shortcutCommand(press('['), settings)
        if (bigger?.kind !== 'settings' || smaller?.kind !== 'settings') throw new Error('not a settings change')
        expect(bigger.change.radius).toBeGreaterThan(radius)
        expect(smaller.change.radius).toBeLessThanOrEqual(radius)
        const clamped = clampSettings({ ...settings, ...bigger.change })
        expect(clamped.radius).toBeLessThanOrEqual(MAX_RADIUS)
        expect(clampSettings({ ...settings, ...smaller.change }).radius).toBeGreaterThanOrEqual(MIN_RADIUS)
      }),
    )
  })
})
