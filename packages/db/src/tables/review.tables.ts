// Review's drawings (migration 0120).

export interface AnnotationsTable {
  versionId: string
  /** Made by the drawing browser (uuid). */
  id: string
  /** 0-based media frame index; null only on a tombstone of an id never seen. */
  frame: number | null
  /** JSON AnnotationShape (fractions of the image); null only on such a tombstone. */
  shape: string | null
  authorId: string | null
  /** The name the author had when drawing (a guest's given name). */
  authorName: string | null
  /** The version's annotation revision when the row last changed. */
  revision: number
  createdAt: string
  updatedAt: string
  /** Set once removed; removed ids never come back. */
  removedAt: string | null
}

export interface AnnotationRevisionsTable {
  versionId: string
  revision: number
}

export interface ReviewTables {
  annotations: AnnotationsTable
  annotationRevisions: AnnotationRevisionsTable
}
