// One item of a playlist in the review page's left column: thumbnail, shot and task type, the
// task's status colour, the version it shows and why (latest, approved, pinned), and how far
// a video's review proxy is. Editors get a drag handle and the item's menu.
import { type PlaylistItem, playlistRoutes, reviewMediaPath } from '@aipipeline/contracts'
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core'
import { ActionIcon, Badge, Box, Group, Image, Paper, Stack, Text } from '@mantine/core'
import type { CSSProperties, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuthedFileUrl } from '../../../api/authed-file'

/** "v007": versions read with three digits across the studio. */
export function versionLabel(n: number): string {
  return `v${String(n).padStart(3, '0')}`
}

export interface DragHandle {
  listeners: DraggableSyntheticListeners
  attributes: DraggableAttributes
}

interface Props {
  item: PlaylistItem
  current: boolean
  /** The task status's colour and name, when the caller may see it. */
  status: { name: string; color: string } | null
  onSelect: () => void
  handle?: DragHandle
  menu?: ReactNode
  dropTarget?: boolean
  style?: CSSProperties
}

export function PlaylistItemRow(props: Props) {
  const { t } = useTranslation()
  const { item } = props
  const version = item.version
  const thumb = useAuthedFileUrl(
    version ? reviewMediaPath(item.playlistId, version.id, 'thumbnail') : null,
    playlistRoutes.reviewMedia,
  )
  return (
    <Paper
      withBorder
      p={6}
      data-testid="playlist-item"
      data-item-id={item.id}
      data-shot-code={item.shotCode}
      data-version-choice={item.versionChoice}
      data-version-number={version?.number ?? ''}
      aria-current={props.current ? 'true' : undefined}
      bg={
        props.dropTarget
          ? 'var(--mantine-color-blue-light)'
          : props.current
            ? 'var(--mantine-color-default-hover)'
            : undefined
      }
      style={props.style}
    >
      <Group gap={6} wrap="nowrap" align="center">
        {props.handle && (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('playlists.items.handle', { shot: item.shotCode })}
            style={{ cursor: 'grab', touchAction: 'none' }}
            data-testid="playlist-item-handle"
            {...props.handle.listeners}
            {...props.handle.attributes}
          >
            ⠿
          </ActionIcon>
        )}
        <Box
          component="button"
          type="button"
          onClick={props.onSelect}
          style={{
            all: 'unset',
            cursor: 'pointer',
            flex: 1,
            minWidth: 0,
            display: 'flex',
            gap: 8,
            alignItems: 'center',
          }}
        >
          <Thumbnail url={thumb} shot={item.shotCode} />
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="nowrap">
              {props.status && (
                <Box
                  title={props.status.name}
                  aria-label={props.status.name}
                  w={10}
                  h={10}
                  style={{ borderRadius: '50%', background: props.status.color, flex: 'none' }}
                  data-testid="playlist-item-status"
                />
              )}
              <Text size="sm" fw={600} truncate>
                {item.shotCode}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {item.taskTypeName}
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" ff="monospace">
                {version ? versionLabel(version.number) : t('playlists.items.noVersion')}
              </Text>
              <Badge
                size="xs"
                variant="light"
                color={choiceColour(item.versionChoice)}
                style={{ flex: 'none' }}
                data-testid="playlist-item-choice"
              >
                {t(`playlists.choice.${item.versionChoice}`)}
              </Badge>
              <ProxyState item={item} />
            </Group>
          </Stack>
        </Box>
        {props.menu}
      </Group>
    </Paper>
  )
}

function choiceColour(choice: PlaylistItem['versionChoice']): string {
  switch (choice) {
    case 'latest':
      return 'gray'
    case 'approved':
      return 'teal'
    case 'pinned':
      return 'orange'
  }
}

function Thumbnail({ url, shot }: { url: string | null; shot: string }) {
  const { t } = useTranslation()
  return (
    <Box w={64} h={36} bg="dark.6" style={{ flex: 'none', borderRadius: 4, overflow: 'hidden' }}>
      {url && <Image src={url} alt={t('playlists.items.thumbnail', { shot })} w={64} h={36} fit="cover" />}
    </Box>
  )
}

/** A video's proxy while it is not ready yet; nothing for stills and ready proxies. */
function ProxyState({ item }: { item: PlaylistItem }) {
  const { t } = useTranslation()
  const proxy = item.version?.kind === 'video' ? item.version.proxy : null
  if (!proxy || proxy.status === 'ready') return null
  const text =
    proxy.status === 'failed'
      ? t('playlists.items.proxy.failed')
      : proxy.status === 'queued'
        ? t('playlists.items.proxy.queued')
        : t('playlists.items.proxy.running', { progress: proxy.progress })
  return (
    <Text size="xs" c={proxy.status === 'failed' ? 'red' : 'dimmed'} truncate data-testid="playlist-item-proxy">
      {text}
    </Text>
  )
}
