// Every version of the shot's tasks: a strip of thumbnails and the selected one large, images
// shown (click for the full-size viewer) and videos played frame-accurately inline, with the
// version's details below. Files are fetched with the token and shown as blob URLs.
import type { Project } from '@aipipeline/contracts'
import { ActionIcon, Badge, Group, Image, Paper, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { type ReactNode, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FramePlayer } from '../../../components/media/frame-player'
import { ExpandIcon } from '../../../components/media/media-icons'
import { useLatestVersions } from '../project-queries'
import { togglePick } from './compare-candidates'
import { CompareBar } from './version-compare'
import { VersionDecisionButtons } from './version-decision-buttons'
import { VersionDetails } from './version-details'
import { outputFile, type ShotVersion, useVersionFileUrl, versionLabel } from './version-files'
import { VersionViewer } from './version-viewer'

function Thumb(props: {
  version: ShotVersion
  selected: boolean
  onSelect: () => void
  label: string
  /** Picked for a compare (the strip is in pick mode). */
  picked?: boolean
  /** The task's approved version. */
  approved?: boolean
}) {
  const { t } = useTranslation()
  const { version } = props
  const fileId = version.thumbnailFileId ?? (version.kind === 'image' ? (outputFile(version)?.id ?? null) : null)
  const url = useVersionFileUrl(fileId)
  return (
    <UnstyledButton
      onClick={props.onSelect}
      aria-pressed={props.selected}
      aria-label={props.label}
      data-testid="version-thumb"
      data-version-id={version.id}
      data-picked={props.picked ? 'true' : undefined}
    >
      <Paper
        withBorder
        p={2}
        pos="relative"
        style={{
          outline: props.picked
            ? '2px solid var(--mantine-color-orange-6)'
            : props.selected
              ? '2px solid var(--mantine-color-blue-6)'
              : undefined,
        }}
      >
        {url ? (
          <Image src={url} w={112} h={63} fit="cover" alt="" />
        ) : (
          <div style={{ width: 112, height: 63, background: 'var(--mantine-color-default-hover)' }} />
        )}
        <Text size="xs" ta="center">
          {props.label}
        </Text>
        {props.approved && (
          <Badge size="xs" color="green" pos="absolute" top={4} left={4} data-testid="approved-badge">
            {t('projects.decision.approved')}
          </Badge>
        )}
      </Paper>
    </UnstyledButton>
  )
}

/** The selected version large: a frame player for videos, a clickable picture for images. */
function Stage(props: { version: ShotVersion; project: Project; label: string; onOpen: () => void }) {
  const { t } = useTranslation()
  const { version } = props
  const url = useVersionFileUrl(outputFile(version)?.id ?? null)
  const poster = useVersionFileUrl(version.kind === 'video' ? version.thumbnailFileId : null)
  return (
    // Pictures sit on a dark ground; the player draws its own black frame and keeps its
    // controls on the page's colours so the counter stays readable in both themes.
    <Paper withBorder p={4} bg={version.kind === 'image' ? 'dark.8' : undefined} pos="relative">
      {version.kind === 'video' ? (
        <FramePlayer
          key={version.id}
          src={url}
          poster={poster}
          fps={props.project.fps}
          startFrame={props.project.startFrame}
          label={props.label}
        />
      ) : (
        <UnstyledButton
          onClick={props.onOpen}
          aria-label={t('media.viewer.open')}
          style={{ position: 'relative', display: 'block', aspectRatio: '16 / 9', width: '100%', cursor: 'zoom-in' }}
        >
          {/* Contained in the 16:9 stage whatever the picture's own shape. */}
          {url && (
            <Image
              src={url}
              fit="contain"
              pos="absolute"
              inset={0}
              w="100%"
              h="100%"
              alt={props.label}
              data-testid="version-image"
            />
          )}
        </UnstyledButton>
      )}
      <Tooltip label={t('media.viewer.open')}>
        <ActionIcon
          pos="absolute"
          top={10}
          right={10}
          variant="default"
          aria-label={t('media.viewer.open')}
          onClick={props.onOpen}
          data-testid="open-viewer"
        >
          <ExpandIcon />
        </ActionIcon>
      </Tooltip>
    </Paper>
  )
}

/** The gallery; `taskName` labels versions by their task type; the selection lives in the URL. */
export function VersionsGallery(props: {
  project: Project
  versions: ShotVersion[]
  taskName: (taskId: string) => string
  selectedId: string | null
  onSelect: (versionId: string) => void
  /** Buttons acting on a version (render from it, …), under the stage and in the viewer. */
  actions?: (version: ShotVersion) => ReactNode
}) {
  const { t } = useTranslation()
  const { versions } = props
  const [viewing, setViewing] = useState(false)
  const [picked, setPicked] = useState<string[] | null>(null)
  const latest = useLatestVersions(props.project.id).data
  const approvedIds = new Set([...(latest?.values() ?? [])].flatMap((l) => (l.approved ? [l.approved.versionId] : [])))
  // Without a choice in the URL the newest is shown, and stays shown when newer ones arrive
  // live (they join the strip), so a playing video is not swapped away.
  const shown = useRef<string | null>(null)
  const selected =
    versions.find((v) => v.id === props.selectedId) ??
    versions.find((v) => v.id === shown.current) ??
    versions[0] ??
    null
  shown.current = selected?.id ?? null
  const label = (v: ShotVersion) => versionLabel(v, props.taskName(v.taskId))

  if (versions.length === 0 || !selected)
    return (
      <Paper withBorder p="xl" style={{ borderStyle: 'dashed' }}>
        <Text c="dimmed" ta="center">
          {t('projects.versions.none')}
        </Text>
      </Paper>
    )
  return (
    <Stack gap="xs" data-testid="versions-gallery">
      <Stage version={selected} project={props.project} label={label(selected)} onOpen={() => setViewing(true)} />
      <Group gap="xs">
        <Badge data-testid="selected-version">{label(selected)}</Badge>
        <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1 }} data-testid="version-prompt">
          {selected.provenance.prompt}
        </Text>
        {props.actions?.(selected)}
        <VersionDecisionButtons project={props.project} version={selected} />
      </Group>
      <CompareBar
        project={props.project}
        versions={versions}
        selected={selected}
        picked={picked}
        onPicking={setPicked}
        label={label}
      />
      <ScrollArea type="auto">
        <Group gap="xs" wrap="nowrap" pb={6}>
          {versions.map((v) => (
            <Thumb
              key={v.id}
              version={v}
              selected={v.id === selected.id}
              onSelect={() => (picked === null ? props.onSelect(v.id) : setPicked(togglePick(picked, v.id)))}
              label={label(v)}
              picked={picked?.includes(v.id) ?? false}
              approved={approvedIds.has(v.id)}
            />
          ))}
        </Group>
      </ScrollArea>
      <VersionDetails project={props.project} version={selected} label={label(selected)} taskName={props.taskName} />
      {viewing && (
        <VersionViewer
          project={props.project}
          versions={versions}
          current={selected}
          label={label}
          onSelect={props.onSelect}
          onClose={() => setViewing(false)}
          actions={props.actions}
        />
      )}
    </Stack>
  )
}
