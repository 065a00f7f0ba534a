// Downloading a render job's output files and thumbnails. The answer is the file's bytes, not
// JSON, so this route is described here (path, params, access) and bound by the server on its
// own; browsers and the CLI fetch it with their bearer token.
import { access } from '@aipipeline/domain'
import { z } from 'zod'

export const FarmOutputFileParams = z
  .object({
    id: z.string().min(1).max(64),
    outputId: z.string().min(1).max(64),
    variant: z.enum(['file', 'thumbnail']),
  })
  .strict()
export type FarmOutputFileParams = z.infer<typeof FarmOutputFileParams>

export const farmOutputFileRoute = {
  method: 'GET',
  path: '/api/farm/jobs/:id/outputs/:outputId/:variant',
  summary: 'Download an output file of a render job, or its thumbnail (WebP)',
  tags: ['farm'],
  access: access.atLeast('artist'),
  params: FarmOutputFileParams,
} as const

/** The path of an output's file or thumbnail. */
export function farmOutputFilePath(jobId: string, outputId: string, variant: 'file' | 'thumbnail' = 'file'): string {
  return `/api/farm/jobs/${encodeURIComponent(jobId)}/outputs/${encodeURIComponent(outputId)}/${variant}`
}
