// What guests did through one link, newest first.
import { type GuestLink, guestLinkRoutes } from '@aipipeline/contracts'
import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { apiErrorText } from '../../../api/error-text'

export function GuestLinkLog({ link, onBack }: { link: GuestLink; onBack(): void }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const log = useQuery({
    queryKey: ['review', 'guest-links', link.playlistId, link.id, 'log'],
    queryFn: () => api.call(guestLinkRoutes.guestLinkLog, { params: { playlistId: link.playlistId, linkId: link.id } }),
  })
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('reviewGuests.dialog.logTitle', { label: link.label })}</Text>
      {log.isPending && <Loader size="sm" />}
      {log.isError && <Alert color="red">{apiErrorText(log.error, t)}</Alert>}
      {log.data && log.data.items.length === 0 && <Text c="dimmed">{t('reviewGuests.dialog.logEmpty')}</Text>}
      {log.data && log.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={480} mah={360}>
          <Table striped>
            <Table.Tbody>
              {log.data.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td c="dimmed">{new Date(entry.at).toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>{t('reviewGuests.shell.guestName', { name: entry.guestName })}</Table.Td>
                  <Table.Td>{t(`reviewGuests.dialog.action.${entry.action}`)}</Table.Td>
                  <Table.Td c="dimmed">{entry.detail ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>
          {t('reviewGuests.dialog.close')}
        </Button>
      </Group>
    </Stack>
  )
}
