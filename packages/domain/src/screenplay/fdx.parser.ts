// Final Draft (.fdx): XML paragraphs with a Type ("Scene Heading", "Action", "Character",
// "Dialogue", …). Source units are paragraphs: body paragraphs in order, then title-page ones.
import { parseCharacterCue } from './character-name'
import { looksLikeSceneHeading, parseSceneHeading } from './scene-heading'
import { SceneSink } from './scene-sink'
import type { ElementKind, Screenplay, TitlePageEntry } from './screenplay.model'
import { childElements, findElement, readXml, textContent, type XmlElement } from './xml-reader'

interface FdxParagraph {
  type: string
  text: string
  number: string | undefined
  /** Second speaker inside a DualDialogue block. */
  dual: boolean
}

const ELEMENT_OF_TYPE: Record<string, ElementKind> = {
  action: 'action',
  general: 'action',
  shot: 'action',
  'cast list': 'action',
  character: 'character',
  dialogue: 'dialogue',
  parenthetical: 'parenthetical',
  transition: 'transition',
  lyrics: 'lyric',
  'new act': 'section',
  'end of act': 'section',
}

/** Text of a paragraph: its <Text> runs only (not SceneProperties and the like). */
function paragraphText(p: XmlElement): string {
  const runs = childElements(p, 'Text')
  const text = runs.length > 0 ? runs.map(textContent).join('') : ''
  return text.replace(/\r\n|\r/g, '\n').trim()
}

function collectParagraphs(container: XmlElement | undefined): FdxParagraph[] {
  if (container === undefined) return []
  const out: FdxParagraph[] = []
  for (const p of childElements(container, 'Paragraph')) {
    const dualBlock = childElements(p, 'DualDialogue')[0]
    if (dualBlock !== undefined) {
      let cues = 0
      for (const inner of childElements(dualBlock, 'Paragraph')) {
        const type = (inner.attrs.Type ?? 'Dialogue').toLowerCase()
        if (type === 'character') cues++
        out.push({ type, text: paragraphText(inner), number: undefined, dual: type === 'character' && cues >= 2 })
      }
      continue
    }
    out.push({
      type: (p.attrs.Type ?? 'Action').toLowerCase(),
      text: paragraphText(p),
      number: p.attrs.Number,
      dual: false,
    })
  }
  return out
}

function emitParagraph(p: FdxParagraph, index: number, sink: SceneSink): void {
  if (p.type === 'scene heading') {
    const heading = parseSceneHeading(p.text, [index], !looksLikeSceneHeading(p.text))
    sink.heading(p.number !== undefined && p.number !== '' ? { ...heading, sceneNumber: p.number } : heading)
    return
  }
  const kind = ELEMENT_OF_TYPE[p.type] ?? 'action'
  if (kind === 'character') {
    const cue = parseCharacterCue(p.text)
    sink.element({
      kind,
      text: p.text,
      lines: [index],
      character: cue.name,
      extensions: cue.extensions,
      ...(p.dual || cue.dual ? { dual: true } : {}),
    })
    return
  }
  const text = p.text
  sink.element(kind === 'section' ? { kind, text, lines: [index], depth: 1 } : { kind, text, lines: [index] })
}

/** Parses Final Draft XML into the screenplay model. Throws only XmlTooDeep, for hostile nesting. */
export function parseFdx(xml: string): Screenplay {
  const root = readXml(xml.replace(/^\uFEFF/, ''))
  const document = findElement(root, 'FinalDraft') ?? root
  const content = childElements(document, 'Content')[0] ?? findElement(document, 'Content')
  const body = collectParagraphs(content)
  const sink = new SceneSink()
  body.forEach((p, index) => {
    if (p.text !== '') emitParagraph(p, index, sink)
  })
  const titleContent = findElement(
    findElement(document, 'TitlePage') ?? { name: '', attrs: {}, children: [] },
    'Content',
  )
  const titlePage: TitlePageEntry[] = []
  collectParagraphs(titleContent).forEach((p, i) => {
    if (p.text === '') return
    titlePage.push({ key: titlePage.length === 0 ? 'Title' : 'Text', value: p.text, lines: [body.length + i] })
  })
  return {
    format: 'fdx',
    title: titlePage[0]?.value.replace(/\s+/g, ' ') ?? null,
    titlePage,
    preamble: sink.preamble,
    scenes: sink.scenes,
    dropped: [],
  }
}
