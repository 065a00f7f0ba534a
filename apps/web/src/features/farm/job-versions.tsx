// The versions a render job became, as links to the shot page ("v003 · SH010 · Lighting").
// They are read from the job's task (its versions name their render job), so they show for
// any job rendered for a task. The job's own events re-read the task; a version is stored just
// after the job finishes, so a finished job without one yet looks again for a short while.
import type { RenderJobDetail } from '@aipipeline/contracts'
import { Anchor, Group, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { projectKeys, useProject, useShot, useTask, useVersion } from '../projects/project-queries'
import { versionCode } from '../projects/shot-page/version-files'

/** How long after a job finished its versions are still looked for. */
const INGEST_GRACE_MS = 60_000
const LOOK_AGAIN_MS = 2_000

/** Links to the job's versions; nothing for jobs outside a task. */
export function JobVersions({ job }: { job: RenderJobDetail }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const taskId = job.taskId
  const waiting =
    job.state === 'succeeded' && job.finishedAt !== null && Date.now() - Date.parse(job.finishedAt) < INGEST_GRACE_MS
  const task = useTask(taskId ?? '', {
    enabled: taskId !== null,
    refetchInterval: (data) =>
      waiting && !data?.versions.some((v) => v.provenance.renderJobId === job.id) ? LOOK_AGAIN_MS : false,
  })
  // Each change of the job (a farm event re-read it) may have brought its versions.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read on the job's updates only
  useEffect(() => {
    if (taskId !== null) void queryClient.invalidateQueries({ queryKey: projectKeys.task(taskId) })
  }, [job.updatedAt, job.state])

  const versions = (task.data?.versions ?? []).filter((v) => v.provenance.renderJobId === job.id)
  if (taskId === null || versions.length === 0) return null
  return (
    <Group gap="xs" mb="sm" data-testid="job-versions">
      <Text size="sm" c="dimmed">
        {t('farm.detail.versions')}
      </Text>
      {versions.map((v) => (
        <VersionLink key={v.id} versionId={v.id} number={v.number} />
      ))}
    </Group>
  )
}

function VersionLink({ versionId, number }: { versionId: string; number: number }) {
  const detail = useVersion(versionId).data
  const shot = useShot(detail?.shotId ?? '', { enabled: detail !== undefined }).data
  const project = useProject(detail?.projectId ?? '', { enabled: detail !== undefined }).data
  const taskType = project?.taskTypes.find((tt) => tt.id === detail?.taskTypeId)?.name
  const label = [versionCode(number), shot?.code, taskType].filter(Boolean).join(' · ')
  if (!detail) return <Text size="sm">{versionCode(number)}</Text>
  return (
    <Anchor
      renderRoot={(props) => (
        <Link
          {...props}
          to="/projects/$projectId/shots/$shotId"
          params={{ projectId: detail.projectId, shotId: detail.shotId }}
          search={{ version: versionId }}
        />
      )}
      size="sm"
      fw={600}
      data-testid="job-version-link"
    >
      {label}
    </Anchor>
  )
}
