// Ops the toolbar's buttons make from what is on the picture.
import type { Annotation, AnnotationOp } from '@aipipeline/contracts'

/** Neighbouring frames shown faded when ghosting is on. */
export const DEFAULT_GHOSTING = { before: 2, after: 2 } as const

/** Removes the caller's own drawings on one frame (others' drawings stay, whoever asks). */
export function clearMineOps(annotations: readonly Annotation[], frame: number, authorId: string): AnnotationOp[] {
  return annotations
    .filter((a) => a.frame === frame && a.authorId === authorId)
    .map((a) => ({ op: 'remove' as const, id: a.id }))
}
