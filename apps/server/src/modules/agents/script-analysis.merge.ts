// Merges per-chunk answers into one analysis. Scenes, headings and speakers come from the
// parser (deterministic); shots, summaries and descriptions from the model. Answers about a
// scene the chunk was not given are ignored with a warning, so overlap cannot duplicate shots.
import type { SceneAnalysis, ScriptAnalysis, ShotProposal } from '@aipipeline/contracts'
import {
  type CharacterDraft,
  type ChunkScene,
  characterKey,
  type LocationDraft,
  mergeCharacters,
  mergeLocations,
  type Screenplay,
} from '@aipipeline/domain'
import type { ChunkAnalysis } from './script-analysis.schemas'

export interface ChunkResult {
  index: number
  scenes: readonly ChunkScene[]
  analysis: ChunkAnalysis
}

/** A script with no scene headings (a dialogue excerpt) becomes one unnamed scene, so it can still be analysed. */
export function withImplicitScene(screenplay: Screenplay): Screenplay {
  if (screenplay.scenes.length > 0 || screenplay.preamble.length === 0) return screenplay
  const characters = [...new Set(screenplay.preamble.flatMap((e) => (e.character !== undefined ? [e.character] : [])))]
  const heading = {
    text: 'UNTITLED SCENE',
    setting: null,
    location: 'UNSPECIFIED',
    timeOfDay: null,
    sceneNumber: null,
    lines: [],
  }
  return { ...screenplay, preamble: [], scenes: [{ index: 0, heading, elements: screenplay.preamble, characters }] }
}

interface Collected {
  summaries: Map<number, string[]>
  shots: Map<number, ShotProposal[]>
  characters: CharacterDraft[]
  locations: LocationDraft[]
  warnings: string[]
}

function collect(screenplay: Screenplay, results: readonly ChunkResult[]): Collected {
  const c: Collected = { summaries: new Map(), shots: new Map(), characters: [], locations: [], warnings: [] }
  // Speakers and heading locations first: the parser is sure of them.
  for (const scene of screenplay.scenes) {
    for (const name of scene.characters) c.characters.push({ name, sceneIndexes: [scene.index] })
    c.locations.push({ name: scene.heading.location, sceneIndexes: [scene.index] })
  }
  for (const result of results) {
    const given = new Set(result.scenes.map((s) => s.sceneIndex))
    for (const answer of result.analysis.scenes) {
      const sceneIndex = answer.sceneNumber - 1
      if (!given.has(sceneIndex)) {
        c.warnings.push(
          `chunk ${result.index + 1} answered for scene ${answer.sceneNumber}, which it was not asked about; ignored`,
        )
        continue
      }
      c.summaries.set(
        sceneIndex,
        [...(c.summaries.get(sceneIndex) ?? []), answer.summary.trim()].filter((s) => s !== ''),
      )
      c.shots.set(sceneIndex, [...(c.shots.get(sceneIndex) ?? []), ...answer.shots])
    }
    const chunkScenes = [...given]
    for (const ch of result.analysis.characters) {
      const key = characterKey(ch.name)
      const seenIn = chunkScenes.filter((i) => screenplay.scenes[i]?.characters.some((n) => characterKey(n) === key))
      c.characters.push({ ...ch, sceneIndexes: seenIn })
    }
    for (const loc of result.analysis.locations) c.locations.push(loc)
  }
  return c
}

/** One analysis from the parsed script and every chunk's answer. */
export function mergeScriptAnalysis(screenplay: Screenplay, results: readonly ChunkResult[]): ScriptAnalysis {
  const c = collect(screenplay, results)
  const characters = mergeCharacters(c.characters)
  const displayName = new Map(characters.map((m) => [m.key, m.name]))
  const nameOf = (raw: string) => displayName.get(characterKey(raw)) ?? raw.trim().toUpperCase()
  const scenes: SceneAnalysis[] = screenplay.scenes.map((scene) => {
    const shots = (c.shots.get(scene.index) ?? []).map((shot) => ({
      ...shot,
      characters: [...new Set(shot.characters.map(nameOf))],
    }))
    if (shots.length === 0) c.warnings.push(`scene ${scene.index + 1} (${scene.heading.text}): no shots proposed`)
    return {
      sceneIndex: scene.index,
      heading: scene.heading.text,
      setting: scene.heading.setting,
      location: scene.heading.location,
      timeOfDay: scene.heading.timeOfDay,
      sceneNumber: scene.heading.sceneNumber,
      summary: (c.summaries.get(scene.index) ?? []).join(' '),
      characters: scene.characters,
      shots,
    }
  })
  const locations = mergeLocations(c.locations).map(({ aliases: _aliases, ...l }) => l)
  return {
    title: screenplay.title,
    format: screenplay.format,
    scenes,
    characters,
    locations,
    chunks: results.length,
    warnings: c.warnings,
  }
}
