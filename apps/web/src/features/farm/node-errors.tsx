import type { RenderJobDetail } from '@aipipeline/contracts'
import { Alert, List, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

type JobError = NonNullable<RenderJobDetail['error']>

/** A job's error, with ComfyUI's validation messages grouped under the node they concern. */
export function JobErrorPanel({ error }: { error: JobError }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" variant="light" title={t('farm.detail.errorTitle')} data-testid="job-error">
      <Stack gap="sm">
        {/* The server's message names the backend and the HTTP answer; the type says what it means. */}
        {error.type === 'output_download_failed' && <Text size="sm">{t('farm.detail.outputDownloadFailed')}</Text>}
        <Text size="sm">{error.message}</Text>
        {error.nodeId && error.nodeErrors.length === 0 && (
          <Text size="sm" fw={600}>
            {t('farm.detail.node', { id: error.nodeId, type: error.nodeType ?? '?' })}
          </Text>
        )}
        {error.nodeErrors.map((n) => (
          <div key={n.nodeId} data-testid="node-error">
            <Text size="sm" fw={600}>
              {t('farm.detail.node', { id: n.nodeId, type: n.classType })}
            </Text>
            <List size="sm" withPadding>
              {n.messages.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </div>
        ))}
      </Stack>
    </Alert>
  )
}
