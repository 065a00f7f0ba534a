// Presets: locked fields keep the preset's values, and the preset's documented look constrains
// mood and gear. Removing the preset turns it into an "inspired by" starting point (research §2.9).
import { CONFIG_FIELD_PATHS, type ConfigFieldPath } from '../config/cpe-config.schema'
import type { Preset } from '../presets/preset.schema'
import { presetFieldValue, readField, sameFieldValue } from './field-access'
import { ko } from './ko-labels'
import { withJosa } from './korean-josa'
import { type AnyRule, defineRule } from './rule.types'

const presetName = (p: Preset): string => (p.kind === 'live-action' ? `${p.title} (${p.year})` : p.name)

type LockChange = { preset: string; changed: ConfigFieldPath[] }

const presetLockChanged = defineRule<LockChange>({
  id: 'preset-lock-changed',
  severity: 'hard',
  fields: CONFIG_FIELD_PATHS,
  explanation: 'A preset may lock fields that define its look; change them only after removing the preset.',
  message: {
    en: (d) => `The ${d.preset} preset locks ${d.changed.join(', ')}; remove the preset to change them.`,
    ko: (d) =>
      `${d.preset} 프리셋이 ${withJosa(d.changed.join(', '), '을/를')} 잠그고 있습니다. 바꾸려면 프리셋을 해제하세요.`,
  },
  check: (ctx) => {
    const { preset } = ctx
    if (preset === undefined || preset.locks.length === 0) return null
    const changed = preset.locks.filter(
      (path) => !sameFieldValue(presetFieldValue(preset, path), readField(ctx.config, path)),
    )
    return changed.length === 0 ? null : { preset: presetName(preset), changed }
  },
  blame: (d) => ['presetId', ...d.changed],
  sample: { preset: 'Blade Runner (1982)', changed: ['film.stockId'] },
})

const presetMoodConflict = defineRule<{ preset: string; mood: string }>({
  id: 'preset-mood-conflict',
  severity: 'soft',
  fields: ['presetId', 'look.mood'],
  explanation: 'Some moods contradict a preset’s look (a noir look with a joyful mood, say).',
  message: {
    en: (d) => `A ${d.mood} mood contradicts the ${d.preset} look.`,
    ko: (d) => `${ko(d.mood)} 무드는 ${d.preset} 프리셋의 룩과 어긋납니다.`,
  },
  check: (ctx) => {
    const mood = ctx.config.look.mood
    const { preset } = ctx
    if (preset === undefined || mood === undefined) return null
    return preset.disallowedMoods.includes(mood) ? { preset: presetName(preset), mood } : null
  },
  sample: { preset: 'The Third Man (1949)', mood: 'joyful' },
})

const presetKindMismatch = defineRule<{ preset: string; presetKind: string; kind: string }>({
  id: 'preset-kind-mismatch',
  severity: 'soft',
  fields: ['presetId', 'kind'],
  explanation: 'A live-action preset describes real gear; an animation preset describes a drawn or rendered style.',
  message: {
    en: (d) => `${d.preset} is a ${d.presetKind} preset but the shot is ${d.kind}.`,
    ko: (d) => `${withJosa(d.preset, '은/는')} ${ko(d.presetKind)} 프리셋인데 샷은 ${ko(d.kind)}입니다.`,
  },
  check: (ctx) => {
    const { preset } = ctx
    if (preset === undefined || preset.kind === ctx.config.kind) return null
    return { preset: presetName(preset), presetKind: preset.kind, kind: ctx.config.kind }
  },
  sample: { preset: 'Studio cel 2D', presetKind: 'animation', kind: 'live-action' },
})

const presetGearUndocumented = defineRule<{ preset: string; items: string }>({
  id: 'preset-gear-undocumented',
  severity: 'info',
  fields: ['presetId', 'camera.bodyId', 'camera.lensId', 'film.stockId'],
  explanation: 'A film preset lists the gear documented for that film; other gear makes the shot "inspired by" it.',
  message: {
    en: (d) => `${d.preset} was not documented with ${d.items}; the shot is inspired by it rather than matching it.`,
    ko: (d) => `${d.preset}에 기록되지 않은 장비입니다: ${d.items}. 원본 재현이 아닌 오마주가 됩니다.`,
  },
  check: (ctx) => {
    const { preset } = ctx
    if (preset?.kind !== 'live-action') return null
    const { gear } = preset
    const off = (id: string | undefined, list: string[]) => id !== undefined && list.length > 0 && !list.includes(id)
    const items = [
      off(ctx.config.camera.bodyId, gear.cameraIds) && ctx.config.camera.bodyId,
      off(ctx.config.camera.lensId, gear.lensIds) && ctx.config.camera.lensId,
      off(ctx.config.film.stockId, gear.stockIds) && ctx.config.film.stockId,
    ].filter((x): x is string => typeof x === 'string')
    return items.length === 0 ? null : { preset: presetName(preset), items: items.join(', ') }
  },
  sample: { preset: 'Heat (1995)', items: 'arri-alexa-35' },
})

export const PRESET_RULES: readonly AnyRule[] = [
  presetLockChanged,
  presetMoodConflict,
  presetKindMismatch,
  presetGearUndocumented,
]
