// The shot's versions as a lineage tree: each version under the one it was made from, with its
// thumbnail, how it was made (refine, inpaint, …), an approved mark, and deleted parents kept
// as dashed cards. Clicking a card opens that version; ticking two shows what differs.
import type { LineageNode } from '@aipipeline/contracts'
import {
  Badge,
  Checkbox,
  Group,
  Image,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ShotVersion, useVersionFileUrl, versionCode } from '../projects/shot-page/version-files'
import { CARD_HEIGHT, CARD_WIDTH, layoutLineage, type PlacedLink } from './lineage-layout'
import { useVersionLineage } from './refine-queries'
import { togglePick } from './version-diff'
import { VersionDiffPanel } from './version-diff-panel'

const THUMB_HEIGHT = 63

export function VersionHistory(props: {
  shotId: string
  versions: readonly ShotVersion[]
  label: (v: ShotVersion) => string
  selectedId: string | null
  onSelect: (versionId: string) => void
}) {
  const { t } = useTranslation()
  const lineage = useVersionLineage(props.shotId, props.versions.length)
  const layout = useMemo(() => layoutLineage(lineage.data ?? { nodes: [], edges: [] }), [lineage.data])
  const [picks, setPicks] = useState<string[]>([])
  const byId = new Map(props.versions.map((v) => [v.id, v]))
  const [a, b] = picks.map((id) => byId.get(id))
  // Nothing to draw yet, or the caller may not read it: the gallery above still works.
  if (layout.nodes.length === 0) return null
  return (
    <Stack gap="xs" data-testid="version-history" data-levels={layout.levels}>
      <Paper withBorder p="sm">
        <Title order={4} size="h5">
          {t('refine.lineage.title')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t('refine.lineage.hint')}
        </Text>
        <ScrollArea type="auto">
          <div style={{ position: 'relative', width: layout.width, height: layout.height, margin: 4 }}>
            <svg
              width={layout.width}
              height={layout.height}
              style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}
              aria-hidden
            >
              {layout.links.map((link) => (
                <LinkPath key={`${link.parentId}-${link.childId}-${link.role}`} link={link} />
              ))}
            </svg>
            {layout.nodes.map((placed) => (
              <div
                key={placed.node.versionId}
                style={{ position: 'absolute', left: placed.x, top: placed.y, width: CARD_WIDTH, height: CARD_HEIGHT }}
              >
                <LineageCard
                  node={placed.node}
                  version={byId.get(placed.node.versionId)}
                  selected={placed.node.versionId === props.selectedId}
                  picked={picks.includes(placed.node.versionId)}
                  onOpen={() => props.onSelect(placed.node.versionId)}
                  onPick={() => setPicks((p) => togglePick(p, placed.node.versionId))}
                />
              </div>
            ))}
          </div>
        </ScrollArea>
      </Paper>
      {a && b && <VersionDiffPanel a={a} b={b} label={props.label} onClear={() => setPicks([])} />}
    </Stack>
  )
}

/** A curve from the parent's right edge to the child's left edge; side inputs dashed. */
function LinkPath({ link }: { link: PlacedLink }) {
  const mid = (link.x1 + link.x2) / 2
  return (
    <path
      d={`M ${link.x1} ${link.y1} C ${mid} ${link.y1}, ${mid} ${link.y2}, ${link.x2} ${link.y2}`}
      fill="none"
      stroke={link.primary ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-grape-5)'}
      strokeWidth={link.primary ? 2 : 1.5}
      strokeDasharray={link.primary ? undefined : '5 4'}
      data-role={link.role}
    />
  )
}

function nodeLabel(node: LineageNode): string {
  return `${node.taskTypeName ?? ''} ${node.number === null ? '' : versionCode(node.number)}`.trim()
}

function LineageCard(props: {
  node: LineageNode
  version: ShotVersion | undefined
  selected: boolean
  picked: boolean
  onOpen(): void
  onPick(): void
}) {
  const { t } = useTranslation()
  const { node } = props
  const url = useVersionFileUrl(node.gone ? null : node.thumbnailFileId)
  const label = nodeLabel(node)
  if (node.gone)
    return (
      <Paper
        withBorder
        p={4}
        h="100%"
        style={{ borderStyle: 'dashed', borderWidth: 2, display: 'grid', placeItems: 'center' }}
        data-testid="lineage-node"
        data-gone
        data-version-id={node.versionId}
      >
        <Text size="xs" c="dimmed" ta="center">
          {t('refine.lineage.gone')}
          {label !== '' && <br />}
          {label}
        </Text>
      </Paper>
    )
  return (
    <Paper
      withBorder
      p={4}
      h="100%"
      style={{
        outline: props.selected ? '2px solid var(--mantine-color-blue-6)' : undefined,
        borderColor: node.approved ? 'var(--mantine-color-green-6)' : undefined,
      }}
      data-testid="lineage-node"
      data-version-id={node.versionId}
      data-mode={node.mode ?? 'render'}
      data-approved={node.approved}
    >
      {/* A link (opening a version changes the address), so it opens in a new tab too. */}
      <UnstyledButton
        component="a"
        href={`?version=${encodeURIComponent(node.versionId)}`}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey) return
          e.preventDefault()
          props.onOpen()
        }}
        aria-label={t('refine.lineage.open', { label })}
        display="block"
        w="100%"
      >
        {url ? (
          <Image src={url} h={THUMB_HEIGHT} w="100%" fit="cover" radius={2} alt="" />
        ) : (
          <div style={{ height: THUMB_HEIGHT, background: 'var(--mantine-color-default-hover)' }} />
        )}
      </UnstyledButton>
      <Group gap={4} mt={4} wrap="nowrap" justify="space-between">
        <Text size="xs" fw={600} truncate>
          {label}
        </Text>
        {props.version && (
          <Checkbox
            size="xs"
            checked={props.picked}
            onChange={props.onPick}
            aria-label={t('refine.lineage.pick', { label })}
            data-testid="lineage-pick"
          />
        )}
      </Group>
      <Group gap={4} mt={2} wrap="nowrap">
        <Badge size="xs" variant="light" color={node.mode === null ? 'gray' : 'grape'}>
          {node.mode === null ? t('refine.lineage.firstRender') : t(`refine.lineage.modes.${node.mode}`)}
        </Badge>
        {node.approved && (
          <Tooltip label={t('refine.lineage.approved')}>
            <Badge
              size="xs"
              color="green"
              circle
              aria-label={t('refine.lineage.approved')}
              role="img"
              data-testid="lineage-approved"
            >
              ✓
            </Badge>
          </Tooltip>
        )}
      </Group>
    </Paper>
  )
}
