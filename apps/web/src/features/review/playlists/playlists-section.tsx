// The Review section: pick a project (the last pick is remembered), see its playlists, and make
// a new one. Roles that may not make playlists never see the button; clients see only what
// is shared with clients (the server's list already is).
import { Alert, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMembers, useProjects } from '../../projects/project-queries'
import { CreatePlaylistDialog } from './create-playlist-dialog'
import { pickProject, rememberedProject, rememberProject } from './last-project'
import { PlaylistList } from './playlist-list'
import { makesPlaylists, useProjectPlaylists } from './playlist-queries'

export interface ReviewSearch {
  project?: string
}

/** Reads `?project=` of the Review section's address. */
export function parseReviewSearch(search: Record<string, unknown>): ReviewSearch {
  return typeof search.project === 'string' && search.project !== '' ? { project: search.project } : {}
}

export function PlaylistsSection() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const search: ReviewSearch = parseReviewSearch(useSearch({ strict: false }))
  const projects = useProjects().data
  const projectId = projects ? pickProject(projects, search.project, rememberedProject()) : null
  const project = projects?.find((p) => p.id === projectId)
  const playlists = useProjectPlaylists(projectId)
  const [creating, setCreating] = useState(false)

  const choose = (id: string | null) => {
    if (id === null) return
    rememberProject(id)
    void navigate({ to: '/review', search: { project: id } })
  }

  return (
    <Stack gap="md" data-testid="review-section">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('playlists.section.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('playlists.section.intro')}
          </Text>
        </Stack>
        <Group align="flex-end">
          {projects && projects.length > 0 && (
            <Select
              label={t('playlists.section.project')}
              data={projects.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
              value={projectId}
              onChange={choose}
              allowDeselect={false}
              w={260}
              data-testid="review-project"
            />
          )}
          {project && makesPlaylists(project.myRole) && (
            <Button onClick={() => setCreating(true)} data-testid="playlist-new">
              {t('playlists.create.open')}
            </Button>
          )}
        </Group>
      </Group>
      {!projects || (projectId !== null && !playlists.data && !playlists.isError) ? (
        <Loader aria-label={t('app.loading')} />
      ) : projectId === null || !project ? (
        <Alert color="gray">{t('playlists.section.noProjects')}</Alert>
      ) : playlists.isError ? (
        <Alert color="red" role="alert">
          {playlists.error.message}
        </Alert>
      ) : (
        <ProjectPlaylists
          projectId={project.id}
          playlists={playlists.data ?? []}
          makes={makesPlaylists(project.myRole)}
        />
      )}
      {project && makesPlaylists(project.myRole) && (
        <CreatePlaylistDialog
          projectId={project.id}
          opened={creating}
          onClose={() => setCreating(false)}
          onCreated={(detail) =>
            void navigate({ to: '/review/$playlistId', params: { playlistId: detail.playlist.id } })
          }
        />
      )}
    </Stack>
  )
}

function ProjectPlaylists(props: {
  projectId: string
  playlists: NonNullable<ReturnType<typeof useProjectPlaylists>['data']>
  makes: boolean
}) {
  const { t } = useTranslation()
  const members = useMembers(props.projectId).data
  if (props.playlists.length === 0)
    return (
      <Text c="dimmed" data-testid="playlist-empty">
        {props.makes ? t('playlists.section.empty') : t('playlists.section.emptyShared')}
      </Text>
    )
  return (
    <PlaylistList
      playlists={props.playlists}
      memberName={(userId) => members?.find((m) => m.userId === userId)?.displayName ?? null}
    />
  )
}
