// The shapes sentences are made of, shared by the formatter and each language's phrases.

export const NOTIFICATION_KINDS = ['mention', 'comment', 'assignment'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** A piece of a sentence: plain text, a person, or a link to a shot (and its task). */
export type SentencePart =
  | { kind: 'text'; text: string }
  | { kind: 'person'; text: string }
  | { kind: 'link'; text: string; shotId: string; taskId?: string }

export type Sentence = SentencePart[]

/** What a locale's phrases get: every name already resolved, with fallbacks. */
export interface PhraseInput {
  event: string
  /** The actor's name, or undefined when unknown or the system. */
  actor: string | undefined
  /** Shots the entry names, resolved (code or fallback) and linkable. */
  shots: { text: string; shotId: string }[]
  /** How many shots the entry concerns (more than `shots` lists when only a count is known). */
  shotCount: number
  task: { text: string; shotId: string; taskId: string } | undefined
  taskCount: number
  /** Names of people the entry concerns (assignments, team changes). */
  people: string[]
  status: string | undefined
  /** The name of a configured thing (status, task type, field, sequence, character, asset). */
  label: string | undefined
  note: string | undefined
  versionNumber: number | undefined
  role: string | undefined
  mode: 'set' | 'add' | 'remove'
}

export interface Phrases {
  activity(input: PhraseInput): Sentence
  notification(kind: NotificationKind, actor: string | undefined, task: PhraseInput['task']): Sentence
}
