// Helpers shared by the fixture record modules.
export const sourced = { sources: [{ title: 'Test fixture' }], confidence: 'low' as const }
export const since = (from: number, to: number | null = null) => ({ availability: { from, to } })
