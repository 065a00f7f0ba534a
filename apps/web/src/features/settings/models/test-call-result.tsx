import type { LlmTestCallResult } from '@aipipeline/contracts'
import { Alert, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { formatMicros } from './money'

/** What the test call answered: the model's text with tokens, latency and cost, or why it failed. */
export function TestCallResult({ result }: { result: z.output<typeof LlmTestCallResult> | string }) {
  const { t, i18n } = useTranslation()
  if (typeof result === 'string') {
    return (
      <Alert color="red" variant="light" data-testid="test-result" data-ok="false">
        {t('settings.models.test.requestFailed', { message: result })}
      </Alert>
    )
  }
  const usage = result.usage
  return (
    <Alert
      color={result.ok ? 'teal' : 'red'}
      variant="light"
      data-testid="test-result"
      data-ok={String(result.ok)}
      title={
        result.ok
          ? t('settings.models.test.ok')
          : t('settings.models.test.failed', { errorClass: result.errorClass ?? '?' })
      }
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {result.ok ? result.text : result.error}
      </Text>
      {usage && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('settings.models.test.usage', {
            input: usage.inputTokens,
            output: usage.outputTokens,
            latency: usage.latencyMs,
            attempts: usage.attempts,
            cost: formatMicros(usage.costMicros, i18n.language),
          })}
        </Text>
      )}
    </Alert>
  )
}
