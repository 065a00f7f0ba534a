import type { AnalysisDiffItem } from '@aipipeline/contracts'
import { Badge, Checkbox, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isChoosable } from './review-selection'

interface ShotLine {
  seconds: string
}

const ACTION_COLOR = { create: 'teal', update: 'yellow', unchanged: 'gray' } as const

/** One proposed item: checkbox, new / changed / exists, and what the analysis says about it. */
export function ReviewItem({
  item,
  checked,
  onToggle,
  indent = false,
}: {
  item: AnalysisDiffItem
  checked: boolean
  onToggle: (checked: boolean) => void
  indent?: boolean
}) {
  const { t } = useTranslation()
  const detail = describe(item, (values) => t('agents.import.review.shotLine', { ...values }))
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      pl={indent ? 28 : 0}
      data-testid="review-item"
      data-key={item.key}
      data-action={item.action}
    >
      <Checkbox
        mt={2}
        aria-label={item.label}
        checked={checked}
        disabled={!isChoosable(item)}
        onChange={(e) => onToggle(e.currentTarget.checked)}
      />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap={6}>
          <Text size="sm" fw={item.kind === 'sequence' ? 600 : 400}>
            {item.label}
          </Text>
          <Badge size="xs" variant="light" color={ACTION_COLOR[item.action]}>
            {t(`agents.import.review.${item.action}`)}
          </Badge>
        </Group>
        {detail && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {detail}
          </Text>
        )}
        {item.action === 'update' && item.changes.length > 0 && (
          <Text size="xs" c="yellow.8">
            {t('agents.import.review.changes', { fields: item.changes.join(', ') })}
          </Text>
        )}
      </Stack>
    </Group>
  )
}

/** A line from the proposal: a shot's duration and description, a character's or location's description. */
function describe(item: AnalysisDiffItem, shotLine: (values: ShotLine) => string): string {
  const p = item.proposed
  const text = (key: string) => (typeof p[key] === 'string' ? String(p[key]) : '')
  if (item.kind === 'shot') {
    // Size, angle and movement are in the label already; the detail adds time and picture.
    const line = shotLine({ seconds: typeof p.durationSeconds === 'number' ? String(p.durationSeconds) : '?' })
    return [line, text('description')].filter(Boolean).join(' — ')
  }
  return text('description') || text('summary')
}
