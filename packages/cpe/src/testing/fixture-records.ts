// Helpers shared by the fixture record modules.
export const sourced = { sources: [{ title: 'Test fixture' }], confidence: 'low' as const }

/**
 * Availability for any fixture record. Gear (cameras, lenses, stocks, lights) also carries its
 * first-delivery year and a date source; the other kinds ignore those fields.
 */
export const since = (from: number, to: number | null = null, firstDelivery: number = from) => ({
  availability: { from, firstDelivery, to, source: { title: 'Test fixture', verified: false } },
})
