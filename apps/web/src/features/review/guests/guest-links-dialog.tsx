// Guest links of a client playlist: the list with their use, making one (its URL shown once),
// revoking one (after a confirmation; its guests lose access at once) and each link's log.
// Shown from the playlist page to those whose `can.manageGuests` is set.
import { type GuestLink, guestLinkRoutes } from '@aipipeline/contracts'
import { Alert, Badge, Button, Divider, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { apiErrorText } from '../../../api/error-text'
import { GuestLinkCreate } from './guest-link-create'
import { GuestLinkLog } from './guest-link-log'

export interface GuestLinksDialogProps {
  playlistId: string
  opened: boolean
  onClose(): void
}

type LinkState = 'active' | 'expired' | 'revoked'

function stateOf(link: GuestLink, now: number): LinkState {
  if (link.revokedAt !== null) return 'revoked'
  return Date.parse(link.expiresAt) <= now ? 'expired' : 'active'
}

const STATE_COLOUR: Record<LinkState, string> = { active: 'teal', expired: 'gray', revoked: 'red' }

export function GuestLinksDialog({ playlistId, opened, onClose }: GuestLinksDialogProps) {
  const { t } = useTranslation()
  const [logOf, setLogOf] = useState<GuestLink | null>(null)
  const [revoking, setRevoking] = useState<GuestLink | null>(null)
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['review', 'guest-links', playlistId] })

  return (
    <Modal opened={opened} onClose={onClose} title={t('reviewGuests.dialog.title')} size="xl">
      {logOf !== null ? (
        <GuestLinkLog link={logOf} onBack={() => setLogOf(null)} />
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('reviewGuests.dialog.intro')}
          </Text>
          <GuestLinkCreate playlistId={playlistId} onCreated={() => void refresh()} />
          <Divider />
          {opened && <GuestLinkList playlistId={playlistId} onLog={setLogOf} onRevoke={setRevoking} />}
        </Stack>
      )}
      <RevokeConfirm link={revoking} onDone={() => setRevoking(null)} onRevoked={() => void refresh()} />
    </Modal>
  )
}

function GuestLinkList({
  playlistId,
  onLog,
  onRevoke,
}: {
  playlistId: string
  onLog(link: GuestLink): void
  onRevoke(link: GuestLink): void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const links = useQuery({
    queryKey: ['review', 'guest-links', playlistId],
    queryFn: () => api.call(guestLinkRoutes.listGuestLinks, { params: { playlistId } }),
  })
  const date = (iso: string | null) =>
    iso === null ? t('reviewGuests.dialog.never') : new Date(iso).toLocaleString(i18n.language)
  if (links.isPending) return <Loader size="sm" />
  if (links.isError) return <Alert color="red">{apiErrorText(links.error, t)}</Alert>
  if (links.data.items.length === 0) return <Text c="dimmed">{t('reviewGuests.dialog.empty')}</Text>
  const now = Date.now()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid="guest-links">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reviewGuests.dialog.label')}</Table.Th>
            <Table.Th>{t('reviewGuests.dialog.expires')}</Table.Th>
            <Table.Th>{t('reviewGuests.dialog.lastUsed')}</Table.Th>
            <Table.Th>{t('reviewGuests.dialog.actions')}</Table.Th>
            <Table.Th>{t('reviewGuests.dialog.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {links.data.items.map((link) => {
            const state = stateOf(link, now)
            return (
              <Table.Tr key={link.id}>
                <Table.Td>{link.label}</Table.Td>
                <Table.Td>{date(link.expiresAt)}</Table.Td>
                <Table.Td>{date(link.lastUsedAt)}</Table.Td>
                <Table.Td>{link.actionCount}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOUR[state]} variant="light">
                    {t(`reviewGuests.dialog.${state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => onLog(link)}>
                      {t('reviewGuests.dialog.viewLog')}
                    </Button>
                    {state === 'active' && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => onRevoke(link)}>
                        {t('reviewGuests.dialog.revoke')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function RevokeConfirm({ link, onDone, onRevoked }: { link: GuestLink | null; onDone(): void; onRevoked(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const revoke = useMutation({
    mutationFn: (target: GuestLink) =>
      api.callNoContent(guestLinkRoutes.revokeGuestLink, {
        params: { playlistId: target.playlistId, linkId: target.id },
      }),
    onSuccess: () => {
      onRevoked()
      onDone()
    },
  })
  return (
    <Modal
      opened={link !== null}
      onClose={() => {
        revoke.reset()
        onDone()
      }}
      title={t('reviewGuests.dialog.revokeTitle')}
      size="sm"
    >
      <Stack gap="md">
        <Text size="sm">{t('reviewGuests.dialog.revokeBody', { label: link?.label ?? '' })}</Text>
        {revoke.isError && <Alert color="red">{apiErrorText(revoke.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('reviewGuests.dialog.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => link && revoke.mutate(link)}>
            {t('reviewGuests.dialog.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
