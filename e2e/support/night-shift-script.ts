// The Agents browser test's screenplay and the fake model's scripted answers to it: what a
// scene analyst and the prompt enhancer would return for "Night Shift".
import type { FakeLlmRequest } from '@aipipeline/testing'

/** A two-scene Fountain screenplay to import. */
export const SCRIPT = `Title: Night Shift

INT. RADIO STUDIO - NIGHT

DJ leans into the microphone, headphones around her neck.

DJ
Good evening, night owls.

EXT. HARBOUR - DAWN

MARA walks along the empty pier as the gulls wake.
`

/** The prompt enhancer's scripted answer. */
export const ENHANCEMENT = {
  subject: 'MARA, a young fisherwoman in a yellow raincoat',
  action: 'walks along the empty pier',
  setting: 'a quiet harbour at dawn, gulls waking',
  details: ['wet planks', 'mist over the water'],
  shot: { size: 'wide', angle: null, movement: null, composition: null },
  look: { mood: 'melancholic', colourTone: null },
  changes: ['described the setting'],
}

/** A scene analysis request (structured output, the analyst's prompt). */
export const analysing = (r: FakeLlmRequest) => r.wantsJson && r.promptText.includes('Scenes to analyse')

/** The scripted analyst: one shot per asked scene, the cast and places it sees. */
export function analystReply(request: FakeLlmRequest) {
  const asked = /Scenes to analyse: ([\d, ]+)\./.exec(request.promptText)?.[1] ?? ''
  const scenes = asked
    .split(',')
    .map((n) => Number.parseInt(n.trim(), 10))
    .filter(Number.isFinite)
  return {
    kind: 'json' as const,
    value: {
      scenes: scenes.map((n) => ({
        sceneNumber: n,
        summary: `Scene ${n}`,
        shots: [
          {
            size: 'wide',
            angle: 'eye-level',
            movement: 'static',
            description: `Establishing shot of scene ${n}`,
            dialogue: null,
            characters: [],
            durationSeconds: 3,
          },
        ],
      })),
      characters: [
        { name: 'DJ', description: 'Late-night radio host in her forties', triggerWords: ['headphones'] },
        { name: 'MARA', description: 'Young fisherwoman in a yellow raincoat', triggerWords: ['yellow raincoat'] },
      ],
      locations: [
        { name: 'RADIO STUDIO', description: 'Small studio lit by VU meters' },
        { name: 'HARBOUR', description: 'Quiet pier at dawn' },
      ],
    },
  }
}
