// Inputs that hold codes, keys and templates show their value in a monospace font (only the
// value: labels and descriptions keep the interface font).
export const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } as const
