// The drawing toolbar: tool, colour (swatches and a picker), stroke width, ghosting of
// neighbouring frames, erase my drawings on this frame, and export of the frame as a PNG.
import { ActionIcon, ColorInput, ColorSwatch, Group, Slider, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ANNOTATION_TOOLS, type AnnotationStyle, type AnnotationTool } from './annotation-draft'
import { EraseMineIcon, ExportIcon, GhostIcon, ToolIcon } from './annotation-icons'

/** Reviewers' usual marker colours; the picker takes any other. */
export const ANNOTATION_SWATCHES = ['#ff3b30', '#ffcc00', '#34c759', '#0a84ff', '#bf5af2', '#ffffff', '#000000']
/** Stroke width bounds as fractions of the picture's width (the contract allows 0.0005..0.1). */
export const MIN_STROKE = 0.001
export const MAX_STROKE = 0.02

export interface AnnotationToolbarProps {
  tool: AnnotationTool | null
  onTool: (tool: AnnotationTool | null) => void
  style: AnnotationStyle
  onStyle: (style: AnnotationStyle) => void
  ghosting: boolean
  onGhosting: (on: boolean) => void
  /** Removes the caller's own drawings on the current frame; hidden when absent. */
  onClearMine?: () => void
  /** Exports the current frame with its drawings; hidden when absent. */
  onExport?: () => void
  /** Whether the caller may draw here: without it only ghosting and export show. */
  canDraw: boolean
}

export function AnnotationToolbar(props: AnnotationToolbarProps) {
  const { tool, onTool, style, onStyle, ghosting, onGhosting, onClearMine, onExport, canDraw } = props
  const { t } = useTranslation()
  return (
    <Group gap={6} wrap="wrap" data-testid="annotation-toolbar">
      {canDraw && (
        <>
          <ActionIcon.Group>
            {ANNOTATION_TOOLS.map((name) => (
              <Tooltip key={name} label={t(`annotate.tool.${name}`)}>
                <ActionIcon
                  data-testid={`annotation-tool-${name}`}
                  aria-label={t(`annotate.tool.${name}`)}
                  aria-pressed={tool === name}
                  variant={tool === name ? 'filled' : 'default'}
                  onClick={() => onTool(tool === name ? null : name)}
                >
                  <ToolIcon tool={name} />
                </ActionIcon>
              </Tooltip>
            ))}
          </ActionIcon.Group>
          <Group gap={4}>
            {ANNOTATION_SWATCHES.map((c) => (
              <ColorSwatch
                key={c}
                component="button"
                type="button"
                color={c}
                size={18}
                aria-label={t('annotate.swatch', { color: c })}
                style={{
                  cursor: 'pointer',
                  outline: c === style.color ? '2px solid var(--mantine-color-blue-5)' : 'none',
                }}
                onClick={() => onStyle({ ...style, color: c })}
              />
            ))}
          </Group>
          <ColorInput
            data-testid="annotation-color"
            size="xs"
            w={110}
            format="hex"
            aria-label={t('annotate.color')}
            value={style.color}
            onChange={(value) => {
              if (/^#[0-9a-fA-F]{6}$/.test(value)) onStyle({ ...style, color: value.toLowerCase() })
            }}
          />
          <Slider
            data-testid="annotation-width"
            w={110}
            min={MIN_STROKE}
            max={MAX_STROKE}
            step={0.0005}
            label={(v) => t('annotate.widthValue', { value: (v * 1000).toFixed(1) })}
            aria-label={t('annotate.width')}
            value={style.width}
            onChange={(width) => onStyle({ ...style, width })}
          />
        </>
      )}
      <Tooltip label={t('annotate.ghosting')}>
        <ActionIcon
          data-testid="annotation-ghosting"
          aria-label={t('annotate.ghosting')}
          aria-pressed={ghosting}
          variant={ghosting ? 'filled' : 'default'}
          onClick={() => onGhosting(!ghosting)}
        >
          <GhostIcon />
        </ActionIcon>
      </Tooltip>
      {canDraw && onClearMine && (
        <Tooltip label={t('annotate.clearMine')}>
          <ActionIcon
            data-testid="annotation-clear-mine"
            aria-label={t('annotate.clearMine')}
            variant="default"
            onClick={onClearMine}
          >
            <EraseMineIcon />
          </ActionIcon>
        </Tooltip>
      )}
      {onExport && (
        <Tooltip label={t('annotate.export')}>
          <ActionIcon
            data-testid="annotation-export"
            aria-label={t('annotate.export')}
            variant="default"
            onClick={onExport}
          >
            <ExportIcon />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  )
}
