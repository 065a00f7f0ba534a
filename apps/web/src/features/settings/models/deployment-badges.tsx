import type { LlmDeployment } from '@aipipeline/contracts'
import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type DeploymentForm, keyStatus } from './deployment-form'
import { formatPricePerMillion } from './money'

/** "set · …abcd" or "not set"; the key itself never reaches the browser. */
export function KeyStatusBadge({ deployment }: { deployment: Pick<LlmDeployment, 'hasKey' | 'keyHint'> }) {
  const { t } = useTranslation()
  const status = keyStatus(deployment)
  return (
    <Badge variant="light" color={status.set ? 'teal' : 'gray'} data-testid="key-status" tt="none">
      {status.set ? t('settings.models.key.set', { hint: status.hint ?? '' }) : t('settings.models.key.notSet')}
    </Badge>
  )
}

export function LocalityBadge({ locality }: { locality: LlmDeployment['locality'] }) {
  const { t } = useTranslation()
  return (
    <Badge variant="outline" color={locality === 'local' ? 'grape' : 'blue'}>
      {t(`settings.models.locality.${locality}`)}
    </Badge>
  )
}

const HEALTH_COLOR = { closed: 'teal', 'half-open': 'yellow', open: 'red' } as const

/** Circuit breaker state as the router sees it. */
export function HealthBadge({ health }: { health: LlmDeployment['health'] }) {
  const { t } = useTranslation()
  return (
    <Badge variant="dot" color={HEALTH_COLOR[health]} tt="none">
      {t(`settings.models.health.${health}`)}
    </Badge>
  )
}

export function CapabilityBadges({ capabilities }: { capabilities: DeploymentForm['capabilities'] }) {
  const { t } = useTranslation()
  const on = (['structuredOutput', 'vision', 'embeddings'] as const).filter((c) => capabilities[c])
  if (on.length === 0) return <Text size="xs">—</Text>
  return (
    <Group gap={4}>
      {on.map((c) => (
        <Badge key={c} size="xs" variant="light" color="gray" tt="none">
          {t(`settings.models.capability.${c}`)}
        </Badge>
      ))}
    </Group>
  )
}

/** Input / output price per million tokens and where the router gets it from. */
export function PriceCell({ deployment }: { deployment: LlmDeployment }) {
  const { t, i18n } = useTranslation()
  const p = deployment.prices
  return (
    <div>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {p
          ? `${formatPricePerMillion(p.inputMicrosPerMillion, i18n.language)} / ${formatPricePerMillion(p.outputMicrosPerMillion, i18n.language)}`
          : '—'}
      </Text>
      <Text size="xs" c={deployment.priceSource === 'missing' ? 'red' : 'dimmed'}>
        {t(`settings.models.priceSource.${deployment.priceSource}`)}
      </Text>
    </div>
  )
}
