import { Box, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { type GraphLinkInput, type GraphNodeInput, layoutGraph } from './graph-layout'

const PAD = 16
/** Screen pixels per layout unit: small enough for a sampler chain, large enough to read titles. */
const SCALE = 0.8
/** Tallest the preview grows; a taller or wider graph scrolls inside it. */
const MAX_HEIGHT = 480

/**
 * A read-only picture of a workflow: nodes as boxes titled by their title or class, links as
 * curves from output to input. Drawn in SVG at a fixed scale; a large graph scrolls.
 */
export function WorkflowGraph({ nodes, links }: { nodes: GraphNodeInput[]; links: GraphLinkInput[] }) {
  const { t } = useTranslation()
  const layout = useMemo(() => layoutGraph(nodes, links), [nodes, links])
  if (layout.nodes.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('templates.graph.empty')}
      </Text>
    )
  const width = layout.width + PAD * 2
  const height = layout.height + PAD * 2
  return (
    <Box
      style={{
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        background: 'var(--mantine-color-default-hover)',
        overflow: 'auto',
        maxHeight: MAX_HEIGHT,
      }}
      data-testid="workflow-graph"
      data-node-count={layout.nodes.length}
    >
      <svg
        viewBox={`${-PAD} ${-PAD} ${width} ${height}`}
        width={width * SCALE}
        height={height * SCALE}
        style={{ display: 'block' }}
        role="img"
        aria-label={t('templates.graph.label', { count: layout.nodes.length })}
      >
        <g fill="none" stroke="var(--mantine-color-dimmed)" strokeWidth={1.5} opacity={0.7}>
          {layout.links.map((l) => {
            const bend = Math.max(40, Math.abs(l.x2 - l.x1) / 2)
            return (
              <path
                key={`${l.from}-${l.to}-${l.inputName}`}
                d={`M${l.x1},${l.y1} C${l.x1 + bend},${l.y1} ${l.x2 - bend},${l.y2} ${l.x2},${l.y2}`}
              >
                <title>{l.inputName}</title>
              </path>
            )
          })}
        </g>
        {layout.nodes.map((n) => (
          <g key={n.id} transform={`translate(${n.x},${n.y})`} data-testid="graph-node">
            <title>{`#${n.id} · ${n.classType}`}</title>
            <rect
              width={n.width}
              height={n.height}
              rx={8}
              fill="var(--mantine-color-body)"
              stroke="var(--mantine-primary-color-filled)"
              strokeWidth={1.5}
            />
            <text x={10} y={20} fontSize={13} fontWeight={600} fill="var(--mantine-color-text)">
              {clip(n.title, 24)}
            </text>
            <text x={10} y={37} fontSize={11} fill="var(--mantine-color-dimmed)">
              {clip(`#${n.id} ${n.title === n.classType ? '' : n.classType}`, 30)}
            </text>
          </g>
        ))}
      </svg>
    </Box>
  )
}

/** Cuts a label to fit its box; the full text is in the node's tooltip. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
