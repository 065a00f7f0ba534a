// The `version:new` change a new version makes, whichever path made it (a farm output through
// ingest, or a version attached directly): one shape for the activity log and live updates.
import type { VersionFileRecord, VersionRecord } from '@aipipeline/db'
import type { Change } from './activity.service'

/** The `version:new` change of a new version: clients and vendors get it where the task's status and assignment let them. */
export function versionNewChange(
  version: VersionRecord & { files: readonly VersionFileRecord[] },
  shotId: string,
  statusId: string,
): Change {
  return {
    event: 'version:new',
    payload: {
      projectId: version.projectId,
      actorId: version.authorId,
      at: version.createdAt,
      versionId: version.id,
      taskId: version.taskId,
      shotId,
      number: version.number,
      kind: version.kind === 'video' ? 'video' : 'image',
      thumbnailFileId: version.files.find((f) => f.role === 'thumbnail')?.id ?? null,
      renderJobId: version.renderJobId,
    },
    entityId: version.id,
    shotId,
    taskId: version.taskId,
    taskIds: [version.taskId],
    clientVisible: true,
    data: { versionId: version.id, number: version.number, statusId },
  }
}
