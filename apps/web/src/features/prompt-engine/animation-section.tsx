// Animation style and motion (on ones, twos, threes), shown for animation only.
import { AnimationMotion } from '@aipipeline/cpe'
import { SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { choosePreset, patchSection } from './config-edit'
import { usePanel } from './cpe-panel-context'
import { vocabularyLabel } from './field-label'
import { OptionSelect } from './option-select'

export function AnimationSection() {
  const { t } = useTranslation()
  const { analysis, catalog, edit } = usePanel()
  const { animation } = analysis.config
  const styles = catalog.records.presets.flatMap((p) =>
    p.kind === 'animation' ? [{ value: p.id, label: p.name, group: p.domain }] : [],
  )
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <OptionSelect
        field="animation.styleId"
        candidates={styles}
        value={animation.styleId}
        // A style is an animation preset: picking one applies it like any preset.
        onChange={(id) =>
          edit((c) =>
            id === undefined ? patchSection(c, 'animation', { styleId: undefined }) : choosePreset(c, id, catalog),
          )
        }
      />
      <OptionSelect
        field="animation.motion"
        candidates={AnimationMotion.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'motion', v) }))}
        value={animation.motion}
        onChange={(v) => edit((c) => patchSection(c, 'animation', { motion: AnimationMotion.optional().parse(v) }))}
      />
    </SimpleGrid>
  )
}
