// The playlist a guest reviews. The full review page (player, notes, drawings) is the
// playlist page's; this shows what the guest may see of the playlist meanwhile, through the
// same guest-admitting route.
import { playlistRoutes } from '@aipipeline/contracts'
import { Alert, Loader, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'

export function GuestPlaylist({ playlistId }: { playlistId: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const playlist = useQuery({
    queryKey: ['review', 'guest', 'playlist', playlistId],
    queryFn: () => api.call(playlistRoutes.getPlaylist, { params: { playlistId } }),
    retry: false,
  })
  if (playlist.isPending) {
    return (
      <Stack align="center" py="xl" gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('reviewGuests.shell.loading')}</Text>
      </Stack>
    )
  }
  if (playlist.isError) return <Alert color="yellow">{t('reviewGuests.shell.notFound')}</Alert>
  const detail = playlist.data
  return (
    <Stack gap="xs">
      <Title order={2}>{detail.playlist.name}</Title>
      <Text c="dimmed">
        {detail.project.name} · {t('reviewGuests.shell.items', { count: detail.items.length })}
      </Text>
    </Stack>
  )
}
