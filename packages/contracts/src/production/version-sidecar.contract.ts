// The JSON sidecar in every rendered version's folder (`version.json`, file role `sidecar`):
// full provenance of the render, readable without the database. Studio tools and the server
// parse it with this schema.
import { z } from 'zod'

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const VersionSidecarFile = z.object({
  name: z.string(),
  role: z.enum(['output', 'thumbnail']),
  /** Root-relative storage path. */
  path: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: Sha256,
})

export const VersionSidecar = z
  .object({
    schema: z.literal('aipipeline.version-sidecar/1'),
    version: z.object({
      id: z.string(),
      number: z.number().int().min(1),
      kind: z.enum(['image', 'video']),
      projectId: z.string(),
      taskId: z.string(),
      shotId: z.string(),
    }),
    /** The naming templates that placed the files, and the token values they were filled with. */
    naming: z.object({
      versionFolder: z.string(),
      versionFile: z.string(),
      tokens: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
    template: z.object({ id: z.string(), revision: z.number().int().nullable() }).nullable(),
    /** sha256 of the submitted API prompt as canonical JSON (keys sorted, no spaces). */
    workflowHash: Sha256,
    prompt: z.string().nullable(),
    negativePrompt: z.string().nullable(),
    seed: z.number().nullable(),
    parameters: z.record(z.string(), z.unknown()),
    /** Checkpoints, diffusion models (unet) and LoRAs named in the prompt. */
    models: z.object({ checkpoints: z.array(z.string()), unets: z.array(z.string()), loras: z.array(z.string()) }),
    backend: z.object({ id: z.string(), name: z.string() }).nullable(),
    job: z.object({ id: z.string(), attemptIds: z.array(z.string()), outputId: z.string() }),
    inputs: z.array(z.object({ versionId: z.string(), parameter: z.string(), role: z.string() })),
    /** The files the render took, by content: the source image, a painted mask, a control image. */
    inputFiles: z
      .array(z.object({ parameter: z.string(), sha256: Sha256, kind: z.enum(['image', 'mask', 'control']) }))
      .optional(),
    /** A guided render's control image and how the ControlNet applied it (0..1 of the steps). */
    control: z
      .object({
        parameter: z.string(),
        sha256: Sha256,
        strength: z.number().nullable(),
        startPercent: z.number().nullable(),
        endPercent: z.number().nullable(),
      })
      .nullable()
      .optional(),
    timings: z.object({
      queuedAt: z.string(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      ingestedAt: z.string(),
    }),
    files: z.array(VersionSidecarFile),
  })
  .meta({ id: 'VersionSidecar' })
export type VersionSidecar = z.infer<typeof VersionSidecar>
