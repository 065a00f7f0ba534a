// The Sweep tab: pick template parameters (seed, cfg, steps, LoRA strength…) and list values;
// every combination renders for each shot and variation.
import type { WorkflowParameter } from '@aipipeline/contracts'
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { parseSweepValues } from './render-plan'

export interface SweepAxisDraft {
  name: string
  text: string
}

const SWEEPABLE: WorkflowParameter['type'][] = ['int', 'float', 'seed', 'string', 'boolean']

// What people sweep first: seeds and sampler settings; the values a shot fills in come last.
const FIRST: (string | undefined)[] = ['seed', 'cfg', 'steps', 'loraStrength', 'denoise', 'upscaleFactor']
const LAST: (string | undefined)[] = ['width', 'height', 'frames', 'fps', 'mask', 'controlImage']

function sweepRank(p: WorkflowParameter): number {
  const first = FIRST.indexOf(p.role)
  if (first >= 0) return first
  return LAST.includes(p.role) ? 100 : 50
}

/** Axes typed from their text; `bad` names the first value that does not fit its parameter. */
export function sweepOf(
  axes: readonly SweepAxisDraft[],
  parameters: readonly WorkflowParameter[],
): { sweep: Record<string, (string | number | boolean)[]>; bad: { name: string; value: string } | null } {
  const sweep: Record<string, (string | number | boolean)[]> = {}
  for (const axis of axes) {
    const p = parameters.find((x) => x.name === axis.name)
    if (p === undefined) continue
    const parsed = parseSweepValues(axis.text, p.type)
    if (!parsed.ok) return { sweep, bad: { name: axis.name, value: parsed.bad } }
    if (parsed.values.length > 0) sweep[axis.name] = parsed.values
  }
  return { sweep, bad: null }
}

export function SweepEditor({
  parameters,
  axes,
  onChange,
}: {
  parameters: readonly WorkflowParameter[]
  axes: readonly SweepAxisDraft[]
  onChange(axes: SweepAxisDraft[]): void
}) {
  const { t } = useTranslation()
  // Prompts are the shots' own; sweeping them would replace every shot's prompt.
  const candidates = parameters
    .filter((p) => SWEEPABLE.includes(p.type) && p.role !== 'prompt' && p.role !== 'negative' && p.role !== 'image')
    .sort((a, b) => sweepRank(a) - sweepRank(b))
  const unused = candidates.filter((p) => !axes.some((a) => a.name === p.name))
  if (candidates.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('render.sweep.nothingToSweep')}
      </Text>
    )
  }
  const set = (i: number, patch: Partial<SweepAxisDraft>) =>
    onChange(axes.map((a, j) => (j === i ? { ...a, ...patch } : a)))
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('render.sweep.hint')}
      </Text>
      {axes.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="sweep-empty">
          {t('render.sweep.empty')}
        </Text>
      )}
      {axes.map((axis, i) => {
        const p = candidates.find((c) => c.name === axis.name)
        const parsed = p ? parseSweepValues(axis.text, p.type) : null
        return (
          <Group key={axis.name} align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label={t('render.sweep.parameter')}
              data={[axis, ...unused].map((c) => ({ value: c.name, label: labelOf(candidates, c.name) }))}
              value={axis.name}
              onChange={(name) => name && set(i, { name })}
              allowDeselect={false}
              w={200}
            />
            <TextInput
              label={t('render.sweep.values')}
              placeholder={t('render.sweep.valuesPlaceholder')}
              value={axis.text}
              onChange={(e) => set(i, { text: e.currentTarget.value })}
              error={
                parsed && !parsed.ok ? t('render.sweep.badValue', { value: parsed.bad, type: p?.type ?? '' }) : null
              }
              style={{ flex: 1 }}
              data-testid={`sweep-values-${axis.name}`}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mb={4}
              aria-label={t('render.sweep.remove')}
              onClick={() => onChange(axes.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        )
      })}
      {unused.length > 0 && (
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              const next = unused[0]
              if (next) onChange([...axes, { name: next.name, text: '' }])
            }}
          >
            {t('render.sweep.add')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}

function labelOf(parameters: readonly WorkflowParameter[], name: string): string {
  const p = parameters.find((x) => x.name === name)
  return p?.label ? `${p.label} (${name})` : name
}
