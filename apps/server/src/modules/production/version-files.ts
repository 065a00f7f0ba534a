// Placing an already-stored file under a version's name: a hard link when the source is on the
// same filesystem (no second copy of a large render), else a copy; always through a temporary
// name and a rename, so a reader never sees half a file and a repeat overwrites cleanly.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, link, mkdir, rename, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { resolveInRoot } from './storage-path'

/** Hex sha256 of a string or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** sha256 and size of a stored file (streamed). */
export async function fileDigest(root: string, relativePath: string): Promise<{ sha256: string; sizeBytes: number }> {
  const path = resolveInRoot(root, relativePath)
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return { sha256: hash.digest('hex'), sizeBytes: (await stat(path)).size }
}

/** Errors after which a copy may still work: another filesystem, or links not allowed there. */
const LINK_REFUSED = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK'])

/** Makes `to` hold the content of `from` (both root-relative). */
export async function placeFile(root: string, from: string, to: string): Promise<void> {
  const source = resolveInRoot(root, from)
  const target = resolveInRoot(root, to)
  await mkdir(dirname(target), { recursive: true })
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    try {
      await link(source, temp)
    } catch (err) {
      const code = err instanceof Error && 'code' in err ? String(err.code) : ''
      if (!LINK_REFUSED.has(code)) throw err
      await copyFile(source, temp)
    }
    await rename(temp, target)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
}
