// Builds small ComfyUI output files with an embedded workflow, the way ComfyUI's save nodes
// write them: PNG text chunks, WebP EXIF strings, MP4 metadata tags. Only imported by tests
// and benchmarks.
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

export type PngTextChunk = { keyword: string; text: string; kind?: 'tEXt' | 'iTXt' | 'zTXt' }

/** A PNG with text chunks inserted after IHDR (PIL's PngInfo writes tEXt, or iTXt for non-Latin-1). */
export async function pngWithText(entries: PngTextChunk[], size = 8): Promise<Buffer> {
  const png = await sharp({ create: { width: size, height: size, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  const ihdrEnd = 8 + 8 + 13 + 4
  const chunks = entries.map(({ keyword, text, kind = 'tEXt' }) => {
    const key = Buffer.from(`${keyword}\0`, 'latin1')
    if (kind === 'tEXt') return chunk('tEXt', Buffer.concat([key, Buffer.from(text, 'latin1')]))
    if (kind === 'zTXt')
      return chunk('zTXt', Buffer.concat([key, Buffer.from([0]), deflateSync(Buffer.from(text, 'latin1'))]))
    return chunk('iTXt', Buffer.concat([key, Buffer.from([0, 0, 0, 0]), Buffer.from(text, 'utf8')]))
  })
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)])
}

/** A WebP whose EXIF IFD0 holds ComfyUI's strings (SaveAnimatedWEBP: Model = prompt, Make = workflow). */
export async function webpWithExif(ifd0: Record<string, string>): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#663399' } })
    .webp()
    .withExif({ IFD0: ifd0 })
    .toBuffer()
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length + 8, 0)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, body])
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n, 0)
  return b
}

/** A data atom: type 1 (UTF-8 text), locale 0. */
const dataAtom = (text: string) => box('data', u32(1), u32(0), Buffer.from(text, 'utf8'))

/**
 * An MP4 skeleton (ftyp + moov/udta/meta) carrying tags: `mdta` keys as ffmpeg writes them with
 * `-movflags use_metadata_tags` (ComfyUI SaveVideo), and `comment` as an iTunes ©cmt item (VHS).
 */
export function mp4WithTags(tags: Record<string, string>, comment?: string): Buffer {
  const names = Object.keys(tags)
  const hdlr = box('hdlr', u32(0), u32(0), Buffer.from('mdta', 'latin1'), Buffer.alloc(12), Buffer.from([0]))
  const keys = box('keys', u32(0), u32(names.length), ...names.map((n) => box('mdta', Buffer.from(n, 'utf8'))))
  const items: Buffer[] = names.map((n, i) => {
    const head = Buffer.alloc(8)
    const body = dataAtom(tags[n] ?? '')
    head.writeUInt32BE(body.length + 8, 0)
    head.writeUInt32BE(i + 1, 4)
    return Buffer.concat([head, body])
  })
  if (comment !== undefined) items.push(box('\u00a9cmt', dataAtom(comment)))
  const meta = box('meta', u32(0), hdlr, ...(names.length > 0 ? [keys] : []), box('ilst', ...items))
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(512), Buffer.from('isomiso2avc1mp41', 'latin1'))
  return Buffer.concat([ftyp, box('moov', box('mvhd', Buffer.alloc(100)), box('udta', meta))])
}
