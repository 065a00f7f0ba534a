// Merging what chunk-by-chunk analysis finds: the same character or location reported by
// several chunks (and under name variants: "JOHN (V.O.)", "John", "JOHN (CONT'D)") becomes
// one entry with the richest description, the union of trigger words and scenes.
import { characterKey, locationKey, parseCharacterCue } from './character-name'

export interface CharacterDraft {
  name: string
  description?: string | undefined
  triggerWords?: readonly string[] | undefined
  sceneIndexes?: readonly number[] | undefined
}

export interface MergedCharacter {
  key: string
  name: string
  description: string
  triggerWords: string[]
  /** Spellings seen, as written ("JOHN (V.O.)", "John"). */
  aliases: string[]
  sceneIndexes: number[]
}

export interface LocationDraft {
  name: string
  description?: string | undefined
  sceneIndexes?: readonly number[] | undefined
}

export interface MergedLocation {
  key: string
  name: string
  description: string
  aliases: string[]
  sceneIndexes: number[]
}

function pushUnique<T>(into: T[], values: Iterable<T>): void {
  for (const v of values) if (!into.includes(v)) into.push(v)
}

/** The longer description wins: later chunks often know more about a character. */
function richer(a: string, b: string | undefined): string {
  const candidate = b?.trim() ?? ''
  return candidate.length > a.length ? candidate : a
}

function unionWords(into: string[], words: Iterable<string>): void {
  for (const raw of words) {
    const word = raw.trim()
    if (word !== '' && !into.some((w) => w.toLowerCase() === word.toLowerCase())) into.push(word)
  }
}

/** Merges character drafts by name key; keeps first-appearance order. Drafts without a usable name are skipped. */
export function mergeCharacters(drafts: readonly CharacterDraft[]): MergedCharacter[] {
  const byKey = new Map<string, MergedCharacter>()
  for (const draft of drafts) {
    const key = characterKey(draft.name)
    if (key === '') continue
    let merged = byKey.get(key)
    if (merged === undefined) {
      merged = {
        key,
        name: parseCharacterCue(draft.name).name,
        description: '',
        triggerWords: [],
        aliases: [],
        sceneIndexes: [],
      }
      byKey.set(key, merged)
    }
    merged.description = richer(merged.description, draft.description)
    unionWords(merged.triggerWords, draft.triggerWords ?? [])
    pushUnique(merged.aliases, [draft.name.trim()])
    pushUnique(merged.sceneIndexes, draft.sceneIndexes ?? [])
  }
  for (const m of byKey.values()) m.sceneIndexes.sort((a, b) => a - b)
  return [...byKey.values()]
}

/** Merges location drafts by place key ("The house" = "HOUSE"); keeps first-appearance order. */
export function mergeLocations(drafts: readonly LocationDraft[]): MergedLocation[] {
  const byKey = new Map<string, MergedLocation>()
  for (const draft of drafts) {
    const key = locationKey(draft.name).replace(/^THE /, '')
    if (key === '') continue
    let merged = byKey.get(key)
    if (merged === undefined) {
      merged = { key, name: draft.name.trim().toUpperCase(), description: '', aliases: [], sceneIndexes: [] }
      byKey.set(key, merged)
    }
    merged.description = richer(merged.description, draft.description)
    pushUnique(merged.aliases, [draft.name.trim()])
    pushUnique(merged.sceneIndexes, draft.sceneIndexes ?? [])
  }
  for (const m of byKey.values()) m.sceneIndexes.sort((a, b) => a - b)
  return [...byKey.values()]
}
