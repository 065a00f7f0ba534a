// The review step: an analysis as a list of items to create or update in the project (one
// sequence per scene, its shots SH010, SH020…, characters, locations as assets), matched
// against what the project has; and the plan for the items the user chose.
import type { AnalysisDiffItem, SceneAnalysis, ScriptAnalysis, ShotProposal } from '@aipipeline/contracts'
import type { CpeConfigInput, TimeOfDay } from '@aipipeline/cpe'
import { characterKey, locationKey } from '@aipipeline/domain'
import type { ProjectInventory, ScriptApplyPlan } from './production.port'

const TIME_OF_DAY: Record<string, TimeOfDay> = {
  DAWN: 'dawn',
  SUNRISE: 'sunrise',
  MORNING: 'morning',
  NOON: 'midday',
  AFTERNOON: 'afternoon',
  'GOLDEN HOUR': 'golden-hour',
  'MAGIC HOUR': 'golden-hour',
  SUNSET: 'sunset',
  DUSK: 'dusk',
  EVENING: 'dusk',
  NIGHT: 'night',
  'LATE NIGHT': 'night',
  MIDNIGHT: 'night',
}

/** Sequence codes from script scene numbers where there are some ("SC012A"), else positions ("SC007"). */
export function sequenceCodes(scenes: readonly SceneAnalysis[]): string[] {
  const used = new Set<string>()
  return scenes.map((scene) => {
    const raw = (scene.sceneNumber ?? String(scene.sceneIndex + 1)).toUpperCase().replace(/[^A-Z0-9]/g, '')
    let code = `SC${(raw === '' ? String(scene.sceneIndex + 1) : raw).padStart(3, '0')}`
    if (used.has(code)) code = `${code}_${scene.sceneIndex + 1}`
    used.add(code)
    return code
  })
}

/** Shot codes step by ten, leaving room for inserts: SH010, SH020… */
export function shotCode(position: number): string {
  return `SH${String((position + 1) * 10).padStart(3, '0')}`
}

/** CPE settings a proposed shot starts with: framing, interior/exterior, time of day, content. */
export function proposedCpeSettings(scene: SceneAnalysis, shot: ShotProposal): CpeConfigInput {
  const time = scene.timeOfDay !== null ? TIME_OF_DAY[scene.timeOfDay] : undefined
  const interior = scene.setting === 'INT' ? true : scene.setting === 'EXT' ? false : undefined
  return {
    shot: { size: shot.size, angle: shot.angle, movement: shot.movement },
    lighting: {
      ...(interior !== undefined ? { interior } : {}),
      ...(time !== undefined ? { timeOfDay: time } : {}),
    },
    content: {
      ...(shot.characters.length > 0 ? { subject: shot.characters.join(' and ') } : {}),
      action: shot.description.slice(0, 2000),
      setting: scene.location.toLowerCase().slice(0, 2000),
      details: [],
    },
  }
}

/** A shot's description in tracking: what is seen, then the line spoken, if any. */
export function shotDescription(shot: ShotProposal): string {
  return shot.dialogue === null || shot.dialogue.trim() === ''
    ? shot.description
    : `${shot.description}\n“${shot.dialogue.trim()}”`
}

function differing(proposed: Record<string, unknown>, existing: Record<string, unknown> | null): string[] {
  if (existing === null) return []
  // Only fields tracking keeps are compared (a shot's duration lives there as frames).
  return Object.keys(proposed).filter((k) => {
    if (!(k in existing)) return false
    const p = proposed[k]
    if (p === '' || (Array.isArray(p) && p.length === 0)) return false
    return JSON.stringify(p) !== JSON.stringify(existing[k])
  })
}

function item(
  base: Omit<AnalysisDiffItem, 'action' | 'changes' | 'existing'> & { existing: Record<string, unknown> | null },
): AnalysisDiffItem {
  const changes = differing(base.proposed, base.existing)
  const action = base.existing === null ? 'create' : changes.length > 0 ? 'update' : 'unchanged'
  return { ...base, action, changes }
}

function sceneItems(analysis: ScriptAnalysis, inv: ProjectInventory): AnalysisDiffItem[] {
  const codes = sequenceCodes(analysis.scenes)
  return analysis.scenes.flatMap((scene, i) => {
    const code = codes[i] ?? `SC${i + 1}`
    const seq = inv.sequences.find((s) => s.code.toUpperCase() === code)
    const seqKey = `sequence:${code}`
    const sequence = item({
      key: seqKey,
      kind: 'sequence',
      parentKey: null,
      label: `${code} ${scene.heading}`,
      proposed: { code, name: scene.heading, description: scene.summary },
      existing: seq ? { code: seq.code, name: seq.name, description: seq.description } : null,
      existingId: seq?.id ?? null,
    })
    const shots = scene.shots.map((shot, n) => {
      const sc = shotCode(n)
      const found = seq ? inv.shots.find((s) => s.sequenceId === seq.id && s.code.toUpperCase() === sc) : undefined
      const cpeSettings = proposedCpeSettings(scene, shot)
      return item({
        key: `shot:${code}/${sc}`,
        kind: 'shot',
        parentKey: seqKey,
        label: `${code}/${sc} ${shot.size} ${shot.angle} ${shot.movement}`,
        // `cast` and `location` link the shot to its characters and location asset when applied.
        proposed: {
          code: sc,
          description: shotDescription(shot),
          durationSeconds: shot.durationSeconds,
          cpeSettings,
          cast: shot.characters,
          location: scene.location,
        },
        existing: found
          ? {
              code: found.code,
              description: found.description,
              // Tracking may not say (its shot table omits settings): then they are not compared.
              ...(found.cpeSettings !== undefined ? { cpeSettings: found.cpeSettings } : {}),
            }
          : null,
        existingId: found?.id ?? null,
      })
    })
    return [sequence, ...shots]
  })
}

/** Every proposed item, matched against the project's inventory. */
export function diffAnalysis(analysis: ScriptAnalysis, inv: ProjectInventory): AnalysisDiffItem[] {
  const characters = analysis.characters.map((c) => {
    const found = inv.characters.find((e) => characterKey(e.name) === c.key)
    const triggerWords = found
      ? [...found.triggerWords, ...c.triggerWords.filter((w) => !found.triggerWords.includes(w))]
      : c.triggerWords
    return item({
      key: `character:${c.key}`,
      kind: 'character',
      parentKey: null,
      label: c.name,
      proposed: { name: found?.name ?? c.name, description: c.description, triggerWords },
      existing: found ? { name: found.name, description: found.description, triggerWords: found.triggerWords } : null,
      existingId: found?.id ?? null,
    })
  })
  const assets = analysis.locations.map((l) => {
    const found = inv.assets.find((a) => a.kind === 'location' && locationKey(a.name).replace(/^THE /, '') === l.key)
    return item({
      key: `asset:${l.key}`,
      kind: 'asset',
      parentKey: null,
      label: l.name,
      proposed: { kind: 'location', name: found?.name ?? l.name, description: l.description },
      existing: found ? { kind: found.kind, name: found.name, description: found.description } : null,
      existingId: found?.id ?? null,
    })
  })
  return [...sceneItems(analysis, inv), ...characters, ...assets]
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
function words(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : []
}

/** The plan for the chosen keys; shots whose sequence neither exists nor is chosen are skipped. */
export function planFromChoice(
  items: readonly AnalysisDiffItem[],
  chosen: ReadonlySet<string>,
): { plan: ScriptApplyPlan; skipped: string[] } {
  const plan: ScriptApplyPlan = { sequences: [], shots: [], characters: [], assets: [] }
  const skipped: string[] = []
  const byKey = new Map(items.map((i) => [i.key, i]))
  for (const key of chosen) if (!byKey.has(key)) skipped.push(`${key}: not in this analysis`)
  for (const it of items) {
    if (!chosen.has(it.key) || it.action === 'unchanged') continue
    const p = it.proposed
    if (it.kind === 'sequence')
      plan.sequences.push({
        code: text(p.code),
        name: text(p.name),
        description: text(p.description),
        existingId: it.existingId,
      })
    if (it.kind === 'character')
      plan.characters.push({
        name: text(p.name),
        description: text(p.description),
        triggerWords: words(p.triggerWords),
        existingId: it.existingId,
      })
    if (it.kind === 'asset')
      plan.assets.push({
        kind: 'location',
        name: text(p.name),
        description: text(p.description),
        existingId: it.existingId,
      })
    if (it.kind === 'shot') {
      const parent = it.parentKey === null ? undefined : byKey.get(it.parentKey)
      if (parent === undefined || (parent.existingId === null && !chosen.has(parent.key))) {
        skipped.push(`${it.key}: its sequence ${it.parentKey ?? ''} is neither in the project nor chosen`)
        continue
      }
      plan.shots.push({
        sequenceCode: text(parent.proposed.code),
        code: text(p.code),
        description: text(p.description),
        durationSeconds: typeof p.durationSeconds === 'number' ? p.durationSeconds : 3,
        cpeSettings: p.cpeSettings,
        characterNames: words(p.cast),
        locationNames: text(p.location) === '' ? [] : [text(p.location)],
        existingId: it.existingId,
      })
    }
  }
  return { plan, skipped }
}
