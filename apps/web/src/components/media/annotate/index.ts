export type { AnnotationLayerProps, AnnotationToolbarProps } from './annotate'
export { AnnotationLayer, type AnnotationTool, AnnotationToolbar, exportAnnotatedFrame } from './annotate'
