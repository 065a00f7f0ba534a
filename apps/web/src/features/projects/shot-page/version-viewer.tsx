// A version full size over the page: images zoom and pan, videos play frame by frame; the
// arrow keys (and the side buttons) move to the previous or next version, Esc closes.
import type { Project } from '@aipipeline/contracts'
import { ActionIcon, Group, Modal, Text, Tooltip } from '@mantine/core'
import { type KeyboardEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FramePlayer } from '../../../components/media/frame-player'
import { ChevronIcon } from '../../../components/media/media-icons'
import { ZoomImage } from '../../../components/media/zoom-image'
import { FixRegionButton } from '../../farm/render/fix-region/fix-region-button'
import { VersionDecisionButtons } from './version-decision-buttons'
import { outputFile, type ShotVersion, useVersionFileUrl } from './version-files'

export function VersionViewer(props: {
  project: Project
  versions: ShotVersion[]
  current: ShotVersion
  label: (v: ShotVersion) => string
  onSelect: (versionId: string) => void
  onClose: () => void
  /** Buttons acting on the shown version, in the title bar. */
  actions?: (version: ShotVersion) => ReactNode
}) {
  const { t } = useTranslation()
  const [nestedDialog, setNestedDialog] = useState(false)
  const { versions, current } = props
  const at = versions.findIndex((v) => v.id === current.id)
  const previous = at > 0 ? versions[at - 1] : undefined
  const next = at >= 0 && at < versions.length - 1 ? versions[at + 1] : undefined
  const url = useVersionFileUrl(outputFile(current)?.id ?? null)
  const poster = useVersionFileUrl(current.kind === 'video' ? current.thumbnailFileId : null)
  const [frame, setFrame] = useState(0)

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLElement && e.target.getAttribute('role') === 'slider') return
    const to = e.key === 'ArrowLeft' ? previous : e.key === 'ArrowRight' ? next : undefined
    if (!to) return
    e.preventDefault()
    props.onSelect(to.id)
  }
  const side = (to: ShotVersion | undefined, direction: 'left' | 'right') => (
    <Tooltip label={direction === 'left' ? t('media.viewer.previous') : t('media.viewer.next')}>
      <ActionIcon
        variant="subtle"
        size="xl"
        disabled={!to}
        onClick={() => to && props.onSelect(to.id)}
        aria-label={direction === 'left' ? t('media.viewer.previous') : t('media.viewer.next')}
      >
        <ChevronIcon direction={direction} />
      </ActionIcon>
    </Tooltip>
  )

  return (
    <Modal
      opened
      onClose={props.onClose}
      closeOnEscape={!nestedDialog}
      fullScreen
      title={
        <Group gap="sm">
          <Text fw={600} data-testid="viewer-title">
            {props.label(current)}
          </Text>
          <Text size="sm" c="dimmed">
            {at + 1} / {versions.length}
          </Text>
          {props.actions?.(current)}
          <FixRegionButton
            project={props.project}
            version={current}
            label={props.label(current)}
            onOpenChange={setNestedDialog}
          />
          <VersionDecisionButtons project={props.project} version={current} frame={frame} />
        </Group>
      }
      styles={{ body: { height: 'calc(100dvh - 70px)' } }}
      data-testid="version-viewer"
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys from the image or player inside */}
      <div onKeyDown={onKeyDown} style={{ display: 'flex', height: '100%', gap: 8, alignItems: 'center' }}>
        {side(previous, 'left')}
        <div style={{ flex: 1, height: '100%', minWidth: 0 }}>
          {current.kind === 'video' ? (
            <FramePlayer
              key={current.id}
              src={url}
              poster={poster}
              fps={props.project.fps}
              startFrame={props.project.startFrame}
              label={props.label(current)}
              fill
              autoFocus
              onFrame={setFrame}
            />
          ) : (
            url && <ZoomImage src={url} alt={props.label(current)} />
          )}
        </div>
        {side(next, 'right')}
      </div>
    </Modal>
  )
}
