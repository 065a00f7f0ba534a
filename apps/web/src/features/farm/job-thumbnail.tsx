import { farmOutputFilePath } from '@aipipeline/contracts'
import { Box, Image, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useAuthedFileUrl } from '../../api/authed-file'
import { useJob } from './farm-queries'

const SIZE = 48

/** A small square: the live preview while running, the first output's thumbnail when done. */
export function JobThumbnail({ jobId, preview, done }: { jobId: string; preview: string | null; done: boolean }) {
  const { t } = useTranslation()
  if (preview) return <Image src={preview} w={SIZE} h={SIZE} radius="sm" fit="cover" alt={t('farm.queue.preview')} />
  if (done) return <OutputThumbnail jobId={jobId} />
  return <Placeholder label={t('farm.queue.noPreview')} />
}

function OutputThumbnail({ jobId }: { jobId: string }) {
  const { t } = useTranslation()
  const job = useJob(jobId)
  const output = job.data?.outputs.find((o) => o.thumbnailPath !== null)
  const url = useAuthedFileUrl(output ? farmOutputFilePath(jobId, output.id, 'thumbnail') : null)
  if (!url) return <Placeholder label={t('farm.queue.noPreview')} />
  return (
    <Image
      src={url}
      w={SIZE}
      h={SIZE}
      radius="sm"
      fit="cover"
      alt={output?.filename ?? ''}
      data-testid="output-thumbnail"
    />
  )
}

function Placeholder({ label }: { label: string }) {
  return (
    <Box
      w={SIZE}
      h={SIZE}
      bg="var(--mantine-color-default-hover)"
      style={{ borderRadius: 'var(--mantine-radius-sm)', display: 'grid', placeItems: 'center' }}
      title={label}
    >
      <Text size="xs" c="dimmed" aria-hidden>
        —
      </Text>
    </Box>
  )
}
