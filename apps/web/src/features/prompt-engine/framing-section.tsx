// Shot size, angle, movement, composition, mood and colour tone.
import { CameraAngle, CameraMovement, ColourTone, Composition, Mood, ShotSize } from '@aipipeline/cpe'
import { SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { patchSection } from './config-edit'
import { usePanel } from './cpe-panel-context'
import { vocabularyLabel } from './field-label'
import { OptionSelect } from './option-select'

export function FramingSection() {
  const { t } = useTranslation()
  const { analysis, edit } = usePanel()
  const { shot, look } = analysis.config

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <OptionSelect
        field="shot.size"
        candidates={ShotSize.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'shotSize', v) }))}
        value={shot.size}
        onChange={(v) => edit((c) => patchSection(c, 'shot', { size: ShotSize.optional().parse(v) }))}
      />
      <OptionSelect
        field="shot.angle"
        candidates={CameraAngle.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'angle', v) }))}
        value={shot.angle}
        onChange={(v) => edit((c) => patchSection(c, 'shot', { angle: CameraAngle.optional().parse(v) }))}
      />
      <OptionSelect
        field="shot.movement"
        candidates={CameraMovement.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'movement', v) }))}
        value={shot.movement}
        onChange={(v) => edit((c) => patchSection(c, 'shot', { movement: CameraMovement.optional().parse(v) }))}
      />
      <OptionSelect
        field="shot.composition"
        candidates={Composition.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'composition', v) }))}
        value={shot.composition}
        onChange={(v) => edit((c) => patchSection(c, 'shot', { composition: Composition.optional().parse(v) }))}
      />
      <OptionSelect
        field="look.mood"
        candidates={Mood.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'mood', v) }))}
        value={look.mood}
        onChange={(v) => edit((c) => patchSection(c, 'look', { mood: Mood.optional().parse(v) }))}
      />
      <OptionSelect
        field="look.colourTone"
        candidates={ColourTone.options.map((v) => ({ value: v, label: vocabularyLabel(t, 'colourTone', v) }))}
        value={look.colourTone}
        onChange={(v) => edit((c) => patchSection(c, 'look', { colourTone: ColourTone.optional().parse(v) }))}
      />
    </SimpleGrid>
  )
}
