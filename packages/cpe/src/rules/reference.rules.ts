// Rules about ids themselves: an id must name a record, and the record must be the right kind.

import { withJosa } from './korean-josa'
import { type AnyRule, defineRule, type UnknownReference } from './rule.types'
import { bodyName } from './rule-context'

const unknownReference = defineRule<UnknownReference[]>({
  id: 'unknown-reference',
  severity: 'hard',
  fields: [
    'presetId',
    'camera.bodyId',
    'camera.formatId',
    'camera.lensId',
    'camera.supportId',
    'camera.aspectRatioId',
    'film.stockId',
    'lighting.sourceIds',
    'lighting.practicalIds',
    'animation.styleId',
  ],
  explanation: 'Every id in a config must name a record in the catalog; a typo or a removed record is reported here.',
  message: {
    en: (d) => `Unknown ${d.map((u) => `${u.field} "${u.id}"`).join(', ')}: no such record in the catalog.`,
    ko: (d) => `알 수 없는 참조 ${d.map((u) => `${u.field} "${u.id}"`).join(', ')}: 카탈로그에 없는 항목입니다.`,
  },
  check: (ctx) => (ctx.unknown.length > 0 ? ctx.unknown : null),
  blame: (d) => d.map((u) => u.field),
  sample: [{ field: 'camera.lensId', id: 'cooke-s9' }],
})

const formatNotOnBody = defineRule<{ body: string; format: string }>({
  id: 'format-not-on-body',
  severity: 'hard',
  fields: ['camera.bodyId', 'camera.formatId'],
  explanation: 'A capture format is a gate or sensor mode of a particular body; another body cannot record it.',
  message: {
    en: (d) => `${d.body} cannot record the ${d.format} format.`,
    ko: (d) => `${d.body} 카메라는 ${d.format} 포맷으로 촬영할 수 없습니다.`,
  },
  check: (ctx) => {
    const { body } = ctx
    const formatId = ctx.config.camera.formatId
    if (body === undefined || ctx.format === undefined || formatId === undefined) return null
    return body.formatIds.includes(formatId) ? null : { body: bodyName(body), format: ctx.format.name }
  },
  sample: { body: 'ARRI ALEXA Mini', format: 'ALEXA 65 open gate' },
})

const animationStyleWrongKind = defineRule<{ id: string }>({
  id: 'animation-style-wrong-kind',
  severity: 'hard',
  fields: ['animation.styleId'],
  explanation: 'The animation style must be an animation preset; live-action film looks are chosen as presets.',
  message: {
    en: (d) => `"${d.id}" is a live-action preset, not an animation style.`,
    ko: (d) => `${withJosa(`"${d.id}"`, '은/는')} 실사 프리셋이며 애니메이션 스타일이 아닙니다.`,
  },
  check: (ctx) => {
    const id = ctx.config.animation.styleId
    if (id === undefined) return null
    return ctx.catalog.presets.get(id)?.kind === 'live-action' ? { id } : null
  },
  sample: { id: 'blade-runner' },
})

export const REFERENCE_RULES: readonly AnyRule[] = [unknownReference, formatNotOnBody, animationStyleWrongKind]
