// Metadata tags of an MP4/MOV: iTunes-style items (moov/udta/meta/ilst, e.g. ©cmt, written for
// `-metadata comment=`) and key-indexed items (meta/keys + ilst, written with
// `-movflags use_metadata_tags`, as ComfyUI's SaveVideo does through PyAV).
import { UnreadableWorkflowFile } from './embedded-texts'

interface Box {
  type: string
  start: number
  /** Payload start (after the header). */
  body: number
  end: number
}

function boxes(b: Buffer, from: number, to: number): Box[] {
  const out: Box[] = []
  let at = from
  while (at + 8 <= to) {
    let size = b.readUInt32BE(at)
    const type = b.subarray(at + 4, at + 8).toString('latin1')
    let header = 8
    if (size === 1) {
      if (at + 16 > to) throw new UnreadableWorkflowFile(`the MP4 box "${type}" is cut short`)
      size = Number(b.readBigUInt64BE(at + 8))
      header = 16
    } else if (size === 0) size = to - at
    if (size < header || at + size > to)
      throw new UnreadableWorkflowFile(`the MP4 box "${type}" at byte ${at} overruns its parent`)
    out.push({ type, start: at, body: at + header, end: at + size })
    at += size
  }
  return out
}

const child = (b: Buffer, parent: Box, type: string, skip = 0) =>
  boxes(b, parent.body + skip, parent.end).filter((x) => x.type === type)

/** `meta` is a full box in MP4 (4 bytes of version/flags) but a plain one in old QuickTime files. */
function metaChildren(b: Buffer, meta: Box): Box[] {
  const plain = meta.body + 8 <= meta.end && b.subarray(meta.body + 4, meta.body + 8).toString('latin1') === 'hdlr'
  return boxes(b, meta.body + (plain ? 0 : 4), meta.end)
}

function keyNames(b: Buffer, keys: Box | undefined): string[] {
  if (keys === undefined) return []
  const names: string[] = []
  const count = b.readUInt32BE(keys.body + 4)
  let at = keys.body + 8
  for (let i = 0; i < count && at + 8 <= keys.end; i++) {
    const size = b.readUInt32BE(at)
    if (size < 8 || at + size > keys.end) throw new UnreadableWorkflowFile('the MP4 "keys" box is malformed')
    names.push(b.subarray(at + 8, at + size).toString('utf8'))
    at += size
  }
  return names
}

function itemText(b: Buffer, item: Box): string | undefined {
  const data = boxes(b, item.body, item.end).find((x) => x.type === 'data')
  return data === undefined ? undefined : b.subarray(data.body + 8, data.end).toString('utf8')
}

function metaTags(b: Buffer, meta: Box): Array<[string, string]> {
  const kids = metaChildren(b, meta)
  const names = keyNames(
    b,
    kids.find((k) => k.type === 'keys'),
  )
  const out: Array<[string, string]> = []
  for (const ilst of kids.filter((k) => k.type === 'ilst')) {
    for (const item of boxes(b, ilst.body, ilst.end)) {
      const index = b.readUInt32BE(item.start + 4)
      const name = index >= 1 && index <= names.length ? names[index - 1] : item.type.replace(/^\u00a9/, '')
      const text = itemText(b, item)
      if (name !== undefined && text !== undefined) out.push([name === 'cmt' ? 'comment' : name, text])
    }
  }
  return out
}

/** The text tags of an MP4/MOV file, as key/value pairs (`©cmt` reported as `comment`). */
export function mp4Tags(bytes: Buffer): Array<[string, string]> {
  try {
    const top = boxes(bytes, 0, bytes.length)
    const moov = top.find((x) => x.type === 'moov')
    if (moov === undefined) throw new UnreadableWorkflowFile('the MP4 has no "moov" box (is it complete?)')
    const out: Array<[string, string]> = []
    const metas = [...child(bytes, moov, 'meta'), ...child(bytes, moov, 'udta').flatMap((u) => child(bytes, u, 'meta'))]
    for (const meta of metas) out.push(...metaTags(bytes, meta))
    // QuickTime user data strings: udta/©cmt = [u16 length][u16 language][text].
    for (const udta of child(bytes, moov, 'udta')) {
      for (const cmt of child(bytes, udta, '\u00a9cmt')) {
        const length = bytes.readUInt16BE(cmt.body)
        out.push(['comment', bytes.subarray(cmt.body + 4, Math.min(cmt.end, cmt.body + 4 + length)).toString('utf8')])
      }
    }
    return out
  } catch (err) {
    if (err instanceof RangeError) throw new UnreadableWorkflowFile('the MP4 metadata is cut short')
    throw err
  }
}
