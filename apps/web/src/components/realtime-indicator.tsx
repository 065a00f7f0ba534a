import { ColorSwatch, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRealtimeStatus } from '../api/realtime-context'

const colour = { connected: 'teal', connecting: 'yellow', disconnected: 'red' } as const

/** A dot that shows whether live updates (socket.io) are flowing. */
export function RealtimeIndicator() {
  const { t } = useTranslation()
  const status = useRealtimeStatus()
  const label = t(`realtime.${status}`)
  return (
    <Tooltip label={label}>
      <ColorSwatch
        component="span"
        role="status"
        aria-label={label}
        data-status={status}
        size={10}
        color={`var(--mantine-color-${colour[status]}-6)`}
        withShadow={false}
      />
    </Tooltip>
  )
}
