// The player's and viewer's controls, drawn inline like the shell's icons (no icon set installed).
const svg = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const

export function PlayIcon() {
  return (
    <svg {...svg} aria-hidden>
      <path d="M7 4l13 8-13 8z" fill="currentColor" />
    </svg>
  )
}

export function PauseIcon() {
  return (
    <svg {...svg} aria-hidden>
      <path d="M7 4v16M17 4v16" strokeWidth={4} />
    </svg>
  )
}

export function StepBackIcon() {
  return (
    <svg {...svg} aria-hidden>
      <path d="M6 5v14M19 5l-9 7 9 7z" />
    </svg>
  )
}

export function StepForwardIcon() {
  return (
    <svg {...svg} aria-hidden>
      <path d="M18 5v14M5 5l9 7-9 7z" />
    </svg>
  )
}

export function ChevronIcon({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg {...svg} width={22} height={22} aria-hidden>
      <path d={direction === 'left' ? 'M15 5l-7 7 7 7' : 'M9 5l7 7-7 7'} />
    </svg>
  )
}

export function ExpandIcon() {
  return (
    <svg {...svg} aria-hidden>
      <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
    </svg>
  )
}
