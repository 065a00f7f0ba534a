// A note's frame reference as the viewer reads it and as the composer builds it. Stored frames
// are 0-based media indices; people read project frame numbers (start frame + index).

export interface FrameRef {
  start: number
  end: number
}

/** "1012" for one frame, "1012–1020" for a range (project frame numbers). */
export function frameRefLabel(frames: FrameRef, startFrame: number): string {
  const first = startFrame + frames.start
  return frames.end === frames.start ? String(first) : `${first}–${startFrame + frames.end}`
}

/** What the composer attaches: nothing, the frame on screen, or the marked range. */
export type FrameChoice =
  | { kind: 'none' }
  | { kind: 'frame'; frame: number }
  | { kind: 'range'; in: number; out: number }

/** The note's `frames` for a choice; a range marked backwards is put the right way round. */
export function framesOfChoice(choice: FrameChoice): FrameRef | undefined {
  switch (choice.kind) {
    case 'none':
      return undefined
    case 'frame':
      return { start: choice.frame, end: choice.frame }
    case 'range':
      return { start: Math.min(choice.in, choice.out), end: Math.max(choice.in, choice.out) }
  }
}
