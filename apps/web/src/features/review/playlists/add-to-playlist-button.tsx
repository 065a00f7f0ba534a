// "Add to playlist" for the shots selected in the shot table: a new playlist of their tasks,
// or their tasks added to the end of one of the project's playlists. Which task of each shot
// is the table's task type when it shows one; otherwise the user picks the type in the menu.
import type { PlaylistDetail } from '@aipipeline/contracts'
import { Anchor, Button, Menu, Notification, Portal } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../../api/error-text'
import { useProject } from '../../projects/project-queries'
import { CreatePlaylistDialog, type TableSelection } from './create-playlist-dialog'
import { makesPlaylists, useAddPlaylistItems, useProjectPlaylists } from './playlist-queries'

type Outcome = { kind: 'done'; text: string; playlistId: string } | { kind: 'failed'; text: string } | null

export function AddToPlaylistButton(props: { projectId: string; selection: TableSelection }) {
  const { t } = useTranslation()
  const project = useProject(props.projectId).data
  const allowed = makesPlaylists(project?.myRole)
  const [menuOpen, setMenuOpen] = useState(false)
  const playlists = useProjectPlaylists(allowed && menuOpen ? props.projectId : null).data
  const add = useAddPlaylistItems()
  const [creating, setCreating] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [pickedType, setPickedType] = useState<string | null>(null)
  if (!project || !allowed || props.selection.count === 0) return null
  const taskTypeId = props.selection.taskTypeId ?? pickedType ?? project.taskTypes[0]?.id ?? null
  const editable = (playlists ?? []).filter((p) => p.canEdit)

  const addTo = (playlistId: string) => {
    const taskIds = taskTypeId === null ? [] : props.selection.taskIdsFor(taskTypeId)
    if (taskIds.length === 0) return setOutcome({ kind: 'failed', text: t('playlists.create.gaps.tasks') })
    add.mutate(
      { playlistId, body: { taskIds } },
      {
        onSuccess: (detail) => done(t('playlists.add.added', { name: detail.playlist.name }), detail),
        onError: (e) => setOutcome({ kind: 'failed', text: apiErrorText(e, t) }),
      },
    )
  }
  const done = (text: string, detail: PlaylistDetail) =>
    setOutcome({ kind: 'done', text, playlistId: detail.playlist.id })

  return (
    <>
      <Menu position="bottom-end" withinPortal opened={menuOpen} onChange={setMenuOpen}>
        <Menu.Target>
          <Button size="xs" variant="light" loading={add.isPending} data-testid="add-to-playlist">
            {t('playlists.add.button', { count: props.selection.count })}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {props.selection.taskTypeId === null && project.taskTypes.length > 1 && (
            <>
              <Menu.Label>{t('playlists.add.taskType')}</Menu.Label>
              {project.taskTypes.map((tt) => (
                <Menu.Item
                  key={tt.id}
                  closeMenuOnClick={false}
                  onClick={() => setPickedType(tt.id)}
                  fw={tt.id === taskTypeId ? 700 : undefined}
                  aria-checked={tt.id === taskTypeId}
                  role="menuitemradio"
                >
                  {tt.name}
                </Menu.Item>
              ))}
              <Menu.Divider />
            </>
          )}
          <Menu.Item onClick={() => setCreating(true)} data-testid="add-to-playlist-new">
            {t('playlists.add.newPlaylist')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>{t('playlists.add.existing')}</Menu.Label>
          {editable.length === 0 && <Menu.Item disabled>{t('playlists.add.none')}</Menu.Item>}
          {editable.map((p) => (
            <Menu.Item key={p.id} onClick={() => addTo(p.id)} data-testid="add-to-playlist-existing">
              {p.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <CreatePlaylistDialog
        projectId={props.projectId}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(detail) => done(t('playlists.add.created', { name: detail.playlist.name }), detail)}
        selection={{ ...props.selection, taskTypeId }}
      />
      {outcome && (
        <Portal>
          <Notification
            color={outcome.kind === 'done' ? 'teal' : 'red'}
            onClose={() => setOutcome(null)}
            role={outcome.kind === 'done' ? 'status' : 'alert'}
            data-testid="playlist-added"
            style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 400, maxWidth: 380 }}
          >
            {outcome.text}{' '}
            {outcome.kind === 'done' && (
              <Anchor
                renderRoot={(rootProps) => (
                  <Link to="/review/$playlistId" params={{ playlistId: outcome.playlistId }} {...rootProps} />
                )}
                data-testid="playlist-added-open"
              >
                {t('playlists.add.open')}
              </Anchor>
            )}
          </Notification>
        </Portal>
      )}
    </>
  )
}
