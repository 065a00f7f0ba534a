// Placing an already-stored file under a version's name: a hard link when the source is on the
// same filesystem (no second copy of a large render), else a copy; always through a temporary
// name and a rename, so a reader never sees half a file and a repeat overwrites cleanly.
//
// The link, rename and small writes are synchronous on purpose: each is one metadata syscall
// (microseconds), while the async versions queue on libuv's thread pool behind the farm's
// thumbnail and download work and made an ingest wait seconds on a busy studio.
import { createHash, randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { resolveInRoot } from './storage-path'

/** Hex sha256 of a string or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** sha256 and size of a small stored file (a thumbnail: read whole). */
export function smallFileDigest(root: string, relativePath: string): { sha256: string; sizeBytes: number } {
  const data = readFileSync(resolveInRoot(root, relativePath))
  return { sha256: sha256Hex(data), sizeBytes: data.byteLength }
}

/** Errors after which a copy may still work: another filesystem, or links not allowed there. */
const LINK_REFUSED = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK'])

const tempOf = (target: string) => `${target}.${randomBytes(6).toString('hex')}.tmp`

/** Makes `to` hold the content of `from` (both root-relative). */
export async function placeFile(root: string, from: string, to: string): Promise<void> {
  const source = resolveInRoot(root, from)
  const target = resolveInRoot(root, to)
  mkdirSync(dirname(target), { recursive: true })
  const temp = tempOf(target)
  try {
    try {
      linkSync(source, temp)
    } catch (err) {
      const code = err instanceof Error && 'code' in err ? String(err.code) : ''
      if (!LINK_REFUSED.has(code)) throw err
      await copyFile(source, temp)
    }
    renameSync(temp, target)
  } catch (err) {
    rmSync(temp, { force: true })
    throw err
  }
}

/** Writes a small file (a sidecar) atomically: temporary name, then rename. */
export function writeSmallFileAtomic(root: string, relativePath: string, data: string): void {
  const target = resolveInRoot(root, relativePath)
  mkdirSync(dirname(target), { recursive: true })
  const temp = tempOf(target)
  try {
    writeFileSync(temp, data)
    renameSync(temp, target)
  } catch (err) {
    rmSync(temp, { force: true })
    throw err
  }
}
