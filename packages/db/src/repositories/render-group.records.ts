// A render from shots as a stored job group: its project, template, sweep axes and what each
// job of it got (variation, seed, sweep values), parsed with zod on read.
import { z } from 'zod'
import type { FarmRenderGroupsTable } from '../tables/farm.tables'

export const RenderGroupAxis = z.object({ name: z.string(), values: z.array(z.unknown()) })
export type RenderGroupAxis = z.infer<typeof RenderGroupAxis>

export const RenderGroupJobValues = z.object({
  /** 0-based. */
  variation: z.number().int(),
  seed: z.number().nullable(),
  sweep: z.record(z.string(), z.unknown()),
})
export type RenderGroupJobValues = z.infer<typeof RenderGroupJobValues>

export interface RenderGroupRecord {
  id: string
  projectId: string | null
  templateId: string | null
  name: string
  variations: number
  axes: RenderGroupAxis[]
  /** Job id → its values. */
  jobValues: Record<string, RenderGroupJobValues>
  submittedBy: string | null
  createdAt: string
}

/** A group to store with its jobs; each job's values go in the same order as the jobs. */
export interface NewRenderGroup {
  id: string
  projectId: string | null
  templateId: string | null
  name: string
  variations: number
  axes: RenderGroupAxis[]
  submittedBy: string | null
}

export function toRenderGroup(row: FarmRenderGroupsTable): RenderGroupRecord {
  return {
    ...row,
    axes: z.array(RenderGroupAxis).parse(JSON.parse(row.axes)),
    jobValues: z.record(z.string(), RenderGroupJobValues).parse(JSON.parse(row.jobValues)),
  }
}
