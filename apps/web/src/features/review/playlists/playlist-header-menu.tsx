// The review page header's settings menu for those who edit the playlist: rename it, share it
// with clients (or stop), or delete it after a confirmation. Others see nothing.
import type { PlaylistDetail } from '@aipipeline/contracts'
import { ActionIcon, Alert, Button, Group, Menu, Modal, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../../api/error-text'
import { useDeletePlaylist, useUpdatePlaylist } from './playlist-queries'

export function PlaylistHeaderMenu({ detail }: { detail: PlaylistDetail }) {
  const { t } = useTranslation()
  const { playlist } = detail
  const update = useUpdatePlaylist(playlist.id)
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null)
  if (!detail.can.edit) return null
  const shared = playlist.audience === 'client'
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('playlists.header.menu')}
            data-testid="playlist-settings"
          >
            ⚙
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog('rename')} data-testid="playlist-rename">
            {t('playlists.header.rename')}
          </Menu.Item>
          <Menu.Item
            closeMenuOnClick={false}
            onClick={() => update.mutate({ audience: shared ? 'team' : 'client' })}
            data-testid="playlist-share"
            rightSection={
              <Switch size="xs" checked={shared} readOnly tabIndex={-1} aria-hidden style={{ pointerEvents: 'none' }} />
            }
          >
            {t('playlists.header.shareWithClients')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => setDialog('delete')} data-testid="playlist-delete">
            {t('playlists.header.deletePlaylist')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {update.error && dialog === null && (
        <Text size="xs" c="red" role="alert">
          {apiErrorText(update.error, t)}
        </Text>
      )}
      <Modal opened={dialog === 'rename'} onClose={() => setDialog(null)} title={t('playlists.header.renameTitle')}>
        {dialog === 'rename' && <RenameForm detail={detail} onDone={() => setDialog(null)} />}
      </Modal>
      <Modal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title={t('playlists.header.deleteTitle', { name: playlist.name })}
      >
        {dialog === 'delete' && <DeleteForm detail={detail} onCancel={() => setDialog(null)} />}
      </Modal>
    </>
  )
}

function RenameForm({ detail, onDone }: { detail: PlaylistDetail; onDone: () => void }) {
  const { t } = useTranslation()
  const update = useUpdatePlaylist(detail.playlist.id)
  const [name, setName] = useState(detail.playlist.name)
  const save = () => update.mutate({ name: name.trim() }, { onSuccess: onDone })
  return (
    <Stack gap="sm">
      <TextInput
        label={t('playlists.create.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && name.trim() !== '' && save()}
        maxLength={120}
        data-autofocus
        data-testid="playlist-rename-name"
      />
      {update.error && (
        <Alert color="red" role="alert" py={6}>
          {apiErrorText(update.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('playlists.header.cancel')}
        </Button>
        <Button
          onClick={save}
          disabled={name.trim() === ''}
          loading={update.isPending}
          data-testid="playlist-rename-save"
        >
          {t('playlists.header.save')}
        </Button>
      </Group>
    </Stack>
  )
}

function DeleteForm({ detail, onCancel }: { detail: PlaylistDetail; onCancel: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const remove = useDeletePlaylist(detail.playlist)
  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => void navigate({ to: '/review', search: { project: detail.playlist.projectId } }),
    })
  return (
    <Stack gap="sm">
      <Text size="sm">{t('playlists.header.deleteBody')}</Text>
      {remove.error && (
        <Alert color="red" role="alert" py={6}>
          {apiErrorText(remove.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('playlists.header.cancel')}
        </Button>
        <Button color="red" onClick={confirm} loading={remove.isPending} data-testid="playlist-delete-confirm">
          {t('playlists.header.deleteConfirm')}
        </Button>
      </Group>
    </Stack>
  )
}
