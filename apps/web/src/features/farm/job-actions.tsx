import type { RenderJob } from '@aipipeline/contracts'
import { canSteerRenderJob } from '@aipipeline/domain'
import { Button, Group, NumberInput, Popover, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../api/api-context'
import { useJobActions } from './farm-queries'

const CANCELABLE = new Set<RenderJob['state']>(['queued', 'assigned', 'running', 'unschedulable'])
const RETRYABLE = new Set<RenderJob['state']>(['failed', 'canceled', 'unschedulable'])
const REPRIORITISABLE = new Set<RenderJob['state']>(['queued', 'assigned', 'running', 'unschedulable'])

/**
 * Cancel, retry and change priority, each shown only where the job's state allows it, and
 * only to those who may steer the job (its submitter, managers and admins).
 */
export function JobActions({ job }: { job: RenderJob }) {
  const { t } = useTranslation()
  const { cancel, retry, priority } = useJobActions()
  const user = useSession()?.user
  const failure = cancel.error ?? retry.error ?? priority.error
  if (user === undefined || !canSteerRenderJob({ role: user.role, userId: user.id }, job)) return null
  return (
    <Stack gap={4} align="flex-end">
      <Group gap={6} wrap="nowrap" justify="flex-end">
        {REPRIORITISABLE.has(job.state) && (
          <PriorityControl
            value={job.priority}
            busy={priority.isPending}
            onSet={(p) => priority.mutate({ id: job.id, priority: p })}
          />
        )}
        {RETRYABLE.has(job.state) && (
          <Button size="compact-xs" variant="light" loading={retry.isPending} onClick={() => retry.mutate(job.id)}>
            {t('farm.queue.retry')}
          </Button>
        )}
        {CANCELABLE.has(job.state) && (
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate(job.id)}
          >
            {t('farm.queue.cancel')}
          </Button>
        )}
      </Group>
      {failure && (
        <Text size="xs" c="red" role="alert">
          {t('farm.queue.actionFailed', { message: failure.message })}
        </Text>
      )}
    </Stack>
  )
}

function PriorityControl({ value, busy, onSet }: { value: number; busy: boolean; onSet: (p: number) => void }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const [draft, setDraft] = useState<number | string>(value)
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => {
            setDraft(value)
            setOpened((o) => !o)
          }}
        >
          {t('farm.queue.changePriority')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Group gap="xs" align="flex-end">
          <NumberInput
            label={t('farm.queue.priority')}
            min={0}
            max={100}
            clampBehavior="strict"
            allowDecimal={false}
            value={draft}
            onChange={setDraft}
            w={110}
            size="xs"
          />
          <Button
            size="xs"
            loading={busy}
            onClick={() => {
              if (typeof draft === 'number') onSet(draft)
              setOpened(false)
            }}
          >
            {t('farm.queue.setPriority')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  )
}
