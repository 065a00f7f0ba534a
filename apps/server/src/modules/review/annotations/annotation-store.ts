// The drawing store: checks that the caller may draw and that the version is in the playlist,
// then applies the ops in one serialised transaction. REST and review rooms both come here.
import { type Annotation, AnnotationChanges, type AnnotationOp, AnnotationShape } from '@aipipeline/contracts'
import type { AnnotationRecord, AnnotationRepository } from '@aipipeline/db'
import { Forbidden } from '@aipipeline/domain'
import type { AnnotationStore, PlaylistGate, PlaylistScope } from '../review-ports'

export interface AnnotationStoreDeps {
  repository: AnnotationRepository
  gate: Pick<PlaylistGate, 'versionInPlaylist'>
}

/** A stored drawing as the API shows it; its JSON is parsed with the contract (stored rows are outside input too). */
function toAnnotation(record: AnnotationRecord): Annotation {
  return { ...record, shape: AnnotationShape.parse(record.shape) }
}

export function createAnnotationStore({ repository, gate }: AnnotationStoreDeps): AnnotationStore {
  return {
    async list(scope, versionId) {
      await gate.versionInPlaylist(scope, versionId)
      const { revision, items } = await repository.list(versionId)
      return { revision, items: items.map(toAnnotation) }
    },

    async apply(scope: PlaylistScope, versionId: string, ops: readonly AnnotationOp[]) {
      if (!scope.can.draw) throw new Forbidden('you may not draw in this playlist')
      await gate.versionInPlaylist(scope, versionId)
      const batch = await repository.apply(versionId, ops, {
        id: scope.actorId,
        name: scope.actorName,
        // Playlist editors (supervisors and up) may fix or erase anyone's drawing; others their own.
        mayEditOthers: () => scope.can.edit,
      })
      return AnnotationChanges.parse({
        versionId,
        revision: batch.revision,
        results: batch.outcomes.map((o) => ({
          op: o.op,
          id: o.id,
          outcome: o.outcome,
          reason: o.reason,
          annotation: o.drawing ? toAnnotation(o.drawing) : null,
        })),
      })
    },
  }
}
