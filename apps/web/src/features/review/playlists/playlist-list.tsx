// The project's playlists as rows: name, who it is shared with, how many items, when it last
// changed and who made it. A row opens the playlist's review page.
import type { Playlist } from '@aipipeline/contracts'
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'

export function AudienceBadge({ audience }: { audience: Playlist['audience'] }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={audience === 'client' ? 'grape' : 'blue'} data-testid="playlist-audience">
      {t(`playlists.audience.${audience}`)}
    </Badge>
  )
}

export function PlaylistList(props: { playlists: readonly Playlist[]; memberName: (userId: string) => string | null }) {
  const { t, i18n } = useTranslation()
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <Stack gap="xs" data-testid="playlist-list">
      {props.playlists.map((p) => {
        const creator = p.createdBy === null ? null : props.memberName(p.createdBy)
        return (
          <UnstyledButton
            key={p.id}
            renderRoot={(rootProps) => <Link to="/review/$playlistId" params={{ playlistId: p.id }} {...rootProps} />}
            data-testid="playlist-row"
            data-playlist-id={p.id}
          >
            <Paper withBorder p="sm">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text fw={600} truncate data-testid="playlist-name">
                    {p.name}
                  </Text>
                  <AudienceBadge audience={p.audience} />
                </Group>
                <Group gap="md" wrap="nowrap">
                  <Text size="sm" data-testid="playlist-count">
                    {t('playlists.list.items', { count: p.itemCount })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('playlists.list.updated', { when: when(p.updatedAt) })}
                  </Text>
                  {creator !== null && (
                    <Text size="sm" c="dimmed">
                      {t('playlists.list.by', { name: creator })}
                    </Text>
                  )}
                </Group>
              </Group>
            </Paper>
          </UnstyledButton>
        )
      })}
    </Stack>
  )
}
