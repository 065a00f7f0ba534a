// The centre of the review page: the player on the version on screen (and its comparison),
// the drawing layer over the picture, the drawing toolbar for those who may draw, and the
// compare picker for staff. Everything it plays is the session's shared playback.
import type { AnnotationOp, PlaylistDetail, ReviewVersion, RoomPlayback } from '@aipipeline/contracts'
import { Box, Center, Loader, Stack, Text } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../api/api-context'
import { revokeLater } from '../../../api/authed-file'
import {
  AnnotationLayer,
  type AnnotationTool,
  AnnotationToolbar,
  clearMineOps,
  DEFAULT_GHOSTING,
  exportAnnotatedFrame,
} from '../../../components/media/annotate'
import { type PlayerView, ReviewPlayer, type ReviewPlayerHandle } from '../../../components/media/review-player'
import { ComparePicker } from './compare-picker'
import { useReviewMedia } from './review-media'
import { useVersionAnnotations } from './review-session-queries'

interface Props {
  detail: PlaylistDetail
  version: ReviewVersion
  /** The task's versions the viewer may see (the compare choices). */
  versions: readonly ReviewVersion[]
  label: string
  playback: RoomPlayback
  onPlayback(next: RoomPlayback): void
  /** May pick versions to compare (staff; never clients or guests). */
  canCompare: boolean
  selfId: string
  draw(versionId: string, ops: AnnotationOp[]): Promise<unknown>
}

const DEFAULT_STYLE = { color: '#ff3b30', width: 0.004 }

export function ReviewStage({
  detail,
  version,
  versions,
  label,
  playback,
  onPlayback,
  canCompare,
  selfId,
  draw,
}: Props) {
  const { t } = useTranslation()
  const playlistId = detail.playlist.id
  const player = useRef<ReviewPlayerHandle>(null)
  const [tool, setTool] = useState<AnnotationTool | null>(null)
  const [style, setStyle] = useState(DEFAULT_STYLE)
  const [ghosting, setGhosting] = useState(false)
  const [guides, setGuides] = useState<Pick<PlayerView, 'safeArea' | 'aspectMask'>>({
    safeArea: false,
    aspectMask: detail.project.aspectRatio,
  })
  const media = useReviewMedia(playlistId, version)
  // Only a version this viewer may see is compared (a client never gets an internal one).
  const versionB =
    playback.compare.mode === 'off' ? null : (versions.find((v) => v.id === playback.compare.versionId) ?? null)
  const mediaB = useReviewMedia(playlistId, versionB)
  const annotations = useVersionAnnotations(playlistId, version.id).data ?? []
  const sessionUser = useSession()?.user.id
  const authorId = sessionUser ?? selfId
  const onFrame = annotations.filter((a) => a.frame === playback.frame)

  if (!media)
    return (
      <Center mih={240}>
        <Text c="dimmed">{t('reviewSession.noVersion')}</Text>
      </Center>
    )
  if (media.src === null)
    return (
      <Center mih={240}>
        <Stack align="center" gap={4}>
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('reviewSession.mediaLoading')}
          </Text>
        </Stack>
      </Center>
    )

  const exportFrame = async () => {
    const image = await player.current?.captureFrame()
    if (!image) return
    const blob = await exportAnnotatedFrame(image.image, { width: image.width, height: image.height }, onFrame)
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = `${label.replace(/[^\p{L}\p{N}_.-]+/gu, '_')}_${detail.project.startFrame + playback.frame}.png`
    link.click()
    revokeLater(url)
  }

  return (
    <Stack gap="xs">
      {canCompare && (
        <ComparePicker
          versions={versions}
          currentId={version.id}
          compare={playback.compare}
          onCompare={(compare) => onPlayback({ ...playback, compare })}
        />
      )}
      {/* The player fills its box: the picture gets most of the window, the notes stay beside it. */}
      <Box style={{ height: 'min(64vh, 760px)', minHeight: 300 }}>
        <ReviewPlayer
          ref={player}
          media={media}
          compare={
            versionB && mediaB && playback.compare.mode !== 'off'
              ? {
                  mode: playback.compare.mode,
                  media: mediaB,
                  wipe: playback.compare.wipe,
                  opacity: playback.compare.opacity,
                }
              : null
          }
          onCompareChange={(c) =>
            onPlayback({ ...playback, compare: { ...playback.compare, wipe: c.wipe, opacity: c.opacity } })
          }
          fps={detail.project.fps}
          startFrame={detail.project.startFrame}
          playback={{ frame: playback.frame, playing: playback.playing, speed: playback.speed, loop: playback.loop }}
          onPlayback={(p) => onPlayback({ ...playback, ...p })}
          view={{ zoom: playback.zoom, ...guides }}
          onView={(v) => {
            setGuides({ safeArea: v.safeArea, aspectMask: v.aspectMask })
            onPlayback({ ...playback, zoom: v.zoom })
          }}
          keyboard
          label={label}
          renderOverlay={(box) => (
            <AnnotationLayer
              width={box.width}
              height={box.height}
              frame={box.frame}
              annotations={annotations}
              ghosting={ghosting ? DEFAULT_GHOSTING : null}
              tool={detail.can.draw ? tool : null}
              style={style}
              onOps={(ops) => void draw(version.id, ops)}
              authorId={authorId}
              canEditOthers={detail.can.edit}
            />
          )}
        />
      </Box>
      <AnnotationToolbar
        tool={tool}
        onTool={setTool}
        style={style}
        onStyle={setStyle}
        ghosting={ghosting}
        onGhosting={setGhosting}
        canDraw={detail.can.draw}
        onClearMine={() => {
          const ops = clearMineOps(annotations, playback.frame, authorId)
          if (ops.length > 0) void draw(version.id, ops)
        }}
        onExport={() => void exportFrame()}
      />
    </Stack>
  )
}
