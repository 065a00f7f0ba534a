// The drawing tools' icons, inline like the player's (no icon set installed).
import { LineIcon, lineIconSvg } from '../line-icon'
import type { AnnotationTool } from './annotation-draft'

const PATHS: Record<AnnotationTool, string> = {
  select: 'M5 3l14 8-6 2-2 6z',
  pen: 'M4 20c3-1 4-6 7-9s6-5 9-7',
  line: 'M5 19L19 5',
  arrow: 'M5 19L19 5M10 5h9v9',
  rect: 'M4 6h16v12H4z',
  ellipse: 'M12 5c5 0 9 3 9 7s-4 7-9 7-9-3-9-7 4-7 9-7z',
  text: 'M5 6V4h14v2M12 4v16M9 20h6',
}

export function ToolIcon({ tool }: { tool: AnnotationTool }) {
  return (
    <svg {...lineIconSvg} aria-hidden>
      <path d={PATHS[tool]} />
    </svg>
  )
}

export const GhostIcon = () => (
  <LineIcon>
    <path d="M6 20V10a6 6 0 0112 0v10l-3-2-3 2-3-2z" />
    <path d="M10 11h.01M14 11h.01" />
  </LineIcon>
)

export const EraseMineIcon = () => (
  <LineIcon>
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
  </LineIcon>
)

export const ExportIcon = () => (
  <LineIcon>
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </LineIcon>
)
