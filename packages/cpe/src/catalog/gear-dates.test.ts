// Every dated gear record (camera, lens, film stock, light source) carries its announcement and
// first-delivery years, its end of use where it has one, and the source its dates come from.
// Read from the raw data files with a schema of this test's own, so the catalog schema cannot
// quietly loosen what is required.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import camerasJson from '../../data/cameras.json'
import filmStocksJson from '../../data/film-stocks.json'
import lensesJson from '../../data/lenses.json'
import lightSourcesJson from '../../data/light-sources.json'

const Year = z.number().int().min(1880).max(2100)
const DatedRecord = z.looseObject({
  id: z.string(),
  availability: z
    .object({
      from: Year,
      firstDelivery: Year,
      to: Year.nullable(),
      source: z
        .object({
          title: z.string().min(10),
          url: z.string().url().optional(),
          verified: z.boolean(),
          note: z.string().min(10).optional(),
        })
        .strict(),
    })
    .strict(),
})
type DatedRecord = z.infer<typeof DatedRecord>

const files = {
  cameras: camerasJson,
  lenses: lensesJson,
  'film-stocks': filmStocksJson,
  'light-sources': lightSourcesJson,
}
const records: Record<string, DatedRecord[]> = Object.fromEntries(
  Object.entries(files).map(([file, json]) => [file, z.array(DatedRecord).parse(json)]),
)
const dates = (file: string, id: string) => {
  const found = records[file]?.find((r) => r.id === id)
  if (found === undefined) throw new Error(`no ${file} record ${id}`)
  return found.availability
}

describe('dated gear records', () => {
  it.each(Object.keys(files))('in %s all carry announcement, first delivery, end of use and a source', (file) => {
    expect(records[file]?.length).toBeGreaterThan(40)
  })

  it('are delivered no earlier than announced, and retired no earlier than delivered', () => {
    for (const [file, list] of Object.entries(records))
      for (const { id, availability: a } of list) {
        expect(a.firstDelivery, `${file} ${id}`).toBeGreaterThanOrEqual(a.from)
        if (a.to !== null) expect(a.to, `${file} ${id}`).toBeGreaterThanOrEqual(a.firstDelivery)
      }
  })

  it('say, for every date still unchecked, what was searched without finding a source', () => {
    for (const list of Object.values(records))
      for (const { id, availability: a } of list)
        if (!a.source.verified) expect(a.source.note, id).toMatch(/^Searched .+ for /)
  })

  it('never pass our own research notes off as a checked source', () => {
    for (const list of Object.values(records))
      for (const { id, availability: a } of list)
        if (a.source.verified) expect(a.source.title, id).not.toMatch(/AIPipeline research notes/)
  })
})

describe('corrected records', () => {
  it('date cameras from their announcement, not their first delivery', () => {
    expect(dates('cameras', 'red-one')).toMatchObject({ from: 2006, firstDelivery: 2007 })
    expect(dates('cameras', 'sony-venice')).toMatchObject({ from: 2017, firstDelivery: 2018 })
    expect(dates('cameras', 'sony-venice-2')).toMatchObject({ from: 2021, firstDelivery: 2022 })
    expect(dates('cameras', 'sony-f65')).toMatchObject({ from: 2011, firstDelivery: 2012 })
    expect(dates('cameras', 'canon-eos-c300')).toMatchObject({ from: 2011, firstDelivery: 2012 })
    expect(dates('cameras', 'arri-alexa-265')).toMatchObject({ from: 2024, firstDelivery: 2025 })
  })

  it('give lights that sets stopped using an end year', () => {
    expect(dates('light-sources', 'carbon-arc')).toMatchObject({ from: 1910, to: 1995 })
    expect(dates('light-sources', 'hmi')).toMatchObject({ from: 1969, firstDelivery: 1972, to: null })
  })

  it('cite the announcement they were checked against', () => {
    const red = dates('cameras', 'red-one').source
    expect(red).toMatchObject({
      verified: true,
      url: 'https://www.tvtechnology.com/news/red-4k-camera-makes-initial-shipment',
    })
    expect(dates('film-stocks', 'kodak-ektachrome-100d-7294')).toMatchObject({ from: 2017, firstDelivery: 2019 })
  })

  it('date gear from the launch the trade press reported, not a later year', () => {
    expect(dates('cameras', 'thomson-viper-filmstream')).toMatchObject({ from: 2002 })
    expect(dates('film-stocks', 'kodak-vision-800t-5289')).toMatchObject({ from: 1998, firstDelivery: 1998 })
    expect(dates('film-stocks', 'fujifilm-eterna-vivid-500')).toMatchObject({
      from: 2009,
      firstDelivery: 2009,
      to: 2013,
    })
    expect(dates('cameras', 'red-epic-mx')).toMatchObject({ from: 2008, firstDelivery: 2011 })
    expect(dates('light-sources', 'balloon-light')).toMatchObject({ from: 1994, firstDelivery: 1995 })
    expect(dates('cameras', 'beaulieu-r16')).toMatchObject({ from: 1958 })
    expect(dates('cameras', 'beaulieu-4008-zm')).toMatchObject({ from: 1969 })
    expect(dates('light-sources', 'cooper-hewitt-mercury-vapour')).toMatchObject({ from: 1904, firstDelivery: 1904 })
    expect(dates('cameras', 'bell-howell-2709')).toMatchObject({ from: 1911, firstDelivery: 1912 })
    expect(dates('cameras', 'pathe-professional')).toMatchObject({ from: 1908, firstDelivery: 1910 })
    expect(dates('lenses', 'bausch-lomb-super-baltar')).toMatchObject({ from: 1967 })
    expect(dates('cameras', 'bell-howell-eyemo')).toMatchObject({ from: 1926 })
    expect(dates('cameras', 'phantom-flex4k')).toMatchObject({ from: 2013, firstDelivery: 2014 })
    expect(dates('lenses', 'leica-summicron-c')).toMatchObject({ from: 2013, firstDelivery: 2014 })
    expect(dates('light-sources', 'car-headlight-incandescent')).toMatchObject({ from: 1939, firstDelivery: 1940 })
    for (const [file, id] of [
      ['lenses', 'panavision-apo-panatar'],
      ['cameras', 'bell-howell-eyemo'],
      ['cameras', 'phantom-flex4k'],
      ['lenses', 'leica-summicron-c'],
      ['light-sources', 'car-headlight-incandescent'],
      ['lenses', 'bausch-lomb-super-baltar'],
      ['cameras', 'pathe-professional'],
      ['cameras', 'bell-howell-2709'],
      ['light-sources', 'cooper-hewitt-mercury-vapour'],
      ['cameras', 'beaulieu-r16'],
      ['cameras', 'red-epic-mx'],
      ['light-sources', 'balloon-light'],
      ['cameras', 'thomson-viper-filmstream'],
      ['film-stocks', 'kodak-vision-800t-5289'],
      ['film-stocks', 'fujifilm-eterna-vivid-500'],
    ] as const)
      expect(dates(file, id).source.verified, id).toBe(true)
  })
})
