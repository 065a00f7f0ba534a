// The review session page (/review/$playlistId): the playlist's items on the left, the player
// with drawings and comparison in the centre, the item task's notes with Approve / Retake on
// the right, and the live room (presence, presenter, follow or detach) in the header.
import type { PlaylistDetail, ReviewVersion, RoomPlayback } from '@aipipeline/contracts'
import { Alert, Button, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useParams } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { apiErrorText } from '../../../api/error-text'
import { useProject } from '../../projects/project-queries'
import { GuestLinksDialog } from '../guests'
import { PlaylistHeaderMenu, PlaylistItemsPanel } from '../playlists'
import { ReviewNotesPanel } from './review-notes-panel'
import { useItemVersions, usePlaylistDetail, useReviewCacheWriters } from './review-session-queries'
import { ReviewStage } from './review-stage'
import { RoomPresenceBar } from './room-presence-bar'
import { shownItem, shownVersion, steppedItemId } from './session-items'
import { useReviewRoom } from './use-review-room'
import { useSessionPlayback } from './use-session-playback'

/** The signed-in route: the user is the room participant. */
export function ReviewSessionRoute() {
  const { playlistId } = useParams({ from: '/signed-in/review/$playlistId' })
  const selfId = useSession()?.user.id ?? ''
  return <ReviewSession playlistId={playlistId} selfId={selfId} />
}

/** The page for one playlist; the guest shell renders it too (with the guest's participant id). */
export function ReviewSession({ playlistId, selfId }: { playlistId: string; selfId: string }) {
  const { t } = useTranslation()
  const detail = usePlaylistDetail(playlistId)
  if (detail.isPending)
    return (
      <Center mih={300}>
        <Stack align="center" gap={4}>
          <Loader />
          <Text c="dimmed">{t('reviewSession.loading')}</Text>
        </Stack>
      </Center>
    )
  if (detail.isError)
    return (
      <Alert color="red" role="alert" m="md">
        {detail.error instanceof ApiError && detail.error.status === 404
          ? t('reviewSession.notFound')
          : apiErrorText(detail.error, t)}
      </Alert>
    )
  return <ReviewSessionView detail={detail.data} selfId={selfId} />
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

function ReviewSessionView({ detail, selfId }: { detail: PlaylistDetail; selfId: string }) {
  const { t } = useTranslation()
  const playlistId = detail.playlist.id
  const writers = useReviewCacheWriters(playlistId)
  const room = useReviewRoom(playlistId, selfId, {
    onComment: writers.addComment,
    onAnnotations: writers.applyDrawings,
    onPlaylist: writers.playlistChanged,
  })
  const { playback, change } = useSessionPlayback(room)
  const isGuest = detail.guestName !== null
  const project = useProject(detail.project.id, { enabled: !isGuest }).data
  // Clients, vendors and guests never choose among a task's versions.
  const staff = !isGuest && project !== undefined && project.myRole !== 'client' && project.myRole !== 'vendor'
  const [guestLinksOpen, setGuestLinksOpen] = useState(false)

  const item = shownItem(detail.items, playback.itemId)
  const versions = useItemVersions(playlistId, item?.id ?? null, true).data ?? []
  const version = shownVersion(item, playback.versionId, versions)

  const select = (itemId: string) =>
    change({
      ...playback,
      itemId,
      versionId: null,
      frame: 0,
      playing: false,
      loop: null,
      compare: { ...playback.compare, mode: 'off', versionId: null },
    } satisfies RoomPlayback)

  // Up/Down or N/P step through the items (not while typing a note).
  const currentId = item?.id ?? null
  const latestSelect = useLatest(select)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      const key = e.key.toLowerCase()
      const step = key === 'arrowdown' || key === 'n' ? 1 : key === 'arrowup' || key === 'p' ? -1 : 0
      if (step === 0) return
      const next = steppedItemId(detail.items, currentId, step)
      if (next === null) return
      e.preventDefault()
      latestSelect.current(next)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [detail.items, currentId, latestSelect])

  const startFrame = detail.project.startFrame
  const label = item
    ? t('reviewSession.playerLabel', { shot: item.shotCode, task: item.taskTypeName, number: version?.number ?? 0 })
    : detail.playlist.name
  return (
    <Stack
      gap="sm"
      p="sm"
      data-testid="review-session"
      data-room-seq={room.state?.seq ?? -1}
      data-frame={startFrame + playback.frame}
      data-item-id={item?.id ?? ''}
      data-version-id={version?.id ?? ''}
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <Title order={3}>{detail.playlist.name}</Title>
          <PlaylistHeaderMenu detail={detail} />
          {detail.can.manageGuests && (
            <Button size="xs" variant="default" onClick={() => setGuestLinksOpen(true)} data-testid="guest-links-open">
              {t('reviewSession.guestLinks')}
            </Button>
          )}
        </Group>
        <RoomPresenceBar room={room} selfId={selfId} canPresent={detail.can.present} />
      </Group>
      {detail.items.length === 0 || !item ? (
        <Text c="dimmed">{t('reviewSession.noItems')}</Text>
      ) : (
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <PlaylistItemsPanel detail={detail} currentItemId={item.id} onSelect={select} />
            <Text size="xs" c="dimmed" mt="xs">
              {t('reviewSession.keys')}
            </Text>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            {version ? (
              <ReviewStage
                key={version.id}
                detail={detail}
                version={version}
                versions={versions}
                label={label}
                playback={playback}
                onPlayback={change}
                canCompare={staff}
                selfId={selfId}
                draw={room.draw}
              />
            ) : (
              <Paper withBorder p="lg">
                <Text c="dimmed">{t('reviewSession.noVersion')}</Text>
              </Paper>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            {version && (
              <ReviewNotesPanel
                detail={detail}
                item={item}
                versionId={version.id}
                project={project}
                frame={playback.frame}
                loop={playback.loop}
                lastFrame={lastFrameOf(version)}
                isVideo={version.kind === 'video'}
                onSeek={(frames) => change({ ...playback, frame: frames.start, playing: false })}
              />
            )}
          </Grid.Col>
        </Grid>
      )}
      {detail.can.manageGuests && (
        <GuestLinksDialog playlistId={playlistId} opened={guestLinksOpen} onClose={() => setGuestLinksOpen(false)} />
      )}
    </Stack>
  )
}

/** A ref that always holds the latest value (for listeners registered once). */
function useLatest<T>(value: T) {
  const ref = useRef(value)
  ref.current = value
  return ref
}

/** The last frame index of a version's media, when known (a still has only frame 0). */
function lastFrameOf(version: ReviewVersion): number | null {
  if (version.kind === 'image') return 0
  const count = version.proxy?.frameCount ?? null
  return count !== null && count > 0 ? count - 1 : null
}
