// Building blocks the phrase tables share.
import type { PhraseInput, Sentence, SentencePart } from './sentence-types'

export const text = (t: string): SentencePart => ({ kind: 'text', text: t })
export const person = (name: string): SentencePart => ({ kind: 'person', text: name })

/** A link to the task's shot; plain text when there is no task. */
export function taskLink(task: PhraseInput['task'], fallback: string): SentencePart {
  return task === undefined
    ? text(fallback)
    : { kind: 'link', text: task.text, shotId: task.shotId, taskId: task.taskId }
}

/** Links to up to three shots, joined with `separator`. */
export function shotLinks(shots: PhraseInput['shots'], separator: string): Sentence {
  return shots.flatMap((s, i) => [
    ...(i > 0 ? [text(separator)] : []),
    { kind: 'link', text: s.text, shotId: s.shotId } as const,
  ])
}

/** Merges neighbouring text parts (so tests and readers see whole phrases). */
export function compact(parts: Sentence): Sentence {
  const out: Sentence = []
  for (const p of parts) {
    const last = out.at(-1)
    if (p.kind === 'text' && last?.kind === 'text') out[out.length - 1] = text(last.text + p.text)
    else if (p.text !== '') out.push(p)
  }
  return out
}

/** The configuration area an event belongs to: `status:new` → `status`. */
export function areaOf(event: string): string {
  return event.split(':')[0] ?? event
}

/** The action part of an event: `status:new` → `new`. */
export function actionOf(event: string): string {
  return event.split(':')[1] ?? ''
}
