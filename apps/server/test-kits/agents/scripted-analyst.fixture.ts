// A scripted scene analyst: answers each chunk from a table of shots per scene number, and
// reports the table's characters and locations that the chunk text mentions.
import type { ShotProposal } from '@aipipeline/contracts'
import type { ModelObjectCall } from '../../src/modules/agents/language-model.port'
import type { ChunkAnalysis } from '../../src/modules/agents/script-analysis.schemas'
import { firstPrompt, type ScriptedAnswer } from './scripted-language-model.fixture'

export interface AnalystScript {
  shots: Record<number, ShotProposal[]>
  summaries?: Record<number, string>
  characters: ChunkAnalysis['characters']
  locations: ChunkAnalysis['locations']
}

/** Scene numbers a chunk prompt asks about ("Scenes to analyse: 1, 2."). */
export function askedScenes(call: ModelObjectCall): number[] {
  const line = /Scenes to analyse: ([\d, ]+)\./.exec(firstPrompt(call))?.[1] ?? ''
  return line
    .split(',')
    .map((n) => Number.parseInt(n.trim(), 10))
    .filter((n) => Number.isFinite(n))
}

/** One shot, with defaults for what a test does not care about. */
export function shot(over: Partial<ShotProposal> & Pick<ShotProposal, 'size' | 'description'>): ShotProposal {
  return { angle: 'eye-level', movement: 'static', dialogue: null, characters: [], durationSeconds: 3, ...over }
}

/** Answers chunk prompts from the script. */
export function scriptedAnalyst(script: AnalystScript): (call: ModelObjectCall) => ScriptedAnswer {
  return (call) => {
    const text = firstPrompt(call).toUpperCase()
    const scenes = askedScenes(call).map((n) => ({
      sceneNumber: n,
      summary: script.summaries?.[n] ?? `Scene ${n}.`,
      shots: script.shots[n] ?? [],
    }))
    const characters = script.characters.filter((c) => text.includes(c.name.toUpperCase()))
    const locations = script.locations.filter((l) => text.includes(l.name.toUpperCase()))
    const answer: ChunkAnalysis = { scenes, characters, locations }
    return { object: answer }
  }
}
