// Editing a character (name, description, trigger words, LoRA, reference images) or an asset
// (kind, name, description), for the roles that edit the breakdown.
import { AssetKind, type Asset as AssetSchema, type Character as CharacterSchema } from '@aipipeline/contracts'
import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { apiErrorText } from '../../../api/error-text'
import { useBreakdownEdits } from './breakdown-queries'
import { wordList } from './breakdown-rules'

type Character = z.infer<typeof CharacterSchema>
type Asset = z.infer<typeof AssetSchema>

function Actions({ pending, onClose }: { pending: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('breakdown.edit.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {t('breakdown.edit.save')}
      </Button>
    </Group>
  )
}

export function EditCharacterDialog(props: { projectId: string; character: Character; onClose: () => void }) {
  const { t } = useTranslation()
  const { updateCharacter } = useBreakdownEdits(props.projectId)
  const c = props.character
  const [name, setName] = useState(c.name)
  const [description, setDescription] = useState(c.description)
  const [triggers, setTriggers] = useState(c.triggerWords.join(', '))
  const [lora, setLora] = useState(c.loraName ?? '')
  const [images, setImages] = useState(c.referenceImages.join('\n'))
  const submit = () => {
    if (name.trim() === '') return
    updateCharacter.mutate(
      {
        id: c.id,
        body: {
          name: name.trim(),
          description,
          triggerWords: wordList(triggers),
          loraName: lora.trim() === '' ? null : lora.trim(),
          referenceImages: images
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== ''),
        },
      },
      { onSuccess: props.onClose },
    )
  }
  return (
    <Modal opened onClose={props.onClose} title={t('breakdown.edit.characterTitle', { name: c.name })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('breakdown.detail.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={name.trim() === '' ? t('breakdown.edit.nameRequired') : null}
            required
            data-autofocus
          />
          <Textarea
            label={t('breakdown.detail.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <TextInput
            label={t('breakdown.detail.triggerWords')}
            description={t('breakdown.edit.triggerHint')}
            value={triggers}
            onChange={(e) => setTriggers(e.currentTarget.value)}
          />
          <TextInput label={t('breakdown.detail.lora')} value={lora} onChange={(e) => setLora(e.currentTarget.value)} />
          <Textarea
            label={t('breakdown.detail.referenceImages')}
            description={t('breakdown.edit.imagesHint')}
            value={images}
            onChange={(e) => setImages(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {updateCharacter.error && (
            <Text size="sm" c="red" role="alert">
              {apiErrorText(updateCharacter.error, t)}
            </Text>
          )}
          <Actions pending={updateCharacter.isPending} onClose={props.onClose} />
        </Stack>
      </form>
    </Modal>
  )
}

export function EditAssetDialog(props: { projectId: string; asset: Asset; onClose: () => void }) {
  const { t } = useTranslation()
  const { updateAsset } = useBreakdownEdits(props.projectId)
  const a = props.asset
  const [name, setName] = useState(a.name)
  const [kind, setKind] = useState(a.kind)
  const [description, setDescription] = useState(a.description)
  return (
    <Modal opened onClose={props.onClose} title={t('breakdown.edit.assetTitle', { name: a.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim() !== '')
            updateAsset.mutate(
              { id: a.id, body: { name: name.trim(), kind, description } },
              { onSuccess: props.onClose },
            )
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('breakdown.detail.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={name.trim() === '' ? t('breakdown.edit.nameRequired') : null}
            required
            data-autofocus
          />
          <Select
            label={t('breakdown.detail.kind')}
            data={AssetKind.options.map((k) => ({ value: k, label: t(`breakdown.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => {
              const parsed = AssetKind.safeParse(v)
              if (parsed.success) setKind(parsed.data)
            }}
            allowDeselect={false}
          />
          <Textarea
            label={t('breakdown.detail.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          {updateAsset.error && (
            <Text size="sm" c="red" role="alert">
              {apiErrorText(updateAsset.error, t)}
            </Text>
          )}
          <Actions pending={updateAsset.isPending} onClose={props.onClose} />
        </Stack>
      </form>
    </Modal>
  )
}
