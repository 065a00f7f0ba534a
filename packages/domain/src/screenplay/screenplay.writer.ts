// Writes the screenplay model back out as Fountain or Final Draft XML. Fountain output uses
// forcing markers only where the plain form would be read as something else, so parsing
// the output gives back the same scenes and elements.
import { isCharacterCueLine } from './character-name'
import { opensTitlePage } from './fountain.parser'
import { looksLikeSceneHeading } from './scene-heading'
import type { Scene, SceneHeading, Screenplay, ScreenplayElement } from './screenplay.model'

const DIALOGUE_PARTS = new Set(['dialogue', 'parenthetical', 'lyric'])

function headingLine(heading: SceneHeading): string {
  const number = heading.sceneNumber !== null ? ` #${heading.sceneNumber}#` : ''
  const forced = heading.setting === null || !looksLikeSceneHeading(heading.text)
  return `${forced ? '.' : ''}${heading.text}${number}`
}

function needsForcedAction(text: string): boolean {
  const lines = text.split('\n')
  const first = (lines[0] ?? '').trim()
  if (first === '' || /^[#=.!@~>[/]/.test(first) || looksLikeSceneHeading(first)) return true
  // At the top of a script it would be read as a title page.
  if (opensTitlePage(first)) return true
  if (lines.length > 1 && isCharacterCueLine(first)) return true
  return (
    lines.length === 1 &&
    first === first.toUpperCase() &&
    /\p{L}/u.test(first) &&
    /(TO:|^FADE|^THE END|^SMASH CUT:|^CUT TO BLACK)/.test(first)
  )
}

/**
 * A blank line inside a block is written as two spaces so it does not end the block
 * (Fountain), wherever it stands: first, between lines, last, or alone.
 */
function keepBlankLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '  ' : line))
    .join('\n')
}

function elementText(e: ScreenplayElement): string {
  switch (e.kind) {
    case 'action':
      return keepBlankLines(needsForcedAction(e.text) ? `!${e.text}` : e.text)
    case 'character': {
      const cue = e.dual && !e.text.endsWith('^') ? `${e.text} ^` : e.text
      return isCharacterCueLine(cue) && !looksLikeSceneHeading(cue) ? cue : `@${cue}`
    }
    case 'dialogue':
      return keepBlankLines(e.text)
    case 'parenthetical':
      return e.text.startsWith('(') ? e.text : `(${e.text})`
    case 'lyric':
      return `~${e.text}`
    case 'transition':
      return /TO:$/.test(e.text) && e.text === e.text.toUpperCase() ? e.text : `> ${e.text}`
    case 'centered':
      return `> ${e.text} <`
    case 'section':
      return `${'#'.repeat(e.depth ?? 1)} ${e.text}`
    case 'synopsis':
      return `= ${e.text}`
    case 'note':
      return `[[${e.text}]]`
    case 'boneyard':
      return `/*\n${e.text}\n*/`
    case 'page-break':
      return '==='
  }
}

/** Elements in Fountain: blank lines between blocks, none inside a dialogue block. */
export function elementsToFountain(elements: readonly ScreenplayElement[]): string {
  let out = ''
  elements.forEach((e, i) => {
    const previous = elements[i - 1]?.kind ?? ''
    const inBlock = DIALOGUE_PARTS.has(e.kind) && (previous === 'character' || DIALOGUE_PARTS.has(previous))
    if (i > 0) out += inBlock ? '\n' : '\n\n'
    out += elementText(e)
  })
  return out
}

/** One scene in Fountain, heading first. */
export function sceneToFountain(scene: Scene): string {
  const body = elementsToFountain(scene.elements)
  return body.length > 0 ? `${headingLine(scene.heading)}\n\n${body}` : headingLine(scene.heading)
}

/** The whole screenplay as Fountain text. */
export function toFountain(screenplay: Screenplay): string {
  const parts: string[] = []
  if (screenplay.titlePage.length > 0) {
    parts.push(
      screenplay.titlePage
        .map((t) => {
          const [first = '', ...more] = t.value.split('\n')
          return [`${t.key}: ${first}`.trimEnd(), ...more.map((m) => `    ${m}`)].join('\n')
        })
        .join('\n'),
    )
  }
  if (screenplay.preamble.length > 0) parts.push(elementsToFountain(screenplay.preamble))
  for (const scene of screenplay.scenes) parts.push(sceneToFountain(scene))
  return `${parts.join('\n\n')}\n`
}

const FDX_TYPE: Partial<Record<ScreenplayElement['kind'], string>> = {
  action: 'Action',
  character: 'Character',
  dialogue: 'Dialogue',
  parenthetical: 'Parenthetical',
  transition: 'Transition',
  lyric: 'Lyrics',
  centered: 'Action',
  section: 'New Act',
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function fdxParagraph(type: string, text: string, number?: string | null): string {
  const num = number ? ` Number="${escapeXml(number)}"` : ''
  return `    <Paragraph Type="${type}"${num}>\n      <Text>${escapeXml(text)}</Text>\n    </Paragraph>`
}

/** The screenplay as Final Draft XML (notes, boneyard and page breaks are left out). */
export function toFdx(screenplay: Screenplay): string {
  const body: string[] = []
  const add = (elements: readonly ScreenplayElement[]) => {
    for (const e of elements) {
      const type = FDX_TYPE[e.kind]
      if (type !== undefined) body.push(fdxParagraph(type, e.text))
    }
  }
  add(screenplay.preamble)
  for (const scene of screenplay.scenes) {
    body.push(fdxParagraph('Scene Heading', scene.heading.text, scene.heading.sceneNumber))
    add(scene.elements)
  }
  const title = screenplay.title
    ? `  <TitlePage>\n  <Content>\n${fdxParagraph('Action', screenplay.title)}\n  </Content>\n  </TitlePage>\n`
    : ''
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n<FinalDraft DocumentType="Script" Template="No" Version="5">\n  <Content>\n${body.join('\n')}\n  </Content>\n${title}</FinalDraft>\n`
}
