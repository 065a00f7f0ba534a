// One shot: versions gallery, comment thread with the comment box, tasks, activity, and
// the Prompt Engine panel bound to the shot's CPE settings.
import { productionRoutes } from '@aipipeline/contracts'
import type { CpeConfig } from '@aipipeline/cpe'
import { Accordion, Badge, Grid, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { apiErrorText } from '../../../api/error-text'
import { RenderButton } from '../../farm/render/render-button'
import { PromptEnginePanel } from '../../prompt-engine/prompt-engine-panel'
import { VersionHistory } from '../../refine/version-history'
import { ShotBreakdownLinks } from '../breakdown/shot-breakdown-links'
import { projectKeys, useBreakdown, useProject, useShot } from '../project-queries'
import { CommentComposer } from './comment-composer'
import { ActivityFeed, CommentThread, TaskList } from './shot-sections'
import { VersionActions } from './version-actions'
import { versionLabel } from './version-files'
import { VersionsGallery } from './versions-gallery'

const Settings = z.record(z.string(), z.unknown())
const SAVE_DELAY_MS = 600

/** Saves CPE settings a moment after the last change, so a dragged slider is one request. */
function useCpeSettings(shotId: string, stored: Record<string, unknown> | null) {
  const api = useApi()
  const queryClient = useQueryClient()
  const [value, setValue] = useState<unknown>(stored)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const onChange = useCallback(
    (next: CpeConfig) => {
      setValue(next)
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        api
          .call(productionRoutes.updateShot, { params: { shotId }, body: { cpeSettings: Settings.parse(next) } })
          .then((shot) => queryClient.setQueryData(projectKeys.shot(shotId), shot))
          .catch(() => void queryClient.invalidateQueries({ queryKey: projectKeys.shot(shotId) }))
      }, SAVE_DELAY_MS)
    },
    [api, queryClient, shotId],
  )
  return { value, onChange }
}

/** The shot page. */
export function ShotPage(props: {
  projectId: string
  shotId: string
  /** The version to show (from the URL); the newest when null or not on this shot. */
  versionId: string | null
  onSelectVersion: (versionId: string) => void
}) {
  const { projectId, shotId } = props
  const { t } = useTranslation()
  const api = useApi()
  const project = useProject(projectId).data
  const shot = useShot(shotId)
  const sequences = useBreakdown(projectId).data?.sequences ?? []
  const taskQueries = useQueries({
    queries: (shot.data?.tasks ?? []).map((task) => ({
      queryKey: projectKeys.task(task.id),
      queryFn: () => api.call(productionRoutes.getTask, { params: { taskId: task.id } }),
    })),
  })
  const tasks = taskQueries.flatMap((q) => (q.data ? [q.data] : []))
  const comments = useMemo(
    () => tasks.flatMap((task) => task.comments).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
    [tasks],
  )
  const versions = useMemo(
    () => tasks.flatMap((task) => task.versions).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
    [tasks],
  )

  if (shot.isError) {
    // A vendor sees only the shots shared with them; other links end here, in their language.
    const missing = shot.error instanceof ApiError && shot.error.status === 404
    return <Text c="red">{missing ? t('projects.shot.notFound') : apiErrorText(shot.error, t)}</Text>
  }
  if (!project || !shot.data) return <Loader aria-label={t('app.loading')} />
  const s = shot.data
  const taskName = (taskId: string) => {
    const typeId = s.tasks.find((task) => task.id === taskId)?.taskTypeId
    return project.taskTypes.find((tt) => tt.id === typeId)?.name ?? ''
  }
  const sequence = sequences.find((q) => q.id === s.sequenceId)

  return (
    <Stack gap="md">
      <Group gap="sm" align="baseline">
        <Title order={3}>
          {sequence?.code} {s.code}
        </Title>
        <Text c="dimmed">{s.description}</Text>
        {s.frameIn !== null && s.frameOut !== null && (
          <Badge variant="light" color="gray">
            {t('projects.shot.frames', { in: s.frameIn, out: s.frameOut, duration: s.duration ?? 0 })}
          </Badge>
        )}
        <Group ml="auto">
          <RenderButton project={project} shots={[{ id: s.id, code: s.code, tasks: s.tasks }]} />
        </Group>
      </Group>
      <ShotBreakdownLinks project={project} shotId={shotId} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <VersionsGallery
            project={project}
            versions={versions}
            taskName={taskName}
            selectedId={props.versionId}
            onSelect={props.onSelectVersion}
            actions={(v) => (
              <VersionActions
                project={project}
                version={v}
                versions={versions}
                tasks={s.tasks}
                label={(x) => versionLabel(x, taskName(x.taskId))}
              />
            )}
          />
          <VersionHistory
            shotId={shotId}
            versions={versions}
            label={(v) => versionLabel(v, taskName(v.taskId))}
            selectedId={props.versionId}
            onSelect={props.onSelectVersion}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Tabs defaultValue="comments">
            <Tabs.List mb="sm">
              <Tabs.Tab value="comments">{t('projects.shot.comments', { count: comments.length })}</Tabs.Tab>
              <Tabs.Tab value="tasks">{t('projects.shot.tasks')}</Tabs.Tab>
              <Tabs.Tab value="activity">{t('projects.shot.activity')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="comments">
              <Stack gap="sm">
                <CommentComposer project={project} shotId={shotId} tasks={s.tasks} />
                <CommentThread project={project} comments={comments} taskName={taskName} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="tasks">
              <TaskList project={project} tasks={tasks} />
            </Tabs.Panel>
            <Tabs.Panel value="activity">
              <ActivityFeed project={project} shot={s} comments={comments} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
      <Accordion variant="separated">
        <Accordion.Item value="cpe">
          <Accordion.Control>{t('projects.shot.promptEngine')}</Accordion.Control>
          <Accordion.Panel>
            <ShotPromptEngine shotId={shotId} stored={s.cpeSettings} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  )
}

function ShotPromptEngine({ shotId, stored }: { shotId: string; stored: Record<string, unknown> | null }) {
  const cpe = useCpeSettings(shotId, stored)
  return <PromptEnginePanel value={cpe.value} onChange={cpe.onChange} />
}
