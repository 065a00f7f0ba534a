// Every version of the shot's tasks: a strip of thumbnails and the selected one large,
// images shown and videos played (files fetched with the token, shown as blob URLs).
import type { Version } from '@aipipeline/contracts'
import { Badge, Group, Image, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useAuthedFileUrl, versionFilePath } from '../authed-file'
import { VersionLineage } from './version-lineage'

type V = z.infer<typeof Version>

/** A blob URL for a version file (null while loading or without a file). */
function useBlobUrl(fileId: string | null): string | null {
  return useAuthedFileUrl(fileId === null ? null : versionFilePath(fileId))
}

function output(version: V) {
  return version.files.find((f) => f.role === 'output') ?? version.files[0] ?? null
}

function Thumb({
  version,
  selected,
  onSelect,
  label,
}: {
  version: V
  selected: boolean
  onSelect: () => void
  label: string
}) {
  const fileId = version.thumbnailFileId ?? output(version)?.id ?? null
  const url = useBlobUrl(version.kind === 'image' || version.thumbnailFileId ? fileId : null)
  return (
    <UnstyledButton onClick={onSelect} aria-pressed={selected} aria-label={label}>
      <Paper withBorder p={2} style={{ outline: selected ? '2px solid var(--mantine-color-blue-6)' : undefined }}>
        {url ? <Image src={url} w={112} h={63} fit="cover" alt="" /> : <div style={{ width: 112, height: 63 }} />}
        <Text size="xs" ta="center">
          {label}
        </Text>
      </Paper>
    </UnstyledButton>
  )
}

/** The gallery; `taskName` labels versions by their task type. */
export function VersionsGallery({ versions, taskName }: { versions: V[]; taskName: (taskId: string) => string }) {
  const { t } = useTranslation()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = versions.find((v) => v.id === selectedId) ?? versions[0] ?? null
  const file = selected ? output(selected) : null
  const url = useBlobUrl(file?.id ?? null)
  const label = (v: V) => `${taskName(v.taskId)} v${String(v.number).padStart(3, '0')}`

  if (versions.length === 0)
    return (
      <Paper withBorder p="xl" style={{ borderStyle: 'dashed' }}>
        <Text c="dimmed" ta="center">
          {t('projects.versions.none')}
        </Text>
      </Paper>
    )
  return (
    <Stack gap="xs">
      <Paper withBorder p={4} bg="dark.8" style={{ aspectRatio: '16 / 9', display: 'grid', placeItems: 'center' }}>
        {url && selected?.kind === 'video' && (
          // biome-ignore lint/a11y/useMediaCaption: renders have no dialogue to caption
          <video src={url} controls loop style={{ maxWidth: '100%', maxHeight: '100%' }} data-testid="version-video" />
        )}
        {url && selected?.kind === 'image' && (
          <Image src={url} fit="contain" mah="100%" alt={label(selected)} data-testid="version-image" />
        )}
      </Paper>
      {selected && (
        <Group gap="xs">
          <Badge>{label(selected)}</Badge>
          {selected.provenance.model && (
            <Badge variant="light" data-testid="version-model">
              {selected.provenance.model}
            </Badge>
          )}
          {selected.provenance.seed !== null && (
            <Badge variant="light" color="gray" data-testid="version-seed">
              {t('projects.versions.seed', { seed: selected.provenance.seed })}
            </Badge>
          )}
          <Text size="xs" c="dimmed" lineClamp={2} style={{ flex: 1 }} data-testid="version-prompt">
            {selected.provenance.prompt}
          </Text>
        </Group>
      )}
      {selected && <VersionLineage versionId={selected.id} taskName={taskName} />}
      <ScrollArea type="auto">
        <Group gap="xs" wrap="nowrap" pb={6}>
          {versions.map((v) => (
            <Thumb
              key={v.id}
              version={v}
              selected={v.id === selected?.id}
              onSelect={() => setSelectedId(v.id)}
              label={label(v)}
            />
          ))}
        </Group>
      </ScrollArea>
    </Stack>
  )
}
