// The media controls' icons, drawn inline like the shell's (no icon set installed): one outline
// style for every icon, so an icon is only its strokes.
import type { ReactNode } from 'react'

/** The outline style, for an icon drawn at another size. */
export const lineIconSvg = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const

/** An icon in the shared outline style; its children are the strokes. */
export function LineIcon({ children }: { children: ReactNode }) {
  return (
    <svg {...lineIconSvg} aria-hidden>
      {children}
    </svg>
  )
}
