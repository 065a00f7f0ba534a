// Choosing a preset (filtered by kind and decade, searchable), what it is, and what it locks;
// with the production type and the two years that the period rules check.
import { Badge, Button, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { choosePreset, setYear } from './config-edit'
import { usePanel } from './cpe-panel-context'
import { fieldLabel } from './field-label'
import { LockIcon } from './lock-icon'
import { OptionSelect } from './option-select'
import { type PresetKindFilter, presetCandidates, presetDecades } from './preset-filter'
import { YearInput } from './year-input'

const KIND_FILTERS: readonly PresetKindFilter[] = ['all', 'live-action', 'animation']

export function PresetSection() {
  const { t } = useTranslation()
  const { analysis, catalog, edit } = usePanel()
  const [kind, setKind] = useState<PresetKindFilter>('all')
  const [decade, setDecade] = useState<number | null>(null)
  const presets = catalog.records.presets
  const candidates = presetCandidates(
    presets,
    { kind, decade },
    { animation: t('promptEngine.kind.animation'), decade: (d) => t('promptEngine.preset.decadeLabel', { decade: d }) },
  )
  const { config, preset, locks } = analysis

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('promptEngine.preset.kindFilter')}
          value={kind}
          onChange={(v) => setKind(KIND_FILTERS.find((k) => k === v) ?? 'all')}
          data={[
            { value: 'all', label: t('promptEngine.preset.kindAll') },
            { value: 'live-action', label: t('promptEngine.kind.live-action') },
            { value: 'animation', label: t('promptEngine.kind.animation') },
          ]}
        />
        <Select
          aria-label={t('promptEngine.preset.decade')}
          placeholder={t('promptEngine.preset.decadeAll')}
          w={160}
          clearable
          disabled={kind === 'animation'}
          value={decade === null ? null : String(decade)}
          onChange={(v) => setDecade(v === null ? null : Number(v))}
          data={presetDecades(presets).map((d) => ({
            value: String(d),
            label: t('promptEngine.preset.decadeLabel', { decade: d }),
          }))}
        />
      </Group>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Stack gap={0} style={{ flex: 1 }}>
          <OptionSelect
            field="presetId"
            candidates={candidates}
            value={config.presetId}
            onChange={(id) => edit((c) => choosePreset(c, id, catalog))}
          />
        </Stack>
        {config.presetId !== undefined && (
          <Button variant="default" onClick={() => edit((c) => choosePreset(c, undefined, catalog))}>
            {t('promptEngine.preset.clear')}
          </Button>
        )}
      </Group>
      {preset !== undefined && (
        <Stack gap={6} data-testid="preset-summary">
          {preset.kind === 'live-action' && (
            <Text size="sm" c="dimmed">
              {t('promptEngine.preset.by', { director: preset.director, cinematographer: preset.cinematographer })}
            </Text>
          )}
          <Text size="sm">{preset.palette.join(' · ')}</Text>
          <Group gap={6}>
            <Badge variant="outline" color="gray" size="sm">
              {t(`promptEngine.preset.confidence.${preset.confidence}`)}
            </Badge>
            {locks.size === 0 ? (
              <Text size="xs" c="dimmed">
                {t('promptEngine.preset.noLocks')}
              </Text>
            ) : (
              <>
                <Text size="xs" c="dimmed">
                  {t('promptEngine.preset.locks')}:
                </Text>
                {[...locks].map((field) => (
                  <Badge key={field} size="sm" variant="light" color="grape" leftSection={<LockIcon size={10} />}>
                    {fieldLabel(t, field)}
                  </Badge>
                ))}
              </>
            )}
          </Group>
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Input.Wrapper label={t('promptEngine.fields.kind')} description={t('promptEngine.hints.kind')}>
          <SegmentedControl
            fullWidth
            aria-label={t('promptEngine.fields.kind')}
            disabled={locks.has('kind')}
            value={config.kind}
            onChange={(v) => edit((c) => ({ ...c, kind: v === 'animation' ? 'animation' : 'live-action' }))}
            data={[
              { value: 'live-action', label: t('promptEngine.kind.live-action') },
              { value: 'animation', label: t('promptEngine.kind.animation') },
            ]}
          />
        </Input.Wrapper>
        <YearInput
          label={t('promptEngine.fields.productionYear')}
          description={t('promptEngine.hints.productionYear')}
          locked={locks.has('productionYear')}
          value={config.productionYear}
          onChange={(year) => edit((c) => setYear(c, 'productionYear', year))}
        />
        <YearInput
          label={t('promptEngine.fields.storyYear')}
          description={t('promptEngine.hints.storyYear')}
          locked={locks.has('storyYear')}
          value={config.storyYear}
          onChange={(year) => edit((c) => setYear(c, 'storyYear', year))}
        />
      </SimpleGrid>
    </Stack>
  )
}
