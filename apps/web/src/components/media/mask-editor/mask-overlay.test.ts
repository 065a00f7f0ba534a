import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { overlayPalette, renderOverlay, screenRectOf, screenToImage } from './mask-overlay'
import { createMask, fillRect } from './mask-raster'

const palette = overlayPalette([255, 0, 0], 1)

describe('mask overlay', () => {
  it('at 100 % each viewer pixel shows its own mask pixel, and nothing outside the image', () => {
    const mask = createMask(4, 3)
    fillRect(mask, { x: 1, y: 1, width: 2, height: 1 }, 'paint')
    const view = { scale: 1, x: 2, y: 1 }
    const screen = { x: 0, y: 0, width: 8, height: 5 }
    const out = new Uint32Array(8 * 5)
    renderOverlay(mask, view, screen, palette, out)
    const alpha = [...new Uint8Array(out.buffer)].filter((_, i) => i % 4 === 3)
    const rows = Array.from({ length: 5 }, (_, y) =>
      alpha
        .slice(y * 8, y * 8 + 8)
        .map((a) => (a > 0 ? 1 : 0))
        .join(''),
    )
    expect(rows).toEqual(['00000000', '00000000', '00011000', '00000000', '00000000'])
  })

  it('the palette is the overlay colour with the coverage as its opacity', () => {
    const half = overlayPalette([10, 20, 30], 0.5)
    expect([...new Uint8Array(half.buffer, 255 * 4, 4)]).toEqual([10, 20, 30, 128])
    expect([...new Uint8Array(half.buffer, 0, 4)]).toEqual([10, 20, 30, 0])
  })

  it('redrawing the screen rectangle of a changed mask rectangle covers every viewer pixel that shows it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        fc.double({ min: -300, max: 300, noNaN: true }),
        fc.double({ min: -300, max: 300, noNaN: true }),
        fc.record({
          x: fc.integer({ min: 0, max: 90 }),
          y: fc.integer({ min: 0, max: 90 }),
          width: fc.integer({ min: 1, max: 10 }),
          height: fc.integer({ min: 1, max: 10 }),
        }),
        (scale, vx, vy, rect) => {
          const view = { scale, x: vx, y: vy }
          const screen = { width: 200, height: 150 }
          const region = screenRectOf(rect, view, screen)
          for (let sy = 0; sy < screen.height; sy += 1)
            for (let sx = 0; sx < screen.width; sx += 1) {
              const p = screenToImage(view, sx + 0.5, sy + 0.5)
              const shows =
                Math.floor(p.x) >= rect.x &&
                Math.floor(p.x) < rect.x + rect.width &&
                Math.floor(p.y) >= rect.y &&
                Math.floor(p.y) < rect.y + rect.height
              if (!shows) continue
              const inside =
                region !== null &&
                sx >= region.x &&
                sx < region.x + region.width &&
                sy >= region.y &&
                sy < region.y + region.height
              if (!inside) expect({ sx, sy, region }).toBe('covered')
            }
        },
      ),
      { numRuns: 80 },
    )
  })
})
