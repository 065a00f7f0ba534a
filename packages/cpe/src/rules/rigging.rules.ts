// Rigging: a support carries a payload and produces certain movements. Weights are camera body
// plus one lens, before accessories, so "near the limit" already means "probably over" once rigged.

import { ko } from './ko-labels'
import { withJosa } from './korean-josa'
import { type AnyRule, defineRule } from './rule.types'
import { bodyName, rigWeightKg, round1 } from './rule-context'

/** Share of rated payload above which the rig is likely over once matte box, motor and battery go on. */
const NEAR_PAYLOAD = 0.85
/** Rigged weight above which handheld work is an endurance test (research §2.9: warn at 8–10 kg). */
const HEAVY_HANDHELD_KG = 9
/** Blimped studio cameras weigh this much or more; nobody operates them off the shoulder. */
const STUDIO_CAMERA_KG = 25
/** Movements made by the lens, which any support allows. */
const LENS_MOVES = new Set(['zoom-in', 'zoom-out', 'rack-focus'])
const BODY_WORN = new Set(['handheld', 'shoulder', 'steadicam', 'gimbal'])

type Payload = { support: string; weightKg: number; maxKg: number }

function payload(ctx: Parameters<AnyRule['check']>[0], over: boolean): Payload | null {
  const weight = rigWeightKg(ctx)
  const { support } = ctx
  if (weight === undefined || support === undefined) return null
  const isOver = weight > support.maxPayloadKg
  const isNear = !isOver && weight > support.maxPayloadKg * NEAR_PAYLOAD
  if (over ? !isOver : !isNear) return null
  return { support: support.name, weightKg: round1(weight), maxKg: support.maxPayloadKg }
}

const payloadFields = ['camera.supportId', 'camera.bodyId', 'camera.lensId'] as const

const payloadExceeded = defineRule<Payload>({
  id: 'payload-exceeded',
  severity: 'hard',
  fields: payloadFields,
  explanation: 'A gimbal, drone, head or arm cannot balance or lift more than its rated payload.',
  message: {
    en: (d) => `Camera and lens weigh ${d.weightKg} kg, over the ${d.maxKg} kg payload of ${d.support}.`,
    ko: (d) => `카메라와 렌즈 무게 ${d.weightKg} kg이 ${d.support}의 최대 적재량 ${d.maxKg} kg을 넘습니다.`,
  },
  check: (ctx) => payload(ctx, true),
  sample: { support: 'DJI Ronin-S', weightKg: 9.8, maxKg: 3.6 },
})

const payloadNearLimit = defineRule<Payload>({
  id: 'payload-near-limit',
  severity: 'soft',
  fields: payloadFields,
  explanation: `Above ${NEAR_PAYLOAD * 100}% of the rated payload before accessories, the rigged camera is likely over.`,
  message: {
    en: (d) =>
      `Camera and lens (${d.weightKg} kg) are close to the ${d.maxKg} kg payload of ${d.support}; accessories may push it over.`,
    ko: (d) =>
      `카메라와 렌즈 (${d.weightKg} kg)가 ${d.support}의 적재량 ${d.maxKg} kg에 가깝습니다. 액세서리를 더하면 초과할 수 있습니다.`,
  },
  check: (ctx) => payload(ctx, false),
  sample: { support: 'DJI Ronin 2', weightKg: 12.4, maxKg: 13.6 },
})

const movementNotSupported = defineRule<{ support: string; movement: string; movements: string }>({
  id: 'movement-not-supported',
  severity: 'hard',
  fields: ['shot.movement', 'camera.supportId'],
  explanation:
    'Each support produces certain movements: a tripod pans and tilts but cannot truck; a jib cannot track alongside.',
  message: {
    en: (d) => `${d.support} cannot produce a ${d.movement}; it allows ${d.movements}.`,
    ko: (d) =>
      `${withJosa(d.support, '으로/로')}는 ${ko(d.movement)} 카메라 무브먼트를 할 수 없습니다. 가능한 무브먼트: ${d.movements}.`,
  },
  check: (ctx) => {
    const movement = ctx.config.shot.movement
    const { support } = ctx
    if (support === undefined || movement === undefined || LENS_MOVES.has(movement)) return null
    if (support.movements.includes(movement)) return null
    return { support: support.name, movement, movements: support.movements.join(', ') }
  },
  sample: { support: 'Tripod with fluid head', movement: 'truck', movements: 'static, pan, tilt' },
})

const handheldHeavyRig = defineRule<{ weightKg: number; support: string }>({
  id: 'handheld-heavy-rig',
  severity: 'soft',
  fields: payloadFields,
  explanation: `Handheld work over about ${HEAVY_HANDHELD_KG} kg is possible but tiring; shots get shorter and less steady.`,
  message: {
    en: (d) => `${d.weightKg} kg on ${d.support} is heavy to operate by hand; expect short takes.`,
    ko: (d) => `${d.support}에 ${d.weightKg} kg은 손으로 운용하기 무겁습니다: 짧은 테이크를 예상하세요.`,
  },
  check: (ctx) => {
    const weight = rigWeightKg(ctx)
    const cls = ctx.support?.class
    if (weight === undefined || ctx.support === undefined || (cls !== 'handheld' && cls !== 'shoulder')) return null
    if (weight <= HEAVY_HANDHELD_KG || weight >= STUDIO_CAMERA_KG) return null
    return { weightKg: round1(weight), support: ctx.support.name }
  },
  sample: { weightKg: 11.5, support: 'Shoulder rig' },
})

const handheldStudioCamera = defineRule<{ body: string; weightKg: number; support: string }>({
  id: 'handheld-studio-camera',
  severity: 'hard',
  fields: payloadFields,
  explanation: `Blimped studio cameras (${STUDIO_CAMERA_KG} kg and more) are moved on dollies and cranes, never worn by an operator.`,
  message: {
    en: (d) => `${d.body} weighs ${d.weightKg} kg: a studio camera cannot go on ${d.support}.`,
    ko: (d) => `${withJosa(d.body, '은/는')} ${d.weightKg} kg의 스튜디오 카메라라 ${d.support}에 올릴 수 없습니다.`,
  },
  check: (ctx) => {
    const { body, support } = ctx
    if (body === undefined || support === undefined || !BODY_WORN.has(support.class)) return null
    return body.weightKg >= STUDIO_CAMERA_KG
      ? { body: bodyName(body), weightKg: body.weightKg, support: support.name }
      : null
  },
  sample: { body: 'Mitchell BNC', weightKg: 45, support: 'Steadicam' },
})

export const RIGGING_RULES: readonly AnyRule[] = [
  payloadExceeded,
  payloadNearLimit,
  movementNotSupported,
  handheldHeavyRig,
  handheldStudioCamera,
]
