// Review proxies of video versions (migration 0110).

export interface ReviewProxiesTable {
  versionId: string
  projectId: string
  /** queued | running | ready | failed */
  status: string
  /** Percent, 0..100. */
  progress: number
  /** Attempts started for the current revision. */
  attempts: number
  /** The last failure, readable (no stack); kept while a retry is queued. */
  error: string | null
  width: number | null
  height: number | null
  frameCount: number | null
  /** The exact frame rate as a fraction (24000/1001). */
  rateNum: number | null
  rateDen: number | null
  revision: number
  /** Relative to the storage root; set once the revision's file is in place. */
  path: string | null
  sizeBytes: number | null
  sha256: string | null
  createdAt: string
  updatedAt: string
  finishedAt: string | null
}

export interface ReviewProxiesTables {
  reviewProxies: ReviewProxiesTable
}
