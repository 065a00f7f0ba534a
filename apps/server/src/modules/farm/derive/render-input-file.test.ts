// The input file rules without a server: sniffing and limits, and the mask conversion ComfyUI
// needs (a property: for any mask, the uploaded alpha is exactly 255 − the painted amount, and
// the backend's LoadImage reads back the painted amount as its MASK).
import fc from 'fast-check'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { maskForUpload, paintedAmounts, readInputFile, resizeMask } from './render-input-file'

const LIMITS = { maxBytes: 1024 * 1024, maxSide: 64 }

describe('render input files', () => {
  it('measures PNG, JPEG and WebP from their bytes whatever they are called', async () => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const bytes = await sharp({ create: { width: 40, height: 24, channels: 3, background: '#123' } })
        .toFormat(format)
        .toBuffer()
      const facts = await readInputFile(bytes, LIMITS)
      expect(facts).toMatchObject({ width: 40, height: 24, sizeBytes: bytes.byteLength })
      expect(facts.mediaType).toBe(format === 'jpeg' ? 'image/jpeg' : `image/${format}`)
    }
  })

  it('refuses files over the byte or side limit (413) and other types (415)', async () => {
    const big = await sharp({ create: { width: 65, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    await expect(readInputFile(big, LIMITS)).rejects.toMatchObject({ code: 'payload_too_large' })
    await expect(readInputFile(big, { maxBytes: 10, maxSide: 4096 })).rejects.toMatchObject({
      code: 'payload_too_large',
    })
    const tiff = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .tiff()
      .toBuffer()
    await expect(readInputFile(tiff, LIMITS)).rejects.toMatchObject({ code: 'unsupported_media_type' })
    await expect(readInputFile(Buffer.from('%PDF-1.7 not an image'), LIMITS)).rejects.toMatchObject({
      code: 'unsupported_media_type',
    })
  })

  it('uploads any mask as alpha = 255 − painted, where painted = red × own alpha', async () => {
    const pixel = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.infiniteStream(pixel),
        async (width, height, stream) => {
          const pixels = [...stream.take(width * height)]
          const raw = Buffer.alloc(width * height * 4)
          pixels.forEach(([red, alpha], i) => {
            raw[i * 4] = red
            raw[i * 4 + 1] = 7
            raw[i * 4 + 2] = 200
            raw[i * 4 + 3] = alpha
          })
          const mask = await sharp(raw, { raw: { width, height, channels: 4 } })
            .png()
            .toBuffer()
          const uploaded = await sharp(await maskForUpload(mask))
            .extractChannel(3)
            .raw()
            .toBuffer()
          const painted = await paintedAmounts(mask)
          const expected = pixels.map(([red, alpha]) => Math.round((red * alpha) / 255))
          expect([...painted.data]).toEqual(expected)
          // LoadImage's MASK is 1 − alpha: the backend reads back exactly the painted amount.
          expect([...uploaded].map((a) => 255 - a)).toEqual(expected)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('resizes a mask to the image size only when asked', async () => {
    const mask = await sharp({ create: { width: 8, height: 4, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    const resized = await sharp(await resizeMask(mask, 16, 12)).metadata()
    expect([resized.width, resized.height]).toEqual([16, 12])
  })
})
