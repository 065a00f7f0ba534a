// Picking the B side of a comparison: another version of the same task (the previous and the
// approved one are marked) and how to show it. Staff only: clients never choose versions.
import type { CompareMode, ReviewVersion, RoomPlayback } from '@aipipeline/contracts'
import { Group, SegmentedControl, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const MODES = ['side-by-side', 'wipe', 'overlay', 'difference'] as const satisfies readonly CompareMode[]

interface Props {
  /** The task's versions the viewer may see, newest first. */
  versions: readonly ReviewVersion[]
  /** The version on screen (A). */
  currentId: string
  compare: RoomPlayback['compare']
  onCompare(compare: RoomPlayback['compare']): void
  disabled?: boolean
}

/** The version just before `currentId` in the task's history. */
export function previousVersionOf(versions: readonly ReviewVersion[], currentId: string): ReviewVersion | null {
  const current = versions.find((v) => v.id === currentId)
  if (!current) return null
  return [...versions].filter((v) => v.number < current.number).sort((a, b) => b.number - a.number)[0] ?? null
}

export function ComparePicker({ versions, currentId, compare, onCompare, disabled }: Props) {
  const { t } = useTranslation()
  const previous = previousVersionOf(versions, currentId)
  const options = versions
    .filter((v) => v.id !== currentId)
    .map((v) => {
      const marks = [
        v.id === previous?.id ? t('reviewSession.compare.previous') : null,
        v.approved ? t('reviewSession.compare.approved') : null,
      ].filter((m) => m !== null)
      return {
        value: v.id,
        label: `v${String(v.number).padStart(3, '0')}${marks.length ? ` (${marks.join(', ')})` : ''}`,
      }
    })
  if (options.length === 0) return null
  return (
    <Group gap="xs" wrap="wrap" data-testid="compare-picker">
      <Select
        size="xs"
        w={200}
        aria-label={t('reviewSession.compare.label')}
        placeholder={t('reviewSession.compare.none')}
        data={options}
        value={compare.mode === 'off' ? null : compare.versionId}
        clearable
        disabled={disabled}
        onChange={(id) =>
          onCompare(
            id === null
              ? { ...compare, mode: 'off', versionId: null }
              : { ...compare, versionId: id, mode: compare.mode === 'off' ? 'wipe' : compare.mode },
          )
        }
      />
      {compare.mode !== 'off' && (
        <SegmentedControl
          size="xs"
          aria-label={t('reviewSession.compare.mode')}
          value={compare.mode}
          disabled={disabled}
          data={MODES.map((m) => ({ value: m, label: t(`reviewSession.compare.modes.${m}`) }))}
          onChange={(m) => {
            const mode = MODES.find((x) => x === m)
            if (mode) onCompare({ ...compare, mode })
          }}
        />
      )}
    </Group>
  )
}
