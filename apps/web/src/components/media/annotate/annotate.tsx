// Minimal stand-in for the drawing layer and its toolbar (the real ones replace this file).
import type { Annotation, AnnotationOp } from '@aipipeline/contracts'

export type AnnotationTool = 'pen' | 'line' | 'arrow' | 'rect' | 'ellipse' | 'text' | 'select'

export interface AnnotationLayerProps {
  width: number
  height: number
  frame: number
  annotations: Annotation[]
  ghosting: { before: number; after: number } | null
  tool: AnnotationTool | null
  style: { color: string; width: number }
  onOps(ops: AnnotationOp[]): void
  authorId: string
  canEditOthers: boolean
}

export function AnnotationLayer(props: AnnotationLayerProps) {
  const shown = props.annotations.filter((a) => a.frame === props.frame)
  return <div data-testid="annotation-layer" data-count={shown.length} style={{ position: 'absolute', inset: 0 }} />
}

export interface AnnotationToolbarProps {
  tool: AnnotationTool | null
  onTool(tool: AnnotationTool | null): void
  style: { color: string; width: number }
  onStyle(style: { color: string; width: number }): void
  ghosting: { before: number; after: number } | null
  onGhosting(ghosting: { before: number; after: number } | null): void
  onClearFrame(): void
  onExport(): void
  disabled?: boolean
}

export function AnnotationToolbar(_props: AnnotationToolbarProps) {
  return <div data-testid="annotation-toolbar" />
}

export async function exportAnnotatedFrame(
  _image: CanvasImageSource,
  _size: { width: number; height: number },
  _annotations: Annotation[],
): Promise<Blob> {
  return new Blob([], { type: 'image/png' })
}
