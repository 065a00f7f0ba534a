import { z } from 'zod'

// Only the fields conversion reads are typed; the editor stores much more (positions, colours,
// sizes, extension state) and every extra key is kept untouched by `.loose()`.

const NodeId = z.union([z.number(), z.string()])

export const UiNodeInput = z
  .object({
    name: z.string(),
    type: z.union([z.string(), z.array(z.unknown())]).optional(),
    link: z.number().nullable().optional(),
    widget: z.object({ name: z.string() }).loose().optional(),
  })
  .loose()
export type UiNodeInput = z.infer<typeof UiNodeInput>

export const UiNodeOutput = z
  .object({
    name: z.string().optional(),
    type: z.union([z.string(), z.array(z.unknown())]).optional(),
    links: z.array(z.number()).nullable().optional(),
  })
  .loose()
export type UiNodeOutput = z.infer<typeof UiNodeOutput>

export const UiNode = z
  .object({
    id: NodeId,
    type: z.string(),
    mode: z.number().int().optional(),
    title: z.string().optional(),
    inputs: z.array(UiNodeInput).optional(),
    outputs: z.array(UiNodeOutput).optional(),
    widgets_values: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
  })
  .loose()
export type UiNode = z.infer<typeof UiNode>

/** v0.4 links are tuples `[id, origin_id, origin_slot, target_id, target_slot, type]`; v1 and subgraphs use objects. */
const TupleLink = z
  .tuple([z.number(), NodeId, z.number(), NodeId, z.number()])
  .rest(z.unknown())
  .transform(([id, originId, originSlot, targetId, targetSlot]) => ({ id, originId, originSlot, targetId, targetSlot }))
const ObjectLink = z
  .object({ id: z.number(), origin_id: NodeId, origin_slot: z.number(), target_id: NodeId, target_slot: z.number() })
  .loose()
  .transform((l) => ({
    id: l.id,
    originId: l.origin_id,
    originSlot: l.origin_slot,
    targetId: l.target_id,
    targetSlot: l.target_slot,
  }))
export const UiLink = z.union([TupleLink, ObjectLink])
export type UiLink = z.infer<typeof UiLink>

/** A subgraph port: inner links from the input node (-10) or into the output node (-20) use its index. */
const SubgraphPort = z.object({ name: z.string(), type: z.unknown().optional() }).loose()

export interface UiSubgraph {
  id: string
  name?: string | undefined
  nodes: UiNode[]
  links: UiLink[]
  inputs: { name: string }[]
  outputs: { name: string }[]
  definitions?: { subgraphs?: UiSubgraph[] | undefined } | undefined
}

export const UiSubgraph: z.ZodType<UiSubgraph> = z.lazy(() =>
  z
    .object({
      id: z.string(),
      name: z.string().optional(),
      nodes: z.array(UiNode),
      links: z
        .array(UiLink)
        .nullable()
        .transform((l) => l ?? []),
      inputs: z.array(SubgraphPort).default([]),
      outputs: z.array(SubgraphPort).default([]),
      definitions: z
        .object({ subgraphs: z.array(UiSubgraph).optional() })
        .loose()
        .optional(),
    })
    .loose(),
)

/** A UI ("workflow") document as the editor saves it, v0.4 or v1. */
export const UiWorkflow = z
  .object({
    nodes: z.array(UiNode),
    links: z
      .array(UiLink)
      .nullable()
      .optional()
      .transform((l) => l ?? []),
    extra: z
      .object({ groupNodes: z.record(z.string(), z.unknown()).optional() })
      .loose()
      .nullable()
      .optional(),
    definitions: z
      .object({ subgraphs: z.array(UiSubgraph).optional() })
      .loose()
      .optional(),
    version: z.union([z.number(), z.string()]).optional(),
  })
  .loose()
export type UiWorkflow = z.infer<typeof UiWorkflow>

/** Ids of the proxy nodes that stand for a subgraph's inputs and outputs inside it. */
export const SUBGRAPH_INPUT_NODE = -10
export const SUBGRAPH_OUTPUT_NODE = -20
