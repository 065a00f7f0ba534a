// The derive dialog's fields: prompts (refine and guide), denoise, variations and seed, and the
// template's own parameters pre-filled from the version. Upscale and interpolate keep the
// picture's content, so they show only the parameters.
import type { WorkflowTemplate } from '@aipipeline/contracts'
import {
  Accordion,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ParameterField } from '../farm/parameter-field'
import { type DeriveDraft, editableParameters, type SeedChoice } from './derive-draft'
import { modeTakesDenoise, modeTakesPrompt } from './derive-modes'

export function DeriveFields(props: {
  draft: DeriveDraft
  template: WorkflowTemplate | null
  /** The source version's seed, offered as "keep". */
  seed: number | null
  onChange(update: (d: DeriveDraft) => DeriveDraft): void
}) {
  const { t } = useTranslation()
  const { draft, onChange } = props
  const parameters = editableParameters(props.template)
  return (
    <Stack gap="sm">
      {modeTakesPrompt(draft.mode) && (
        <>
          <Textarea
            label={t('refine.dialog.prompt')}
            description={t('refine.dialog.promptHint')}
            autosize
            minRows={2}
            maxRows={6}
            value={draft.prompt}
            onChange={(e) => {
              const prompt = e.currentTarget.value
              onChange((d) => ({ ...d, prompt }))
            }}
            data-testid="derive-prompt"
          />
          <Textarea
            label={t('refine.dialog.negative')}
            autosize
            minRows={1}
            maxRows={4}
            value={draft.negative}
            onChange={(e) => {
              const negative = e.currentTarget.value
              onChange((d) => ({ ...d, negative }))
            }}
            data-testid="derive-negative"
          />
        </>
      )}
      <Group grow align="flex-start">
        {modeTakesDenoise(draft.mode) && (
          <div>
            <Text size="sm" fw={500}>
              {t('refine.dialog.denoise')}: {draft.denoise.toFixed(2)}
            </Text>
            <Text size="xs" c="dimmed" mb={8}>
              {t('refine.dialog.denoiseHint')}
            </Text>
            <Slider
              min={0}
              max={1}
              step={0.01}
              value={draft.denoise}
              onChange={(denoise) => onChange((d) => ({ ...d, denoise }))}
              aria-label={t('refine.dialog.denoise')}
              data-testid="derive-denoise"
            />
          </div>
        )}
        {modeTakesPrompt(draft.mode) && (
          <NumberInput
            label={t('refine.dialog.variations')}
            min={1}
            max={8}
            value={draft.variations}
            onChange={(v) =>
              onChange((d) => ({ ...d, variations: typeof v === 'number' ? Math.min(8, Math.max(1, v)) : 1 }))
            }
            data-testid="derive-variations"
          />
        )}
      </Group>
      {modeTakesPrompt(draft.mode) && (
        <SeedPicker seed={draft.seed} sourceSeed={props.seed} onChange={(seed) => onChange((d) => ({ ...d, seed }))} />
      )}
      {parameters.length > 0 && (
        <Accordion variant="contained" defaultValue={modeTakesPrompt(draft.mode) ? null : 'parameters'}>
          <Accordion.Item value="parameters">
            <Accordion.Control>
              <Text size="sm">{t('refine.dialog.parameters')}</Text>
              <Text size="xs" c="dimmed">
                {t('refine.dialog.parametersHint')}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" data-testid="derive-parameters">
                {parameters.map((p) => (
                  <ParameterField
                    key={p.name}
                    parameter={p}
                    value={draft.parameters[p.name] ?? ''}
                    error={null}
                    onChange={(value) => onChange((d) => ({ ...d, parameters: { ...d.parameters, [p.name]: value } }))}
                  />
                ))}
              </SimpleGrid>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  )
}

function SeedPicker(props: { seed: SeedChoice; sourceSeed: number | null; onChange(seed: SeedChoice): void }) {
  const { t } = useTranslation()
  const { seed } = props
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t('refine.dialog.seed')}
      </Text>
      <Group gap="xs">
        <SegmentedControl
          value={seed.kind}
          onChange={(kind) =>
            props.onChange(
              kind === 'keep'
                ? { kind }
                : kind === 'number'
                  ? { kind, value: props.sourceSeed ?? 0 }
                  : { kind: 'random' },
            )
          }
          data={[
            { value: 'random', label: t('refine.dialog.seedRandom') },
            {
              value: 'keep',
              label:
                props.sourceSeed === null
                  ? t('refine.dialog.seedKeep')
                  : t('refine.dialog.seedKeepValue', { seed: props.sourceSeed }),
            },
            { value: 'number', label: t('refine.dialog.seedNumber') },
          ]}
          data-testid="derive-seed"
        />
        {seed.kind === 'number' && (
          <NumberInput
            aria-label={t('refine.dialog.seedValue')}
            min={0}
            allowDecimal={false}
            value={seed.value}
            onChange={(v) =>
              props.onChange({ kind: 'number', value: typeof v === 'number' ? Math.max(0, Math.trunc(v)) : 0 })
            }
            w={180}
          />
        )}
      </Group>
    </div>
  )
}
