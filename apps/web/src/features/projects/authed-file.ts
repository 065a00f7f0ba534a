// Where production files live; fetching them with the session's token is shared (api/authed-file).
export { downloadAuthed, fetchAuthed, revokeLater, useAuthedFileUrl } from '../../api/authed-file'

/** The path of a version file's bytes. */
export function versionFilePath(fileId: string): string {
  return `/api/version-files/${encodeURIComponent(fileId)}`
}
