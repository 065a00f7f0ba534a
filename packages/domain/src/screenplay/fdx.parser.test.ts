import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFdx } from './fdx.parser'
import { toFdx } from './screenplay.writer'
import { detectScreenplayFormat } from './screenplay-import'
import { screenplayModel } from './testing/screenplay.arbitrary'
import { withoutPositions } from './testing/screenplay-coverage.fixture'
import { MAX_XML_DEPTH, XmlTooDeep } from './xml-reader'

const FDX = `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <!-- written by hand for this test -->
  <Content>
    <Paragraph Type="Scene Heading" Number="1">
      <SceneProperties Length="1" Page="1" Title=""/>
      <Text>INT. RADIO STUDIO - NIGHT</Text>
    </Paragraph>
    <Paragraph Type="Action"><Text>The ON AIR sign glows. </Text><Text Style="Bold">Red.</Text></Paragraph>
    <Paragraph Type="Character"><Text>DJ (V.O.)</Text></Paragraph>
    <Paragraph Type="Parenthetical"><Text>(bored)</Text></Paragraph>
    <Paragraph Type="Dialogue"><Text>Rock &amp; roll, &#8220;live&#8221; &lt;ish&gt;.</Text></Paragraph>
    <Paragraph>
      <DualDialogue>
        <Paragraph Type="Character"><Text>DAVE</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text>Why?</Text></Paragraph>
        <Paragraph Type="Character"><Text>KAY</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text><![CDATA[Because <reasons>.]]></Text></Paragraph>
      </DualDialogue>
    </Paragraph>
    <Paragraph Type="Transition"><Text>CUT TO:</Text></Paragraph>
    <Paragraph Type="Scene Heading"><Text>EXT. PARKING LOT - CONTINUOUS</Text></Paragraph>
    <Paragraph Type="Action"><Text></Text></Paragraph>
    <Paragraph Type="Shot"><Text>CLOSE ON the keys.</Text></Paragraph>
  </Content>
  <TitlePage><Content>
    <Paragraph Type="Action"><Text>Radio Days</Text></Paragraph>
    <Paragraph Type="Action"><Text>by Someone</Text></Paragraph>
  </Content></TitlePage>
</FinalDraft>`

describe('Final Draft FDX parser', () => {
  it('reads scenes, numbers, typed paragraphs, styled runs and entities', () => {
    const sp = parseFdx(FDX)
    expect(sp.title).toBe('Radio Days')
    expect(
      sp.scenes.map((s) => [s.heading.sceneNumber, s.heading.setting, s.heading.location, s.heading.timeOfDay]),
    ).toEqual([
      ['1', 'INT', 'RADIO STUDIO', 'NIGHT'],
      [null, 'EXT', 'PARKING LOT', 'CONTINUOUS'],
    ])
    const studio = sp.scenes[0]
    expect(studio?.elements.map((e) => e.kind)).toEqual([
      'action',
      'character',
      'parenthetical',
      'dialogue',
      'character',
      'dialogue',
      'character',
      'dialogue',
      'transition',
    ])
    expect(studio?.elements[0]?.text).toBe('The ON AIR sign glows. Red.')
    expect(studio?.elements[3]?.text).toBe('Rock & roll, “live” <ish>.')
    expect(studio?.elements[7]?.text).toBe('Because <reasons>.')
    expect(studio?.characters).toEqual(['DJ', 'DAVE', 'KAY'])
    expect(studio?.elements.find((e) => e.character === 'KAY')?.dual).toBe(true)
    expect(sp.scenes[1]?.elements).toMatchObject([{ kind: 'action', text: 'CLOSE ON the keys.' }])
  })

  it('is detected from the FinalDraft root element', () => {
    expect(detectScreenplayFormat(FDX)).toBe('fdx')
    expect(detectScreenplayFormat('anything', 'draft.FDX')).toBe('fdx')
  })

  it('still reads a truncated file up to where it breaks off', () => {
    const cut = FDX.slice(0, FDX.indexOf('<Paragraph Type="Transition">') + 40)
    const sp = parseFdx(cut)
    expect(sp.scenes[0]?.characters).toEqual(['DJ', 'DAVE', 'KAY'])
  })

  it('never throws on arbitrary or damaged XML', () => {
    const damage = fc.tuple(fc.nat(FDX.length), fc.nat(200), fc.string({ maxLength: 20 }))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          damage.map(([at, len, ins]) => FDX.slice(0, at) + ins + FDX.slice(at + len)),
        ),
        (xml) => {
          const sp = parseFdx(xml)
          expect(Array.isArray(sp.scenes)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('refuses markup nested deeper than the bound with XmlTooDeep instead of overflowing the stack', () => {
    const nested = (levels: number) => `<FinalDraft><Content>${'<Paragraph>'.repeat(levels)}</Content></FinalDraft>`
    expect(() => parseFdx(nested(20_000))).toThrow(XmlTooDeep)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * MAX_XML_DEPTH }), (levels) => {
        // FinalDraft and Content take two levels of the budget.
        const deep = levels + 2 > MAX_XML_DEPTH
        if (deep) expect(() => parseFdx(nested(levels))).toThrow(XmlTooDeep)
        else expect(parseFdx(nested(levels)).format).toBe('fdx')
      }),
    )
  })

  it('reads written FDX back to the same scenes and elements, one paragraph per element', () => {
    fc.assert(
      fc.property(screenplayModel, (model) => {
        const sp = parseFdx(toFdx(model))
        expect(withoutPositions({ ...sp, format: 'fountain' })).toEqual(withoutPositions(model))
        const units = sp.scenes.flatMap((s) => [...s.heading.lines, ...s.elements.flatMap((e) => e.lines)])
        expect(new Set(units).size).toBe(units.length)
      }),
      { numRuns: 200 },
    )
  })
})
