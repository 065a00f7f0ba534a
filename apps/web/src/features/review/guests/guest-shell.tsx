// /guest/review/$playlistId: the guest's whole studio. No navigation and no project pages:
// the playlist's review page (the same page staff use, in a guest's scope), the guest's name and "Leave". Nothing here calls a signed-in
// route (the server answers those 404 to a guest); once the link expires or is revoked the
// page says so instead of showing errors.
import { Box, Button, Group, Text } from '@mantine/core'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useGuest } from '../../../api/api-context'
import { LanguageSwitch } from '../../../components/language-switch'
import { ThemeToggle } from '../../../components/theme-toggle'
import { ReviewSession } from '../session/review-session-page'
import { GuestLinkEnded } from './guest-link-ended'

export function GuestShell() {
  const { t } = useTranslation()
  const api = useApi()
  const guest = useGuest()
  const { playlistId } = useParams({ from: '/guest/review/$playlistId' })
  const [left, setLeft] = useState(false)

  if (left) return <GuestLinkEnded reason="left" />
  const state = guest.state
  // No session in this tab (another tab, or a link for another playlist): the link must be opened again.
  if (guest.ended || state === null || state.session.playlistId !== playlistId) return <GuestLinkEnded reason="ended" />

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group
        justify="space-between"
        px="md"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Text fw={700}>{t('app.name')}</Text>
        <Group gap="sm">
          <Text size="sm" data-testid="guest-name">
            {t('reviewGuests.shell.guestName', { name: state.session.guestName })}
          </Text>
          <LanguageSwitch />
          <ThemeToggle />
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              api.guests.leave()
              setLeft(true)
            }}
          >
            {t('reviewGuests.shell.leave')}
          </Button>
        </Group>
      </Group>
      <Box p="md">
        <ReviewSession playlistId={playlistId} selfId={state.session.guestId} />
      </Box>
    </Box>
  )
}
