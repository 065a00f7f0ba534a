// Classifies screenplay text into headings and elements, paragraph by paragraph (a paragraph
// is a run of non-blank lines). Shared by the Fountain, plain-text and PDF-text parsers;
// `markup` switches on Fountain's markers (#, =, ., !, @, ~, >, ===), which plain text lacks.
import { isCharacterCueLine, parseCharacterCue } from './character-name'
import {
  endsSentence,
  isKoreanSpeakerName,
  isKoreanText,
  isKoreanTransition,
  matchKoreanMarker,
  matchOneLineSpeech,
  type OneLineSpeech,
} from './korean-layout'
import { type MarkupItem, type SourceLine, stripMarkup } from './markup-stripper'
import { looksLikeSceneHeading, parseSceneHeading } from './scene-heading'
import { SceneSink } from './scene-sink'
import type { Scene, ScreenplayElement } from './screenplay.model'

export interface ClassifyOptions {
  /** Fountain markers and boneyard/notes are recognised. */
  markup: boolean
  /** Korean layouts (see korean-layout.ts); detected from the text when not given. */
  korean?: boolean
}

export interface ClassifiedBody {
  preamble: ScreenplayElement[]
  scenes: Scene[]
}

const KNOWN_TRANSITIONS = new Set([
  'FADE IN:',
  'FADE OUT.',
  'FADE OUT:',
  'FADE OUT',
  'FADE TO BLACK.',
  'FADE TO BLACK',
  'CUT TO BLACK.',
  'CUT TO BLACK',
  'SMASH CUT:',
  'THE END',
])

function notesOf(lines: readonly SourceLine[]): { notes?: string[] } {
  const notes = lines.flatMap((l) => l.notes ?? [])
  return notes.length > 0 ? { notes } : {}
}

function textElement(kind: ScreenplayElement['kind'], lines: readonly SourceLine[], text: string): ScreenplayElement {
  return { kind, text, lines: lines.map((l) => l.index), ...notesOf(lines) }
}

function isTransition(line: string, markup: boolean): boolean {
  // Fountain: a trailing space means "not a transition" (spec); plain text is less exact.
  const text = markup ? line.trimStart() : line.trim()
  if (text.length === 0 || text !== text.toUpperCase() || !/\p{L}/u.test(text)) return false
  return text.endsWith('TO:') || KNOWN_TRANSITIONS.has(text)
}

/** Dialogue body after a cue: parentheticals, lyrics and dialogue runs. */
function emitDialogueBody(body: readonly SourceLine[], opts: ClassifyOptions, sink: SceneSink): void {
  let i = 0
  while (i < body.length) {
    const line = body[i] as SourceLine
    const t = line.text.trim()
    if (t.startsWith('(')) {
      let end = i
      while (end < body.length - 1 && !(body[end] as SourceLine).text.trim().endsWith(')')) end++
      const part = body.slice(i, end + 1)
      sink.element(textElement('parenthetical', part, part.map((l) => l.text.trim()).join(' ')))
      i = end + 1
      continue
    }
    if (opts.markup && t.startsWith('~')) {
      sink.element(textElement('lyric', [line], t.slice(1).trim()))
      i++
      continue
    }
    let end = i
    while (end + 1 < body.length) {
      const next = (body[end + 1] as SourceLine).text.trim()
      if (next.startsWith('(') || (opts.markup && next.startsWith('~'))) break
      end++
    }
    const part = body.slice(i, end + 1)
    sink.element(textElement('dialogue', part, part.map((l) => l.text.trim()).join('\n')))
    i = end + 1
  }
}

/** One-line markers; returns how many lines were consumed (0 = none matched). */
function emitMarker(lines: readonly SourceLine[], sink: SceneSink): number {
  const first = lines[0] as SourceLine
  const t = first.text.trim()
  if (/^={3,}$/.test(t)) {
    sink.element({ kind: 'page-break', text: '', lines: [first.index] })
  } else if (t.startsWith('#')) {
    const depth = /^#+/.exec(t)?.[0].length ?? 1
    sink.element({ ...textElement('section', [first], t.slice(depth).trim()), depth })
  } else if (/^=(?!=)/.test(t)) {
    sink.element(textElement('synopsis', [first], t.slice(1).trim()))
  } else if (/^\.[^.\s]/.test(t)) {
    sink.heading(parseSceneHeading(t.slice(1), [first.index], true))
  } else if (t.startsWith('>') && t.endsWith('<') && t.length > 1) {
    sink.element(textElement('centered', [first], t.slice(1, -1).trim()))
  } else if (t.startsWith('>')) {
    sink.element(textElement('transition', [first], t.slice(1).trim()))
  } else if (t.startsWith('~')) {
    sink.element(textElement('lyric', [first], t.slice(1).trim()))
  } else {
    return 0
  }
  return 1
}

function emitParagraph(lines: readonly SourceLine[], opts: ClassifyOptions, sink: SceneSink): void {
  let rest = lines
  while (rest.length > 0) {
    const first = rest[0] as SourceLine
    const t = first.text.trim()
    const consumed = opts.markup ? emitMarker(rest, sink) : 0
    if (consumed > 0) {
      rest = rest.slice(consumed)
      continue
    }
    if (opts.markup && t.startsWith('!')) {
      const text = [t.slice(1), ...rest.slice(1).map((l) => l.text.trimEnd())].join('\n')
      sink.element(textElement('action', rest, text))
      return
    }
    if (!(opts.markup && t.startsWith('@')) && looksLikeSceneHeading(t)) {
      sink.heading(parseSceneHeading(t, [first.index]))
      rest = rest.slice(1)
      continue
    }
    if (rest.length === 1 && isTransition(first.text, opts.markup)) {
      sink.element(textElement('transition', rest, t))
      return
    }
    if (rest.length >= 2 && isCharacterCueLine(t) && !isTransition(first.text, opts.markup)) {
      const cue = parseCharacterCue(t)
      sink.element({
        ...textElement('character', [first], t),
        character: cue.name,
        extensions: cue.extensions,
        ...(cue.dual ? { dual: true } : {}),
      })
      emitDialogueBody(rest.slice(1), opts, sink)
      return
    }
    const text = rest.map((l) => l.text.trimEnd()).join('\n')
    sink.element(textElement('action', rest, opts.markup ? text : dedent(text)))
    return
  }
}

/** Plain text indents everything; strip the common indentation of an action block. */
function dedent(text: string): string {
  const lines = text.split('\n')
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)?.[0].length ?? 0)
  const cut = Math.min(...indents)
  return lines.map((l) => l.slice(cut)).join('\n')
}

function isBlank(text: string): boolean {
  return text.trim() === ''
}

/** Groups items into paragraphs; a line of two or more spaces between text lines stays inside (Fountain). */
function paragraphs(items: readonly MarkupItem[], emitBlock: (e: ScreenplayElement) => void): SourceLine[][] {
  const out: SourceLine[][] = []
  let current: SourceLine[] = []
  const flush = () => {
    if (current.length > 0) out.push(current)
    current = []
  }
  items.forEach((item, i) => {
    if (item.kind === 'block') {
      flush()
      out.push([])
      emitBlock(item.element)
      return
    }
    const text = item.line.text
    if (!isBlank(text)) {
      current.push(item.line)
      return
    }
    const next = items[i + 1]
    const inside = /^ {2,}$/.test(text) && current.length > 0 && next?.kind === 'line' && !isBlank(next.line.text)
    if (inside) current.push(item.line)
    else flush()
  })
  flush()
  return out
}

/** Classifies lines into preamble and scenes. Never throws. */
export function classifyLines(lines: readonly SourceLine[], opts: ClassifyOptions): ClassifiedBody {
  const sink = new SceneSink()
  const items: MarkupItem[] = opts.markup ? stripMarkup(lines) : lines.map((line) => ({ kind: 'line', line }))
  // Blocks and paragraphs must be emitted in source order, so blocks go through a queue.
  const pendingBlocks: ScreenplayElement[] = []
  const groups = paragraphs(items, (e) => pendingBlocks.push(e))
  const korean =
    opts.korean ??
    isKoreanText(
      lines
        .slice(0, 2000)
        .map((l) => l.text)
        .join('\n'),
    )
  const speakers = new Set<string>()
  for (const group of groups) {
    if (group.length === 0) {
      const block = pendingBlocks.shift()
      if (block !== undefined) sink.element(block)
      continue
    }
    if (korean) emitKoreanParagraph(group, opts, sink, speakers)
    else emitParagraph(group, opts, sink)
  }
  return { preamble: sink.preamble, scenes: sink.scenes }
}

/**
 * A paragraph of a Korean script. Unlike English layouts, one paragraph often holds several
 * parts without blank lines between them: headings, one-line speeches ("민수: 대사"), a name
 * above its speech, action. Each line that starts a part ends the part before it.
 */
function emitKoreanParagraph(
  lines: readonly SourceLine[],
  opts: ClassifyOptions,
  sink: SceneSink,
  speakers: Set<string>,
): void {
  // An index, not slices: an export without blank lines is one paragraph of the whole script.
  let at = 0
  while (at < lines.length) {
    const first = lines[at] as SourceLine
    const t = first.text.trim()
    if (matchKoreanMarker(t) !== undefined || (!(opts.markup && t.startsWith('@')) && looksLikeSceneHeading(t))) {
      sink.heading(parseSceneHeading(t, [first.index]))
      at++
      continue
    }
    // Korean markers ("#3. 부엌") were taken above; other Fountain markers keep their meaning.
    const consumed = opts.markup ? emitMarker(lines.slice(at, at + 1), sink) : 0
    if (consumed > 0) {
      at += consumed
      continue
    }
    const speech = matchOneLineSpeech(t)
    if (speech !== undefined) {
      at = emitOneLineSpeech(lines, at, speech, sink, speakers)
      continue
    }
    if (at === lines.length - 1 && (isKoreanTransition(t) || isTransition(first.text, opts.markup))) {
      sink.element(textElement('transition', [first], t))
      return
    }
    const cue = parseCharacterCue(t)
    const canSpeak = at + 1 < lines.length && !t.startsWith('(') && isKoreanSpeakerName(cue.name)
    if (canSpeak && !startsKoreanPart(lines, at + 1, speakers)) {
      sink.element({ ...textElement('character', [first], t), character: cue.name, extensions: cue.extensions })
      speakers.add(cue.name)
      const end = nextKoreanPart(lines, at + 1, speakers)
      emitDialogueBody(lines.slice(at + 1, end), opts, sink)
      at = end
      continue
    }
    const end = nextKoreanPart(lines, at + 1, speakers)
    const part = lines.slice(at, end)
    sink.element(textElement('action', part, dedent(part.map((l) => l.text.trimEnd()).join('\n'))))
    at = end
  }
}

/** Whether line `i` starts a new part: a heading, a one-line speech, or a name already seen speaking above its speech. */
function startsKoreanPart(lines: readonly SourceLine[], i: number, speakers: ReadonlySet<string>): boolean {
  const t = (lines[i] as SourceLine | undefined)?.text.trim() ?? ''
  if (t === '') return false
  if (matchKoreanMarker(t) !== undefined || looksLikeSceneHeading(t) || matchOneLineSpeech(t) !== undefined) return true
  return i + 1 < lines.length && !t.startsWith('(') && speakers.has(parseCharacterCue(t).name)
}

function nextKoreanPart(lines: readonly SourceLine[], from: number, speakers: ReadonlySet<string>): number {
  let i = from
  while (i < lines.length && !startsKoreanPart(lines, i, speakers)) i++
  return i
}

/**
 * "민수(60대): (숨을 몰아쉬며) 여기 있었어?" → character, parenthetical, dialogue. The line belongs
 * to the dialogue (a source line lands in one part); lines wrapped by an export (indented, or
 * after a speech that ends mid-sentence) continue it. Returns the index after the speech.
 */
function emitOneLineSpeech(
  lines: readonly SourceLine[],
  at: number,
  speech: OneLineSpeech,
  sink: SceneSink,
  speakers: Set<string>,
): number {
  const first = lines[at] as SourceLine
  const cue = parseCharacterCue(speech.cue)
  speakers.add(cue.name)
  sink.element({ kind: 'character', text: speech.cue, lines: [], character: cue.name, extensions: cue.extensions })
  if (speech.parenthetical !== null) sink.element({ kind: 'parenthetical', text: speech.parenthetical, lines: [] })
  let end = at + 1
  const texts = [speech.speech]
  while (end < lines.length && !startsKoreanPart(lines, end, speakers)) {
    const next = lines[end] as SourceLine
    const indented = /^\s{2,}/.test(next.text) && !/^\s{2,}/.test(first.text)
    if (!indented && endsSentence(texts.at(-1) ?? '')) break
    texts.push(next.text.trim())
    end++
  }
  sink.element(textElement('dialogue', lines.slice(at, end), texts.join('\n')))
  return end
}
