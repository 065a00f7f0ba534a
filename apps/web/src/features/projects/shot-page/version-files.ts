// What the shot page needs to know about a version's files: which one is the picture, which
// the sidecar, how big they are, and blob URLs for the ones the caller may read.
import type { Version, VersionFile } from '@aipipeline/contracts'
import type { z } from 'zod'
import { useAuthedFileUrl, versionFilePath } from '../authed-file'

export type ShotVersion = z.infer<typeof Version>
type File = z.infer<typeof VersionFile>

/** `v003`: version numbers are three digits wide, as in the naming templates. */
export function versionCode(number: number): string {
  return `v${String(number).padStart(3, '0')}`
}

/** `Keyframe v003`. */
export function versionLabel(version: Pick<ShotVersion, 'number'>, taskName: string): string {
  return `${taskName} ${versionCode(version.number)}`.trim()
}

/** The picture or movie of a version (its first output). */
export function outputFile(version: Pick<ShotVersion, 'files'>): File | null {
  return version.files.find((f) => f.role === 'output') ?? null
}

/** The JSON sidecar, when the server lists one for the caller (clients may not get it). */
export function sidecarFile(version: Pick<ShotVersion, 'files'>): File | null {
  return version.files.find((f) => f.role === 'sidecar') ?? null
}

/** A file size for people: 1023 B, 1.5 KB, 12.3 MB (1024-based, one decimal above bytes). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 ? 0 : 1
  return `${value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${units[unit]}`
}

/** A blob URL for a version file (null while loading or without a file). */
export function useVersionFileUrl(fileId: string | null): string | null {
  return useAuthedFileUrl(fileId === null ? null : versionFilePath(fileId))
}
