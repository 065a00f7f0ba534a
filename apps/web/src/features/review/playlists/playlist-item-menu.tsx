// An item's menu for those who edit the playlist: show the task's latest or approved version,
// pin one of its versions (listed when the menu opens), make a video's review proxy again, or
// take the item out.
import type { PlaylistItem } from '@aipipeline/contracts'
import { ActionIcon, Loader, Menu } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { versionLabel } from './playlist-item-row'
import { useItemVersions } from './playlist-queries'

interface Props {
  item: PlaylistItem
  onChoose: (choice: { versionChoice: PlaylistItem['versionChoice']; pinnedVersionId: string | null }) => void
  onRemove: () => void
  /** Makes the shown video's review proxy again. */
  onRemakeProxy: () => void
}

export function PlaylistItemMenu({ item, onChoose, onRemove, onRemakeProxy }: Props) {
  const { t, i18n } = useTranslation()
  const [opened, setOpened] = useState(false)
  const versions = useItemVersions(item.playlistId, item.id, opened)
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' })
  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('playlists.items.menu', { shot: item.shotCode })}
          data-testid="playlist-item-menu"
        >
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          disabled={item.versionChoice === 'latest'}
          onClick={() => onChoose({ versionChoice: 'latest', pinnedVersionId: null })}
          data-testid="playlist-item-latest"
        >
          {t('playlists.items.showLatest')}
        </Menu.Item>
        <Menu.Item
          disabled={item.versionChoice === 'approved'}
          onClick={() => onChoose({ versionChoice: 'approved', pinnedVersionId: null })}
          data-testid="playlist-item-approved"
        >
          {t('playlists.items.showApproved')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('playlists.items.pin')}</Menu.Label>
        {versions.isPending && (
          <Menu.Item disabled>
            <Loader size="xs" aria-label={t('app.loading')} />
          </Menu.Item>
        )}
        {versions.data?.length === 0 && <Menu.Item disabled>{t('playlists.items.noVersions')}</Menu.Item>}
        {versions.data?.map((v) => (
          <Menu.Item
            key={v.id}
            disabled={item.versionChoice === 'pinned' && item.pinnedVersionId === v.id}
            onClick={() => onChoose({ versionChoice: 'pinned', pinnedVersionId: v.id })}
            data-testid="playlist-item-pin"
            data-version-id={v.id}
          >
            {t('playlists.items.pinnedVersion', { number: versionLabel(v.number).slice(1), date: day(v.createdAt) })}
            {v.approved ? ` · ${t('playlists.choice.approved')}` : ''}
          </Menu.Item>
        ))}
        <Menu.Divider />
        {item.version?.kind === 'video' && (
          <Menu.Item
            onClick={onRemakeProxy}
            disabled={item.version.proxy?.status === 'queued' || item.version.proxy?.status === 'running'}
            data-testid="playlist-item-remake-proxy"
          >
            {t('playlists.items.remakeProxy')}
          </Menu.Item>
        )}
        <Menu.Item color="red" onClick={onRemove} data-testid="playlist-item-remove">
          {t('playlists.items.remove')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
