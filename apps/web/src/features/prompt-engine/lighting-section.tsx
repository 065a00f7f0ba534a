// Light sources and on-screen practicals, lighting style, time of day, weather, interior.
import { LightingStyle, TimeOfDay, Weather } from '@aipipeline/cpe'
import { SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { yearSpan } from './choice-data'
import { patchSection, setLightIds } from './config-edit'
import { usePanel } from './cpe-panel-context'
import { vocabularyLabel } from './field-label'
import { OptionMultiSelect, OptionSelect } from './option-select'

export function LightingSection() {
  const { t } = useTranslation()
  const { analysis, catalog, edit } = usePanel()
  const { lighting } = analysis.config
  const lights = catalog.records.lightSources
  // The sun and the moon have no invention year worth showing.
  const sources = lights.map((l) => ({
    value: l.id,
    label: l.natural ? l.name : `${l.name} (${l.availability.from})`,
    group: l.kind,
  }))
  const practicals = lights
    .filter((l) => l.practical)
    .map((l) => ({ value: l.id, label: `${l.name} (${yearSpan(l.availability)})`, group: l.kind }))
  const interior = [
    { value: 'true', label: t('promptEngine.interior.true') },
    { value: 'false', label: t('promptEngine.interior.false') },
  ]

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <OptionMultiSelect
        field="lighting.sourceIds"
        candidates={sources}
        value={lighting.sourceIds}
        onChange={(ids) => edit((c) => setLightIds(c, 'sourceIds', ids))}
      />
      <OptionMultiSelect
        field="lighting.practicalIds"
        candidates={practicals}
        value={lighting.practicalIds}
        hint={t('promptEngine.hints.practicals')}
        onChange={(ids) => edit((c) => setLightIds(c, 'practicalIds', ids))}
      />
      <OptionSelect
        field="lighting.style"
        candidates={LightingStyle.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'lightingStyle', v) }))}
        value={lighting.style}
        onChange={(v) => edit((c) => patchSection(c, 'lighting', { style: LightingStyle.optional().parse(v) }))}
      />
      <OptionSelect
        field="lighting.timeOfDay"
        candidates={TimeOfDay.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'timeOfDay', v) }))}
        value={lighting.timeOfDay}
        onChange={(v) => edit((c) => patchSection(c, 'lighting', { timeOfDay: TimeOfDay.optional().parse(v) }))}
      />
      <OptionSelect
        field="lighting.weather"
        candidates={Weather.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'weather', v) }))}
        value={lighting.weather}
        onChange={(v) => edit((c) => patchSection(c, 'lighting', { weather: Weather.optional().parse(v) }))}
      />
      <OptionSelect
        field="lighting.interior"
        candidates={interior}
        value={lighting.interior === undefined ? undefined : String(lighting.interior)}
        onChange={(v) =>
          edit((c) => patchSection(c, 'lighting', { interior: v === undefined ? undefined : v === 'true' }))
        }
      />
    </SimpleGrid>
  )
}
