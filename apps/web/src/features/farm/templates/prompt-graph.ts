// The graph of a saved template, read from its API prompt: each entry is a node, and every input
// whose value is `[nodeId, outputIndex]` is a link from that node.
import { z } from 'zod'
import type { GraphLinkInput, GraphNodeInput } from './graph-layout'

const PromptNode = z.looseObject({
  class_type: z.string(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  _meta: z.looseObject({ title: z.string().optional() }).optional(),
})

const LinkValue = z.tuple([z.union([z.string(), z.number()]), z.number()])

/** Nodes and links of an API prompt; entries that are not nodes are left out. */
export function promptGraph(prompt: Record<string, unknown>): { nodes: GraphNodeInput[]; links: GraphLinkInput[] } {
  const nodes: GraphNodeInput[] = []
  const links: GraphLinkInput[] = []
  for (const [id, value] of Object.entries(prompt)) {
    const node = PromptNode.safeParse(value)
    if (!node.success) continue
    nodes.push({ id, classType: node.data.class_type, title: node.data._meta?.title })
    for (const [inputName, input] of Object.entries(node.data.inputs ?? {})) {
      const link = LinkValue.safeParse(input)
      if (link.success) links.push({ from: String(link.data[0]), to: id, inputName })
    }
  }
  return { nodes, links }
}
