// Reading, checking and storing render input files. The type is sniffed from the bytes by
// sharp (libvips reads the magic numbers; the name is never trusted), only PNG, JPEG and WebP
// are taken, and the size and sides are capped. sharp is already the studio's image library
// (thumbnails, ingest) and ships prebuilt binaries without an install script, so masks are
// converted and resized with it too. Files are stored by their sha256 under the storage root.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { DomainError, type FieldIssue, PayloadTooLarge, RuleViolation } from '@aipipeline/domain'
import sharp from 'sharp'

/** The bytes are not an image type renders take (HTTP 415). */
export class UnsupportedInputType extends DomainError {
  readonly code = 'unsupported_media_type'
}

export interface InputLimits {
  maxBytes: number
  maxSide: number
}

export interface InputFacts {
  sha256: string
  mediaType: 'image/png' | 'image/jpeg' | 'image/webp'
  width: number
  height: number
  sizeBytes: number
}

const MEDIA_TYPES = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
}

export const sha256Of = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')

/** The file name an input travels under: its hash with its type's extension. */
export function inputFileName(sha256: string, mediaType: string): string {
  return `${sha256}.${EXTENSIONS[mediaType] ?? 'bin'}`
}

/** Where the bytes of an input live, relative to the storage root (shared by every project). */
export function inputStoragePath(sha256: string, mediaType: string): string {
  return `render-inputs/${sha256.slice(0, 2)}/${inputFileName(sha256, mediaType)}`
}

/** Sniffs and measures an input; 413 over the limits, 415 for anything but PNG, JPEG or WebP. */
export async function readInputFile(bytes: Buffer, limits: InputLimits): Promise<InputFacts> {
  if (bytes.byteLength > limits.maxBytes) {
    throw new PayloadTooLarge(`the file has ${bytes.byteLength} bytes; inputs may have at most ${limits.maxBytes}`, {
      path: 'body.contentBase64',
      maxBytes: limits.maxBytes,
    })
  }
  let meta: sharp.Metadata
  try {
    // Pixel limit off: the sides are checked below with a message that names them.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    throw new UnsupportedInputType('the file is not an image (PNG, JPEG or WebP expected)', {
      path: 'body.contentBase64',
    })
  }
  const format = meta.format as string | undefined
  const mediaType = format === 'png' || format === 'jpeg' || format === 'webp' ? MEDIA_TYPES[format] : undefined
  if (mediaType === undefined) {
    throw new UnsupportedInputType(`the file is ${format ?? 'of an unknown type'}; PNG, JPEG or WebP expected`, {
      path: 'body.contentBase64',
      format: format ?? null,
    })
  }
  const { width, height } = meta
  if (width > limits.maxSide || height > limits.maxSide) {
    throw new PayloadTooLarge(`the image is ${width}×${height}; inputs may be at most ${limits.maxSide} px a side`, {
      path: 'body.contentBase64',
      maxSide: limits.maxSide,
    })
  }
  return { sha256: sha256Of(bytes), mediaType, width, height, sizeBytes: bytes.byteLength }
}

/** The pixel size of a stored image (its header is read, not the pixels). */
export async function imageSize(path: string): Promise<{ width: number; height: number }> {
  const meta = await sharp(path, { limitInputPixels: false }).metadata()
  return { width: meta.width, height: meta.height }
}

/** Writes bytes under the root at `relativePath` unless they are there already (content-addressed). */
export async function storeInputBytes(root: string, relativePath: string, data: Buffer): Promise<void> {
  const target = join(root, relativePath)
  if (existsSync(target)) return
  await mkdir(dirname(target), { recursive: true })
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temp, data)
    await rename(temp, target)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
}

/** Copies a stored file (a version's) to an input path under the same root, unless it is there. */
export async function copyInputFile(root: string, fromRelative: string, toRelative: string): Promise<void> {
  const target = join(root, toRelative)
  if (existsSync(target)) return
  await mkdir(dirname(target), { recursive: true })
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await copyFile(join(root, fromRelative), temp)
    await rename(temp, target)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
}

/** A mask scaled to `width`×`height` (stretched: the caller asked for a resize explicitly), as PNG. */
export async function resizeMask(mask: Buffer, width: number, height: number): Promise<Buffer> {
  return sharp(mask).resize(width, height, { fit: 'fill', kernel: 'nearest' }).png().toBuffer()
}

/**
 * The mask as ComfyUI's /upload/mask takes it: an RGBA PNG whose alpha is 255 − the painted
 * amount, because the backend copies that alpha onto the image and LoadImage's MASK output is
 * 1 − alpha. The painted amount of a pixel is its red level times its own alpha, so a white
 * on black mask and a white brush on a transparent canvas both mean "repaint the white".
 */
export async function maskForUpload(mask: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(mask).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const pixels = info.width * info.height
  const out = Buffer.alloc(pixels * 4)
  for (let i = 0; i < pixels; i++) {
    const r = data[i * 4] ?? 0
    const a = data[i * 4 + 3] ?? 0
    const painted = Math.round((r * a) / 255)
    out[i * 4 + 3] = 255 - painted
  }
  return sharp(out, { raw: { width: info.width, height: info.height, channels: 4 } })
    .png()
    .toBuffer()
}

/** The painted amount per pixel (0–255, row-major) a mask means, as maskForUpload reads it. */
export async function paintedAmounts(mask: Buffer): Promise<{ width: number; height: number; data: Buffer }> {
  const { data, info } = await sharp(mask).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const pixels = info.width * info.height
  const out = Buffer.alloc(pixels)
  for (let i = 0; i < pixels; i++) out[i] = Math.round(((data[i * 4] ?? 0) * (data[i * 4 + 3] ?? 0)) / 255)
  return { width: info.width, height: info.height, data: out }
}

/** A well-formed request that breaks a rule of renders from versions (HTTP 422), naming its field. */
export class DeriveRuleViolation extends RuleViolation {
  readonly issues: FieldIssue[]
  constructor(path: string, message: string) {
    super(message, { path })
    this.issues = [{ path, message }]
  }
}

/** A mask whose size differs from its image's, unless resized explicitly (HTTP 422). */
export function maskSizeMismatch(mask: { width: number; height: number }, image: { width: number; height: number }) {
  return new DeriveRuleViolation(
    'body.maskInputId',
    `the mask is ${mask.width}×${mask.height} but the image is ${image.width}×${image.height}; ` +
      'paint it at the image size or ask for resizeMask',
  )
}
