// The ASCII strings of a WebP's EXIF IFD0 (sharp hands over the raw EXIF block). ComfyUI's
// SaveAnimatedWEBP stores "prompt:{…}" in Model (0x0110) and each extra_pnginfo entry
// ("workflow:{…}") from Make (0x010f) downwards (ImageDescription 0x010e, …).
import sharp from 'sharp'
import { UnreadableWorkflowFile } from './embedded-texts'

const ASCII = 2
const UNDEFINED = 7

/** Reads the ASCII (and undefined-type) values of IFD0 in a TIFF-structured EXIF block. */
export function exifStrings(block: Buffer): string[] {
  // sharp's block starts with "Exif\0\0"; a bare TIFF header is accepted too.
  const base = block.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0
  if (block.length < base + 8) return []
  const order = block.subarray(base, base + 2).toString('latin1')
  if (order !== 'II' && order !== 'MM') throw new UnreadableWorkflowFile('the EXIF block has no TIFF byte order mark')
  const le = order === 'II'
  const u16 = (at: number) => (le ? block.readUInt16LE(at) : block.readUInt16BE(at))
  const u32 = (at: number) => (le ? block.readUInt32LE(at) : block.readUInt32BE(at))
  const ifd = base + u32(base + 4)
  if (ifd + 2 > block.length) throw new UnreadableWorkflowFile('the EXIF IFD0 offset points outside the block')
  const count = u16(ifd)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > block.length) throw new UnreadableWorkflowFile('the EXIF IFD0 is cut short')
    const type = u16(entry + 2)
    const length = u32(entry + 4)
    if (type !== ASCII && type !== UNDEFINED) continue
    const start = length <= 4 ? entry + 8 : base + u32(entry + 8)
    if (start + length > block.length) throw new UnreadableWorkflowFile('an EXIF value points outside the block')
    out.push(
      block
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0+$/, ''),
    )
  }
  return out
}

/** The EXIF IFD0 strings of a WebP (empty when it has no EXIF). */
export async function webpExifStrings(bytes: Buffer): Promise<string[]> {
  let exif: Buffer | undefined
  try {
    exif = (await sharp(bytes).metadata()).exif
  } catch (err) {
    throw new UnreadableWorkflowFile(`the WebP cannot be read: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (exif === undefined) return []
  try {
    return exifStrings(exif)
  } catch (err) {
    if (err instanceof RangeError) throw new UnreadableWorkflowFile('the EXIF block is cut short')
    throw err
  }
}
