// A playlist's review page. For now: its name, who it is for, its settings and its items;
// the player, notes and drawings take the right-hand side.
import { Alert, Anchor, Badge, Grid, Group, Loader, Stack, Title } from '@mantine/core'
import { Link, useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../../api/error-text'
import { PlaylistHeaderMenu } from '../playlists/playlist-header-menu'
import { PlaylistItemsPanel } from '../playlists/playlist-items-panel'
import { usePlaylistDetail } from '../playlists/playlist-queries'

export function ReviewSessionPage() {
  const { t } = useTranslation()
  const { playlistId } = useParams({ from: '/signed-in/review/$playlistId' })
  const detail = usePlaylistDetail(playlistId)
  const [currentItemId, setCurrentItemId] = useState<string | null>(null)
  if (detail.isError)
    return (
      <Alert color="red" role="alert">
        {apiErrorText(detail.error, t)}
      </Alert>
    )
  if (!detail.data) return <Loader aria-label={t('app.loading')} />
  const { playlist } = detail.data
  return (
    <Stack gap="md" data-testid="review-session">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="wrap">
          <Anchor
            renderRoot={(props) => <Link to="/review" search={{ project: playlist.projectId }} {...props} />}
            c="dimmed"
            size="sm"
          >
            {t('playlists.session.back')}
          </Anchor>
          <Title order={2} data-testid="review-playlist-name">
            {playlist.name}
          </Title>
          <Badge variant="light" color={playlist.audience === 'client' ? 'grape' : 'blue'}>
            {t(`playlists.audience.${playlist.audience}`)}
          </Badge>
        </Group>
        <PlaylistHeaderMenu detail={detail.data} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <PlaylistItemsPanel
            detail={detail.data}
            currentItemId={currentItemId ?? detail.data.items[0]?.id ?? null}
            onSelect={setCurrentItemId}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
