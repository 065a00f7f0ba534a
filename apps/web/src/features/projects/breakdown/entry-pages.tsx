// A character's and an asset's own page: what it is, its reference images, the shots it
// appears on (links), and editing for the roles that edit the breakdown.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Image,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { Link, useNavigate } from '@tanstack/react-router'
import type { TFunction } from 'i18next'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../api/api-error'
import { apiErrorText } from '../../../api/error-text'
import { useProject } from '../project-queries'
import { useAsset, useBreakdownEdits, useCharacter } from './breakdown-queries'
import { editsBreakdown, viewableImages } from './breakdown-rules'
import { EditAssetDialog, EditCharacterDialog } from './entry-edit-dialogs'
import { LinkedShots } from './linked-shots'

function Frame(props: {
  projectId: string
  title: string
  badge: string
  canEdit: boolean
  onEdit: () => void
  onDelete: () => Promise<void>
  children: ReactNode
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [confirming, setConfirming] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const remove = () => {
    setDeleting(true)
    props
      .onDelete()
      .then(() => navigate({ to: '/projects/$projectId/breakdown', params: { projectId: props.projectId } }))
      .catch((e: unknown) => setError(e))
      .finally(() => setDeleting(false))
  }
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Anchor
          size="sm"
          renderRoot={(p) => (
            <Link to="/projects/$projectId/breakdown" params={{ projectId: props.projectId }} {...p} />
          )}
        >
          {t('breakdown.detail.back')}
        </Anchor>
      </Group>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3} data-testid="entry-name">
            {props.title}
          </Title>
          <Badge variant="light">{props.badge}</Badge>
        </Group>
        {props.canEdit && (
          <Group gap="xs">
            <Button variant="default" onClick={props.onEdit}>
              {t('breakdown.edit.open')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
              {t('breakdown.delete.open')}
            </Button>
          </Group>
        )}
      </Group>
      {props.children}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('breakdown.delete.title', { name: props.title })}
      >
        <Stack gap="sm">
          <Text size="sm">{t('breakdown.delete.text', { name: props.title })}</Text>
          {error !== null && (
            <Text size="sm" c="red" role="alert">
              {apiErrorText(error, t)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('breakdown.edit.cancel')}
            </Button>
            <Button color="red" loading={deleting} onClick={remove}>
              {t('breakdown.delete.open')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  )
}

function failure(error: unknown, t: TFunction) {
  const missing = error instanceof ApiError && error.status === 404
  return (
    <Alert color="red" variant="light">
      {missing ? t('breakdown.detail.notFound') : apiErrorText(error, t)}
    </Alert>
  )
}

export function CharacterPage({ projectId, characterId }: { projectId: string; characterId: string }) {
  const { t } = useTranslation()
  const project = useProject(projectId).data
  const detail = useCharacter(projectId, characterId)
  const { deleteCharacter } = useBreakdownEdits(projectId)
  const [editing, setEditing] = useState(false)
  if (detail.isError) return failure(detail.error, t)
  if (!detail.data || !project) return <Loader aria-label={t('app.loading')} />
  const { character: c, shots } = detail.data
  const images = viewableImages(c.referenceImages)
  return (
    <Frame
      projectId={projectId}
      title={c.name}
      badge={t('breakdown.detail.character')}
      canEdit={editsBreakdown(project)}
      onEdit={() => setEditing(true)}
      onDelete={() => deleteCharacter.mutateAsync(characterId)}
    >
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Fact label={t('breakdown.detail.description')}>{c.description || t('breakdown.detail.none')}</Fact>
          <Fact label={t('breakdown.detail.triggerWords')}>
            {c.triggerWords.length > 0 ? c.triggerWords.join(', ') : t('breakdown.detail.none')}
          </Fact>
          <Fact label={t('breakdown.detail.lora')}>{c.loraName ?? t('breakdown.detail.none')}</Fact>
          {images.length > 0 && (
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {images.map((src) => (
                <Image key={src} src={src} alt={c.name} radius="sm" h={140} fit="cover" />
              ))}
            </SimpleGrid>
          )}
          {c.referenceImages.length > images.length && (
            <Fact label={t('breakdown.detail.referenceImages')}>
              {c.referenceImages.filter((r) => !images.includes(r)).join('\n')}
            </Fact>
          )}
        </Stack>
      </Paper>
      <Title order={4}>{t('breakdown.detail.shots', { count: shots.length })}</Title>
      <LinkedShots projectId={projectId} shots={shots} />
      {editing && <EditCharacterDialog projectId={projectId} character={c} onClose={() => setEditing(false)} />}
    </Frame>
  )
}

export function AssetPage({ projectId, assetId }: { projectId: string; assetId: string }) {
  const { t } = useTranslation()
  const project = useProject(projectId).data
  const detail = useAsset(projectId, assetId)
  const { deleteAsset } = useBreakdownEdits(projectId)
  const [editing, setEditing] = useState(false)
  if (detail.isError) return failure(detail.error, t)
  if (!detail.data || !project) return <Loader aria-label={t('app.loading')} />
  const { asset: a, shots } = detail.data
  return (
    <Frame
      projectId={projectId}
      title={a.name}
      badge={t(`breakdown.kinds.${a.kind}`)}
      canEdit={editsBreakdown(project)}
      onEdit={() => setEditing(true)}
      onDelete={() => deleteAsset.mutateAsync(assetId)}
    >
      <Paper withBorder p="md">
        <Fact label={t('breakdown.detail.description')}>{a.description || t('breakdown.detail.none')}</Fact>
      </Paper>
      <Title order={4}>{t('breakdown.detail.shots', { count: shots.length })}</Title>
      <LinkedShots projectId={projectId} shots={shots} />
      {editing && <EditAssetDialog projectId={projectId} asset={a} onClose={() => setEditing(false)} />}
    </Frame>
  )
}
