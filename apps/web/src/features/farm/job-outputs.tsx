import { farmOutputFilePath, type RenderJobDetail } from '@aipipeline/contracts'
import { Button, Card, Image, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { downloadAuthed, useAuthedFileUrl } from '../../api/authed-file'
import { VersionLink } from './job-versions'

type Output = RenderJobDetail['outputs'][number]

/** The job's output files with their thumbnails and a download button each. */
export function JobOutputs({ jobId, outputs }: { jobId: string; outputs: Output[] }) {
  const { t } = useTranslation()
  if (outputs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('farm.detail.noOutputs')}
      </Text>
    )
  }
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
      {outputs.map((o) => (
        <OutputCard key={o.id} jobId={jobId} output={o} />
      ))}
    </SimpleGrid>
  )
}

function OutputCard({ jobId, output }: { jobId: string; output: Output }) {
  const { t } = useTranslation()
  const api = useApi()
  const thumb = useAuthedFileUrl(output.thumbnailPath ? farmOutputFilePath(jobId, output.id, 'thumbnail') : null)
  return (
    <Card withBorder padding="xs">
      <Card.Section>
        {thumb ? (
          <Image src={thumb} h={160} fit="contain" alt={output.filename} data-testid="output-thumbnail" />
        ) : (
          <div style={{ height: 160, background: 'var(--mantine-color-default-hover)' }} />
        )}
      </Card.Section>
      <Stack gap={4} mt="xs">
        <Text size="xs" truncate title={output.filename}>
          {output.filename}
        </Text>
        <Text size="xs" c="dimmed">
          {t('farm.detail.bytes', { size: (output.bytes / 1024).toFixed(1) })}
        </Text>
        {output.versionId && <VersionLink versionId={output.versionId} />}
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => void downloadAuthed(api, farmOutputFilePath(jobId, output.id, 'file'), output.filename)}
        >
          {t('farm.detail.download')}
        </Button>
      </Stack>
    </Card>
  )
}
