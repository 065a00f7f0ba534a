import type { BackendTestResult } from '@aipipeline/contracts'
import { Alert, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { testFailureKey } from './backend-form'

/** What a connection test found: node classes, models per folder and GPUs, or why it failed. */
export function ConnectionTestResult({ result }: { result: BackendTestResult }) {
  const { t } = useTranslation()
  if (!result.ok) {
    return (
      <Alert color="red" variant="light" title={t(testFailureKey(result.failure))} data-testid="test-result">
        <Text size="xs" c="dimmed">
          {t('farmSetup.test.detail', { detail: result.detail })}
        </Text>
      </Alert>
    )
  }
  const folders = Object.entries(result.models)
  return (
    <Alert color="teal" variant="light" title={t('farmSetup.test.ok')} data-testid="test-result">
      <Stack gap={6}>
        <Text size="sm" data-testid="test-node-classes">
          {t('farmSetup.test.nodeClasses', { count: result.nodeClassCount })}
          {result.comfyVersion && ` · ${t('farmSetup.test.version', { version: result.comfyVersion })}`}
          {` · ${t('farmSetup.test.latency', { ms: result.latencyMs })}`}
        </Text>
        <Text size="sm" data-testid="test-gpus">
          {result.gpus.length === 0
            ? t('farmSetup.test.noGpu')
            : result.gpus.map((g) => t('farmSetup.test.gpu', { name: g.name, gb: g.vramGb })).join(', ')}
        </Text>
        {folders.length === 0 ? (
          <Text size="sm">{t('farmSetup.test.noModels')}</Text>
        ) : (
          folders.map(([folder, files]) => (
            <Text key={folder} size="xs" lineClamp={2}>
              <Text span fw={600} size="xs">
                {t('farmSetup.test.folder', { folder, count: files.length })}
              </Text>{' '}
              {files.join(', ')}
            </Text>
          ))
        )}
      </Stack>
    </Alert>
  )
}
