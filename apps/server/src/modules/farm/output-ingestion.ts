// Streams a finished prompt's files from /view into DATA_DIR/storage/farm/<jobId>/ with a
// sha256 and a thumbnail (of a poster frame for videos). Each file goes to a temporary name
// and is renamed into place, and its row is inserted with ON CONFLICT DO NOTHING: observing
// completion twice (reconnect, restart) rewrites the same file and adds no second row.
import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { Writable } from 'node:stream'
import type { ComfyClient, ComfyOutputFile } from '@aipipeline/comfyui'
import type { RenderJobRepository } from '@aipipeline/db'
import sharp from 'sharp'
import { isVideo, sharedVideoPoster, type VideoPoster } from '../../media/video-poster'

export interface IngestDeps {
  repo: RenderJobRepository
  /** Storage root (DATA_DIR/storage); stored paths are relative to it. */
  storageDir: string
  thumbnails: boolean
  /** Poster frames of video outputs; the process-wide one (FFMPEG_PATH) when absent. */
  videoPoster?: VideoPoster
}

const THUMB_SIDE = 256
const IMAGE_MIME = /^image\/(png|jpeg|webp|gif|avif|tiff)$/

/** A file name safe on every filesystem, keeping the extension. */
function safeName(nodeId: string, filename: string): string {
  const base = basename(filename).replace(/[^A-Za-z0-9._-]/g, '_')
  return `${nodeId.replace(/[^A-Za-z0-9_-]/g, '_')}-${base}`
}

/** Writes to a file while hashing; honours back-pressure. */
function hashingFileSink(path: string, hash: ReturnType<typeof createHash>): Writable {
  const out = createWriteStream(path)
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      hash.update(chunk)
      if (out.write(chunk)) done()
      else out.once('drain', () => done())
    },
    final(done) {
      out.end(() => done())
    },
    destroy(err, done) {
      out.destroy()
      done(err)
    },
  })
}

/** Thumbnail of an image (file or encoded bytes), or of the first frame of an animated one; false when sharp cannot read it. */
async function thumbnail(source: string | Buffer, target: string): Promise<boolean> {
  const tmp = `${target}.${randomUUID()}.part`
  try {
    // pages: 1 reads only the first frame of an animated WEBP/GIF: the poster frame.
    await sharp(source, { pages: 1 })
      .resize(THUMB_SIDE, THUMB_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toFile(tmp)
    await rename(tmp, target)
    return true
  } catch {
    await rm(tmp, { force: true })
    return false
  }
}

/** Makes the thumbnail of a stored output when it is an image or a video; false when there is none. */
async function thumbnailOf(deps: IngestDeps, stored: string, mime: string | null, target: string): Promise<boolean> {
  if (mime !== null && IMAGE_MIME.test(mime)) return thumbnail(stored, target)
  if (!isVideo(mime, stored)) return false
  // From the stored file, after the rename: the video is in place whatever ffmpeg makes of it,
  // and a missing, failing or hanging ffmpeg only leaves the thumbnail out.
  const frame = await (deps.videoPoster ?? sharedVideoPoster()).posterFrame(stored)
  return frame !== null && (await thumbnail(frame, target))
}

/** Downloads and records every output file of a job; returns how many rows were new. */
export async function ingestOutputs(
  deps: IngestDeps,
  client: Pick<ComfyClient, 'download'>,
  jobId: string,
  files: ComfyOutputFile[],
): Promise<number> {
  const relDir = join('farm', jobId)
  const dir = join(deps.storageDir, relDir)
  await mkdir(dir, { recursive: true })
  let added = 0
  for (const file of files) {
    // Previews and temp files are not results.
    if (file.type !== 'output') continue
    const name = safeName(file.nodeId, file.filename)
    const tmp = join(dir, `.${name}.${randomUUID()}.part`)
    const hash = createHash('sha256')
    let info: { bytes: number; mime: string | null }
    try {
      info = await client.download(file, hashingFileSink(tmp, hash))
      await rename(tmp, join(dir, name))
    } catch (err) {
      await rm(tmp, { force: true })
      throw err
    }
    const mime = info.mime?.split(';')[0]?.trim() ?? null
    const thumbName = `${name}.thumb.webp`
    const hasThumb = deps.thumbnails && (await thumbnailOf(deps, join(dir, name), mime, join(dir, thumbName)))
    const inserted = await deps.repo.insertOutput({
      jobId,
      nodeId: file.nodeId,
      kind: file.kind,
      filename: file.filename,
      path: join(relDir, name),
      thumbnailPath: hasThumb ? join(relDir, thumbName) : null,
      mime,
      bytes: info.bytes,
      sha256: hash.digest('hex'),
    })
    if (inserted) added++
  }
  return added
}
