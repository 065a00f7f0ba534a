// The text values of a WebP's EXIF IFD0 (sharp hands over the raw EXIF block, exif-reader reads
// it). ComfyUI's SaveAnimatedWEBP stores "prompt:{…}" in Model (0x0110) and each extra_pnginfo
// entry ("workflow:{…}") from Make (0x010f) downwards (ImageDescription 0x010e, …).
import exifReader from 'exif-reader'
import sharp from 'sharp'
import { UnreadableWorkflowFile } from './embedded-texts'

/** The string values of IFD0 in an EXIF block, in the block's order, NULs removed. */
export function exifStrings(block: Buffer): string[] {
  let image: Record<string, unknown>
  try {
    image = exifReader(block).Image ?? {}
  } catch (err) {
    throw new UnreadableWorkflowFile(
      `the EXIF block cannot be read: ${err instanceof Error ? err.message : String(err)}`,
    )
  }
  return Object.values(image).flatMap((value) => {
    if (typeof value === 'string') return [value.replace(/\0/g, '')]
    if (Buffer.isBuffer(value)) return [value.toString('utf8').replace(/\0/g, '')]
    return []
  })
}

/** The EXIF IFD0 strings of a WebP (empty when it has no EXIF). */
export async function webpExifStrings(bytes: Buffer): Promise<string[]> {
  let exif: Buffer | undefined
  try {
    exif = (await sharp(bytes).metadata()).exif
  } catch (err) {
    throw new UnreadableWorkflowFile(`the WebP cannot be read: ${err instanceof Error ? err.message : String(err)}`)
  }
  return exif === undefined ? [] : exifStrings(exif)
}
