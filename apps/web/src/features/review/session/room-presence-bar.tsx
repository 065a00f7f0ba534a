// Who is in the room and who presents: avatars with names (guests badged, the presenter
// crowned), taking, releasing and handing over the presenter's seat, and following the
// presenter or watching detached until a re-sync.
import { Alert, Avatar, Badge, Button, Group, Menu, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRealtimeStatus } from '../../../api/realtime-context'
import type { ReviewRoom } from './use-review-room'

interface Props {
  room: ReviewRoom
  selfId: string
  /** May take the presenter's seat (and, as presenter, hand it on). */
  canPresent: boolean
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/)
  return parts
    .slice(0, 2)
    .map((p) => p.slice(0, 1).toUpperCase())
    .join('')
}

/** Room refusals the page has words for; any other code is shown as it came. */
const KNOWN_ERRORS = [
  'forbidden',
  'not_found',
  'not_presenter',
  'presenter_taken',
  'may_not_present',
  'may_not_draw',
  'join_first',
  'name_participant',
  'not_in_room',
  'validation_failed',
  'server_error',
  'no_answer',
  'malformed_answer',
] as const

/** A room error code as a sentence in the viewer's language. */
export function useRoomErrorText(code: string | null): string | null {
  const { t } = useTranslation()
  if (code === null) return null
  const known = KNOWN_ERRORS.find((k) => k === code)
  return known ? t(`reviewSession.room.errors.${known}`) : t('reviewSession.room.errors.unknown', { code })
}

export function RoomPresenceBar({ room, selfId, canPresent }: Props) {
  const { t } = useTranslation()
  const status = useRealtimeStatus()
  const errorText = useRoomErrorText(room.error)
  const presenter = room.participants.find((p) => p.id === room.presenterId)
  const others = room.participants.filter((p) => p.id !== selfId && !p.guest)

  return (
    <Group
      gap="sm"
      wrap="wrap"
      role="group"
      aria-label={t('reviewSession.room.presence')}
      data-testid="room-presence"
      data-presenter-id={room.presenterId ?? ''}
    >
      <Tooltip.Group>
        <Avatar.Group spacing="xs">
          {room.participants.map((p) => (
            <Tooltip
              key={p.id}
              label={`${p.name}${p.id === selfId ? ` (${t('reviewSession.room.you')})` : ''}${
                p.guest ? ` · ${t('reviewSession.room.guest')}` : ''
              }${p.id === room.presenterId ? ` · ${t('reviewSession.room.presenter')}` : ''}`}
            >
              <Avatar
                size="sm"
                radius="xl"
                color={p.id === room.presenterId ? 'yellow' : p.guest ? 'grape' : 'blue'}
                data-testid="room-participant"
                data-participant-id={p.id}
                data-guest={p.guest}
              >
                {p.id === room.presenterId ? '♛' : initials(p.name)}
              </Avatar>
            </Tooltip>
          ))}
        </Avatar.Group>
      </Tooltip.Group>
      <Text size="xs" c="dimmed">
        {presenter ? `♛ ${presenter.name}` : t('reviewSession.room.noPresenter')}
      </Text>
      {canPresent && !room.isPresenter && (
        <Button size="compact-xs" variant="light" onClick={() => void room.take()} data-testid="room-take">
          {t('reviewSession.room.take')}
        </Button>
      )}
      {room.isPresenter && (
        <>
          <Button size="compact-xs" variant="default" onClick={() => void room.release()} data-testid="room-release">
            {t('reviewSession.room.release')}
          </Button>
          {others.length > 0 && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="default" data-testid="room-give">
                  {t('reviewSession.room.giveTo')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {others.map((p) => (
                  <Menu.Item key={p.id} onClick={() => void room.give(p.id)}>
                    {p.name}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </>
      )}
      {!room.isPresenter &&
        room.presenterId !== null &&
        (room.detached ? (
          <Group gap={4}>
            <Badge size="sm" color="orange" variant="light">
              {t('reviewSession.room.detached')}
            </Badge>
            <Button size="compact-xs" onClick={() => void room.resync()} data-testid="room-resync">
              {t('reviewSession.room.resync')}
            </Button>
          </Group>
        ) : (
          <Group gap={4}>
            <Badge size="sm" color="teal" variant="light">
              {t('reviewSession.room.following')}
            </Badge>
            <Button size="compact-xs" variant="subtle" onClick={room.detach} data-testid="room-detach">
              {t('reviewSession.room.detach')}
            </Button>
          </Group>
        ))}
      {status !== 'connected' && (
        <Text size="xs" c="orange">
          {t('reviewSession.room.offline')}
        </Text>
      )}
      {errorText && (
        <Alert color="red" py={2} px="xs" role="alert">
          {errorText}
        </Alert>
      )}
    </Group>
  )
}
