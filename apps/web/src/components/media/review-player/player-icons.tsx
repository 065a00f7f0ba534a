// The review player's own controls, drawn inline like media-icons.tsx (no icon set installed).
import { LineIcon, lineIconSvg } from '../line-icon'
export const FirstFrameIcon = () => (
  <LineIcon>
    <path d="M6 5v14M19 5l-10 7 10 7z" />
  </LineIcon>
)

export const LastFrameIcon = () => (
  <LineIcon>
    <path d="M18 5v14M5 5l10 7-10 7z" />
  </LineIcon>
)

export const LoopInIcon = () => (
  <LineIcon>
    <path d="M8 4v16M8 4h6M8 20h6" />
  </LineIcon>
)

export const LoopOutIcon = () => (
  <LineIcon>
    <path d="M16 4v16M16 4h-6M16 20h-6" />
  </LineIcon>
)

export const LoopClearIcon = () => (
  <LineIcon>
    <path d="M4 12a8 8 0 0 1 14-5M20 12a8 8 0 0 1-14 5M5 5l14 14" />
  </LineIcon>
)

export function FullscreenIcon({ exit }: { exit: boolean }) {
  return (
    <svg {...lineIconSvg} aria-hidden>
      {exit ? <path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" /> : <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />}
    </svg>
  )
}

export const SafeAreaIcon = () => (
  <LineIcon>
    <rect x="3" y="5" width="18" height="14" rx="1" />
    <rect x="6" y="8" width="12" height="8" strokeDasharray="2 2" />
  </LineIcon>
)

export const AspectMaskIcon = () => (
  <LineIcon>
    <rect x="3" y="5" width="18" height="14" rx="1" />
    <path d="M3 8h18M3 16h18" strokeWidth={3} />
  </LineIcon>
)
