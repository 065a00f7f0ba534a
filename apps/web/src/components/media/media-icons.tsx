// The player's and viewer's controls, drawn inline like the shell's icons (no icon set installed).
import { LineIcon, lineIconSvg } from './line-icon'
export const PlayIcon = () => (
  <LineIcon>
    <path d="M7 4l13 8-13 8z" fill="currentColor" />
  </LineIcon>
)

export const PauseIcon = () => (
  <LineIcon>
    <path d="M7 4v16M17 4v16" strokeWidth={4} />
  </LineIcon>
)

export const StepBackIcon = () => (
  <LineIcon>
    <path d="M6 5v14M19 5l-9 7 9 7z" />
  </LineIcon>
)

export const StepForwardIcon = () => (
  <LineIcon>
    <path d="M18 5v14M5 5l9 7-9 7z" />
  </LineIcon>
)

export function ChevronIcon({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg {...lineIconSvg} width={22} height={22} aria-hidden>
      <path d={direction === 'left' ? 'M15 5l-7 7 7 7' : 'M9 5l7 7-7 7'} />
    </svg>
  )
}

export const ExpandIcon = () => (
  <LineIcon>
    <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
  </LineIcon>
)
