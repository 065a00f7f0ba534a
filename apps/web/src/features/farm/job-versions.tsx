// The version a render output became, as a link to it on its shot page: "v003 · SH010 ·
// Lighting". The farm announces when a job's outputs have become versions (`farm:job-versions`),
// which re-reads the job and brings the link in without a reload.
import { Anchor, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useProject, useShot, useVersion } from '../projects/project-queries'
import { versionCode } from '../projects/shot-page/version-files'

/** The link, labelled by version number, shot code and task type once they are read. */
export function VersionLink({ versionId }: { versionId: string }) {
  const detail = useVersion(versionId)
  const known = detail.data !== undefined
  const shot = useShot(detail.data?.shotId ?? '', { enabled: known }).data
  const project = useProject(detail.data?.projectId ?? '', { enabled: known }).data
  if (!detail.data) return detail.isError ? null : <Text size="xs">…</Text>
  const { projectId, shotId, number, taskTypeId } = detail.data
  const taskType = project?.taskTypes.find((tt) => tt.id === taskTypeId)?.name
  const label = [versionCode(number), shot?.code, taskType].filter(Boolean).join(' · ')
  return (
    <Anchor
      renderRoot={(props) => (
        <Link
          {...props}
          to="/projects/$projectId/shots/$shotId"
          params={{ projectId, shotId }}
          search={{ version: versionId }}
        />
      )}
      size="xs"
      fw={600}
      data-testid="output-version"
    >
      {label}
    </Anchor>
  )
}
