import type { AnalysisDiffItem, ApplyAnalysisResult, DiffItemKind } from '@aipipeline/contracts'
import { Alert, Button, Card, Checkbox, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnalysisReview, useApplyAnalysis } from '../agent-queries'
import { ReviewItem } from './review-item'
import {
  countChosen,
  initialSelection,
  isChoosable,
  type Selection,
  scenesOf,
  toggle,
  toggleKind,
} from './review-selection'

/** The analysis as a diff against the project; the user picks what to create. */
export function ReviewStep({ runId, onApplied }: { runId: string; onApplied: (result: ApplyAnalysisResult) => void }) {
  const { t } = useTranslation()
  const review = useAnalysisReview(runId)
  const apply = useApplyAnalysis(runId)
  const items = review.data?.items ?? []
  const [selection, setSelection] = useState<Selection | null>(null)
  // The first selection comes from the data once it arrives.
  const chosen = useMemo(() => selection ?? initialSelection(items), [selection, items])
  const counts = countChosen(chosen, items)
  const total = counts.sequence + counts.shot + counts.character + counts.asset
  const set = (key: string, on: boolean) => setSelection(toggle(chosen, items, key, on))

  if (review.isPending) return <Loader size="sm" aria-label={t('app.loading')} />
  if (review.isError)
    return (
      <Alert color="red" variant="light">
        {t('agents.loadFailed', { message: review.error.message })}
      </Alert>
    )
  const ofKind = (kind: DiffItemKind) => items.filter((i) => i.kind === kind)
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('agents.import.review.intro')}
      </Text>
      <Section
        title={t('agents.import.review.scenes')}
        kinds={['sequence', 'shot']}
        items={items}
        chosen={chosen}
        onAll={(on) => setSelection(toggleKind(toggleKind(chosen, items, 'sequence', on), items, 'shot', on))}
      >
        {scenesOf(items).map((group) => (
          <Stack key={group.sequence?.key ?? 'orphans'} gap={4}>
            {group.sequence && (
              <ReviewItem
                item={group.sequence}
                checked={chosen.has(group.sequence.key)}
                onToggle={(on) => group.sequence && set(group.sequence.key, on)}
              />
            )}
            {group.shots.map((shot) => (
              <ReviewItem
                key={shot.key}
                item={shot}
                indent
                checked={chosen.has(shot.key)}
                onToggle={(on) => set(shot.key, on)}
              />
            ))}
          </Stack>
        ))}
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section
          title={t('agents.import.review.characters')}
          kinds={['character']}
          items={items}
          chosen={chosen}
          onAll={(on) => setSelection(toggleKind(chosen, items, 'character', on))}
        >
          {ofKind('character').map((i) => (
            <ReviewItem key={i.key} item={i} checked={chosen.has(i.key)} onToggle={(on) => set(i.key, on)} />
          ))}
        </Section>
        <Section
          title={t('agents.import.review.assets')}
          kinds={['asset']}
          items={items}
          chosen={chosen}
          onAll={(on) => setSelection(toggleKind(chosen, items, 'asset', on))}
        >
          {ofKind('asset').map((i) => (
            <ReviewItem key={i.key} item={i} checked={chosen.has(i.key)} onToggle={(on) => set(i.key, on)} />
          ))}
        </Section>
      </SimpleGrid>
      {apply.error && (
        <Alert color="red" variant="light">
          {apply.error.message}
        </Alert>
      )}
      <Group>
        <Button
          disabled={total === 0}
          loading={apply.isPending}
          onClick={() => apply.mutate([...chosen], { onSuccess: onApplied })}
        >
          {total === 0 ? t('agents.import.review.nothing') : t('agents.import.review.apply', { count: total })}
        </Button>
      </Group>
    </Stack>
  )
}

function Section(props: {
  title: string
  kinds: DiffItemKind[]
  items: AnalysisDiffItem[]
  chosen: Selection
  onAll: (on: boolean) => void
  children: React.ReactNode
}) {
  const { t } = useTranslation()
  const choosable = props.items.filter((i) => props.kinds.includes(i.kind) && isChoosable(i))
  const on = choosable.filter((i) => props.chosen.has(i.key)).length
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h5">
          {props.title}
        </Title>
        <Checkbox
          size="xs"
          label={t('agents.import.review.all')}
          disabled={choosable.length === 0}
          checked={choosable.length > 0 && on === choosable.length}
          indeterminate={on > 0 && on < choosable.length}
          onChange={(e) => props.onAll(e.currentTarget.checked)}
        />
      </Group>
      <Stack gap={6}>{props.children}</Stack>
    </Card>
  )
}
