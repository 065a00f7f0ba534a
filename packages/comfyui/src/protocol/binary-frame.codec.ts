import { type PreviewMetadata, PreviewMetadataSchema } from './ws-message.schema'

// Binary frames (ComfyUI protocol.py BinaryEventTypes); header integers are big-endian uint32.
export const BINARY_PREVIEW_IMAGE = 1
export const BINARY_TEXT = 3
export const BINARY_PREVIEW_IMAGE_WITH_METADATA = 4

const PREVIEW_FORMAT_MIME: Record<number, string> = { 1: 'image/jpeg', 2: 'image/png' }
const MIME_PREVIEW_FORMAT: Record<string, number> = { 'image/jpeg': 1, 'image/png': 2 }

export type BinaryFrame =
  | { type: 'preview'; mime: string; image: Buffer; metadata: PreviewMetadata | null }
  | { type: 'text'; nodeId: string; text: string }
  | { type: 'unknown_binary'; eventType: number; raw: Buffer }
  | { type: 'malformed_binary'; reason: string; raw: Buffer }

/** Decodes one binary WebSocket frame; never throws. */
export function decodeBinaryFrame(buf: Buffer): BinaryFrame {
  if (buf.length < 4) return { type: 'malformed_binary', reason: 'frame shorter than 4 bytes', raw: buf }
  const eventType = buf.readUInt32BE(0)
  if (eventType === BINARY_PREVIEW_IMAGE) {
    if (buf.length < 8) return { type: 'malformed_binary', reason: 'preview without format', raw: buf }
    const mime = PREVIEW_FORMAT_MIME[buf.readUInt32BE(4)] ?? 'application/octet-stream'
    return { type: 'preview', mime, image: buf.subarray(8), metadata: null }
  }
  if (eventType === BINARY_TEXT || eventType === BINARY_PREVIEW_IMAGE_WITH_METADATA) {
    if (buf.length < 8) return { type: 'malformed_binary', reason: 'missing length', raw: buf }
    const len = buf.readUInt32BE(4)
    if (buf.length < 8 + len) return { type: 'malformed_binary', reason: 'length exceeds frame', raw: buf }
    const head = buf.subarray(8, 8 + len).toString('utf8')
    const body = buf.subarray(8 + len)
    if (eventType === BINARY_TEXT) return { type: 'text', nodeId: head, text: body.toString('utf8') }
    return decodeMetadataPreview(head, body, buf)
  }
  return { type: 'unknown_binary', eventType, raw: buf }
}

function decodeMetadataPreview(head: string, image: Buffer, raw: Buffer): BinaryFrame {
  let json: unknown
  try {
    json = JSON.parse(head)
  } catch {
    return { type: 'malformed_binary', reason: 'metadata is not JSON', raw }
  }
  const meta = PreviewMetadataSchema.safeParse(json)
  if (!meta.success) return { type: 'malformed_binary', reason: 'metadata lacks node_id/prompt_id', raw }
  const mime = typeof meta.data.image_type === 'string' ? meta.data.image_type : sniffMime(image)
  return { type: 'preview', mime, image, metadata: meta.data }
}

function sniffMime(image: Buffer): string {
  if (image[0] === 0x89 && image[1] === 0x50) return 'image/png'
  if (image[0] === 0xff && image[1] === 0xd8) return 'image/jpeg'
  return 'application/octet-stream'
}

/** Encodes a type-1 preview frame (`mime` is image/jpeg or image/png). */
export function encodePreviewFrame(mime: string, image: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(BINARY_PREVIEW_IMAGE, 0)
  head.writeUInt32BE(MIME_PREVIEW_FORMAT[mime] ?? 1, 4)
  return Buffer.concat([head, image])
}

/** Encodes a type-4 preview frame carrying its metadata JSON. */
export function encodePreviewWithMetadataFrame(metadata: PreviewMetadata, image: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(metadata), 'utf8')
  const head = Buffer.alloc(8)
  head.writeUInt32BE(BINARY_PREVIEW_IMAGE_WITH_METADATA, 0)
  head.writeUInt32BE(json.length, 4)
  return Buffer.concat([head, json, image])
}

/** Encodes a type-3 progress-text frame. */
export function encodeTextFrame(nodeId: string, text: string): Buffer {
  const id = Buffer.from(nodeId, 'utf8')
  const head = Buffer.alloc(8)
  head.writeUInt32BE(BINARY_TEXT, 0)
  head.writeUInt32BE(id.length, 4)
  return Buffer.concat([head, id, Buffer.from(text, 'utf8')])
}
