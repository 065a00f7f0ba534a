// On the shot page: the characters and assets of the shot as links to their pages, and for
// breakdown editors a dialog that picks them from the project's lists.
import type { Project } from '@aipipeline/contracts'
import { Anchor, Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../../api/error-text'
import { useBreakdown } from '../project-queries'
import { useBreakdownEdits, useShotBreakdown } from './breakdown-queries'
import { editsBreakdown } from './breakdown-rules'

export function ShotBreakdownLinks({ project, shotId }: { project: Project; shotId: string }) {
  const { t } = useTranslation()
  const links = useShotBreakdown(shotId)
  const [editing, setEditing] = useState(false)
  const projectId = project.id
  const data = links.data
  if (!data) return null
  const none = data.characters.length === 0 && data.assets.length === 0
  return (
    <Group gap="xs" data-testid="shot-breakdown">
      <Text size="sm" c="dimmed">
        {t('breakdown.shot.characters')}
      </Text>
      {data.characters.length === 0 && <Text size="sm">—</Text>}
      {data.characters.map((c) => (
        <Anchor
          key={c.id}
          size="sm"
          renderRoot={(p) => (
            <Link to="/projects/$projectId/characters/$characterId" params={{ projectId, characterId: c.id }} {...p} />
          )}
        >
          {c.name}
        </Anchor>
      ))}
      <Text size="sm" c="dimmed" ml="md">
        {t('breakdown.shot.assets')}
      </Text>
      {data.assets.length === 0 && <Text size="sm">—</Text>}
      {data.assets.map((a) => (
        <Anchor
          key={a.id}
          size="sm"
          renderRoot={(p) => (
            <Link to="/projects/$projectId/assets/$assetId" params={{ projectId, assetId: a.id }} {...p} />
          )}
        >
          {a.name}
        </Anchor>
      ))}
      {editsBreakdown(project) && (
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
          {none ? t('breakdown.shot.add') : t('breakdown.shot.edit')}
        </Button>
      )}
      {editing && (
        <EditShotLinksDialog
          projectId={projectId}
          shotId={shotId}
          characterIds={data.characters.map((c) => c.id)}
          assetIds={data.assets.map((a) => a.id)}
          onClose={() => setEditing(false)}
        />
      )}
    </Group>
  )
}

function EditShotLinksDialog(props: {
  projectId: string
  shotId: string
  characterIds: string[]
  assetIds: string[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const breakdown = useBreakdown(props.projectId).data
  const { setShotLinks } = useBreakdownEdits(props.projectId)
  const [characterIds, setCharacterIds] = useState(props.characterIds)
  const [assetIds, setAssetIds] = useState(props.assetIds)
  return (
    <Modal opened onClose={props.onClose} title={t('breakdown.shot.editTitle')}>
      <Stack gap="sm">
        <MultiSelect
          label={t('breakdown.shot.characters')}
          data={(breakdown?.characters ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={characterIds}
          onChange={setCharacterIds}
          searchable
          data-autofocus
        />
        <MultiSelect
          label={t('breakdown.shot.assets')}
          data={(breakdown?.assets ?? []).map((a) => ({
            value: a.id,
            label: `${a.name} · ${t(`breakdown.kinds.${a.kind}`)}`,
          }))}
          value={assetIds}
          onChange={setAssetIds}
          searchable
        />
        {setShotLinks.error && (
          <Text size="sm" c="red" role="alert">
            {apiErrorText(setShotLinks.error, t)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('breakdown.edit.cancel')}
          </Button>
          <Button
            loading={setShotLinks.isPending}
            onClick={() =>
              setShotLinks.mutate(
                { shotId: props.shotId, body: { characterIds, assetIds } },
                { onSuccess: props.onClose },
              )
            }
          >
            {t('breakdown.edit.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
