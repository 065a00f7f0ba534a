// Lineage of a version: the versions it was made from (source image, mask, control image),
// as the version detail lists them for the caller. Nothing shows for a version made from none.
import { productionRoutes } from '@aipipeline/contracts'
import { Badge, Group, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'

type InputRole = 'image' | 'mask' | 'control'
const roleOf = (role: string): InputRole => (role === 'mask' || role === 'control' ? role : 'image')

/** "Made from" with one badge per parent version; `taskName` labels each by its task type. */
export function VersionLineage({ versionId, taskName }: { versionId: string; taskName: (taskId: string) => string }) {
  const { t } = useTranslation()
  const api = useApi()
  const detail = useQuery({
    queryKey: ['version', versionId],
    queryFn: () => api.call(productionRoutes.getVersion, { params: { versionId } }),
  })
  const inputs = detail.data?.inputs ?? []
  if (inputs.length === 0) return null
  return (
    <Group gap="xs" data-testid="version-lineage">
      <Text size="xs" c="dimmed">
        {t('projects.versions.madeFrom')}
      </Text>
      {inputs.map((input) => (
        <Badge key={`${input.versionId}-${input.parameter}`} variant="outline" color="grape">
          {`${taskName(input.taskId)} v${String(input.number).padStart(3, '0')} · ${t(`projects.versions.inputRole.${roleOf(input.role)}`)}`}
        </Badge>
      ))}
    </Group>
  )
}
