import type { FarmBackend, RenderJob } from '@aipipeline/contracts'
import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const BACKEND_COLOR: Record<FarmBackend['state'], string> = {
  online: 'teal',
  degraded: 'yellow',
  offline: 'red',
  disabled: 'gray',
}

const JOB_COLOR: Record<RenderJob['state'], string> = {
  queued: 'gray',
  assigned: 'cyan',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
  canceled: 'dark',
  unschedulable: 'orange',
}

/** A backend's health state as a coloured badge. */
export function BackendStateBadge({ state }: { state: FarmBackend['state'] }) {
  const { t } = useTranslation()
  return (
    <Badge color={BACKEND_COLOR[state]} variant="light" data-testid="backend-state">
      {t(`farm.backendState.${state}`)}
    </Badge>
  )
}

/** A render job's state as a coloured badge. */
export function JobStateBadge({ state }: { state: RenderJob['state'] }) {
  const { t } = useTranslation()
  return (
    <Badge color={JOB_COLOR[state]} variant={state === 'running' ? 'filled' : 'light'} data-testid="job-state">
      {t(`farm.jobState.${state}`)}
    </Badge>
  )
}
