import fc from 'fast-check'
import { encode } from 'fast-png'
import { describe, expect, it } from 'vitest'
import { bytesToBase64, decodeMaskPng, encodeMaskPng } from './mask-png'
import type { MaskRaster } from './mask-raster'

const randomMask = fc
  .record({ width: fc.integer({ min: 1, max: 64 }), height: fc.integer({ min: 1, max: 64 }) })
  .chain(({ width, height }) =>
    fc
      .uint8Array({ minLength: width * height, maxLength: width * height })
      .map((data): MaskRaster => ({ width, height, data })),
  )

describe('mask PNG', () => {
  it('decoding the exported PNG gives back the mask in memory, pixel for pixel', () => {
    fc.assert(
      fc.property(randomMask, (mask) => {
        const back = decodeMaskPng(encodeMaskPng(mask))
        expect(back.width).toBe(mask.width)
        expect(back.height).toBe(mask.height)
        expect(Buffer.from(back.data).equals(Buffer.from(mask.data))).toBe(true)
      }),
    )
  })

  it('writes an 8-bit greyscale PNG (white = repaint), as ComfyUI reads a mask', () => {
    const png = encodeMaskPng({ width: 2, height: 1, data: Uint8Array.from([0, 255]) })
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
    // IHDR: bit depth 8, colour type 0 (greyscale).
    expect(png[24]).toBe(8)
    expect(png[25]).toBe(0)
  })

  it('reads the first channel of an RGBA mask', () => {
    const rgba = encode({
      width: 2,
      height: 1,
      data: Uint8Array.from([255, 0, 0, 255, 0, 9, 9, 255]),
      channels: 4,
      depth: 8,
    })
    expect([...decodeMaskPng(rgba).data]).toEqual([255, 0])
  })

  it('base64 matches Node for any bytes, long ones included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      }),
      { numRuns: 30 },
    )
  })
})
