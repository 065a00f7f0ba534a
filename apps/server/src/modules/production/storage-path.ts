// The storage root boundary: every file the production module writes goes through here.
// Paths in the database are root-relative; resolving one can never leave the root, and
// files are written to a temporary name and renamed so a reader never sees half a file.
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { assertRelativePath, ValidationFailed } from '@aipipeline/domain'

/** Absolute path of a root-relative path; throws when it would escape the root. */
export function resolveInRoot(root: string, relativePath: string): string {
  assertRelativePath(relativePath)
  const absolute = resolve(root, relativePath)
  const back = relative(root, absolute)
  if (back === '' || back.startsWith(`..${sep}`) || back === '..' || isAbsolute(back)) {
    throw new ValidationFailed(`"${relativePath}" is outside the storage root`)
  }
  return absolute
}

/** Writes a file atomically (temp name in the same folder, then rename). */
export async function writeFileAtomic(root: string, relativePath: string, data: Uint8Array | string): Promise<string> {
  const target = resolveInRoot(root, relativePath)
  await mkdir(dirname(target), { recursive: true })
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temp, data)
    await rename(temp, target)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
  return target
}

/** Creates a folder (and parents) under the root. */
export async function makeFolder(root: string, relativePath: string): Promise<void> {
  await mkdir(resolveInRoot(root, relativePath), { recursive: true })
}
