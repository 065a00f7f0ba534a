// Drawings on review frames: shapes in image fractions, keyed by frame, changed as ordered
// add/update/remove deltas with ids made by the drawing browser.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { Colour } from '../production/project.contract'
import { FrameIndex, PlaylistVersionParams } from './review-base.contract'

const tags = ['review'] as const

const Fraction = z.number().min(-1).max(2) // image fractions; a little outside the picture is allowed
export const Point = z.tuple([Fraction, Fraction])

const ShapeStyle = {
  color: Colour,
  /** Stroke width as a fraction of the image's width (0.004 ≈ 4 px on a 1000 px picture). */
  width: z.number().min(0.0005).max(0.1),
}
/** A drawn shape; every coordinate is a fraction of the image (0..1, origin top-left). */
export const AnnotationShape = z.discriminatedUnion('tool', [
  z.object({ tool: z.literal('pen'), points: z.array(Point).min(1).max(5000), ...ShapeStyle }).strict(),
  z.object({ tool: z.literal('line'), from: Point, to: Point, ...ShapeStyle }).strict(),
  z.object({ tool: z.literal('arrow'), from: Point, to: Point, ...ShapeStyle }).strict(),
  z.object({ tool: z.literal('rect'), from: Point, to: Point, ...ShapeStyle }).strict(),
  z.object({ tool: z.literal('ellipse'), from: Point, to: Point, ...ShapeStyle }).strict(),
  z
    .object({
      tool: z.literal('text'),
      at: Point,
      text: z.string().trim().min(1).max(500),
      /** Text height as a fraction of the image's height. */
      size: z.number().min(0.005).max(0.3),
      ...ShapeStyle,
    })
    .strict(),
])
export type AnnotationShape = z.infer<typeof AnnotationShape>

/** Annotation ids are made by the drawing browser (uuid), so a retried add is the same add. */
export const AnnotationId = z.string().uuid()

export const Annotation = z
  .object({
    id: z.string(),
    versionId: z.string(),
    frame: FrameIndex,
    shape: AnnotationShape,
    authorId: z.string(),
    authorName: z.string(),
    /** Bumped by each update; the version's annotation revision when it last changed. */
    revision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Annotation' })
export type Annotation = z.infer<typeof Annotation>

/** One change to a version's drawings. Removed ids stay removed: a late update or add of them is ignored. */
export const AnnotationOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), id: AnnotationId, frame: FrameIndex, shape: AnnotationShape }).strict(),
  z.object({ op: z.literal('update'), id: AnnotationId, shape: AnnotationShape }).strict(),
  z.object({ op: z.literal('remove'), id: AnnotationId }).strict(),
])
export type AnnotationOp = z.infer<typeof AnnotationOp>

export const AnnotationOpsRequest = z.object({ ops: z.array(AnnotationOp).min(1).max(200) }).strict()

/** What became of each op, in order; `annotation` is the stored drawing after an add or update. */
export const AnnotationOpResult = z.object({
  op: z.enum(['add', 'update', 'remove']),
  id: z.string(),
  /** `ignored`: the id was removed before, already added, unknown, or not the caller's to change. */
  outcome: z.enum(['applied', 'ignored']),
  reason: z.string().nullable(),
  annotation: Annotation.nullable(),
})
export type AnnotationOpResult = z.infer<typeof AnnotationOpResult>

export const AnnotationChanges = z
  .object({
    versionId: z.string(),
    /** The version's annotation revision after these changes (monotonic per version). */
    revision: z.number().int(),
    results: z.array(AnnotationOpResult),
  })
  .meta({ id: 'AnnotationChanges' })
export type AnnotationChanges = z.infer<typeof AnnotationChanges>

/** Frame-keyed drawings. */
export const annotationRoutes = {
  listAnnotations: {
    ...defineRoute({
      method: 'GET',
      path: '/api/review/playlists/:playlistId/versions/:versionId/annotations',
      summary: 'A version’s drawings on every frame, with the version’s annotation revision',
      tags,
      access: access.authenticated,
      params: PlaylistVersionParams,
      response: z.object({ revision: z.number().int(), items: z.array(Annotation) }),
    }),
    guests: true,
  },
  changeAnnotations: {
    ...defineRoute({
      method: 'POST',
      path: '/api/review/playlists/:playlistId/versions/:versionId/annotations',
      summary: 'Add, update or remove drawings (the same path as a review room’s draw event)',
      tags,
      access: access.authenticated,
      params: PlaylistVersionParams,
      body: AnnotationOpsRequest,
      response: AnnotationChanges,
    }),
    guests: true,
  },
} as const
