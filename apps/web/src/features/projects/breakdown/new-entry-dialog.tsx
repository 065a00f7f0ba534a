// "New character" and "New asset" on the breakdown page, for the roles that edit the breakdown.
import { AssetKind } from '@aipipeline/contracts'
import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ApiError } from '../../../api/api-error'
import { apiErrorText } from '../../../api/error-text'
import { useBreakdownEdits } from './breakdown-queries'
import { wordList } from './breakdown-rules'

export type NewEntryKind = 'character' | 'asset'

export function NewEntryDialog(props: { projectId: string; kind: NewEntryKind; onClose: () => void }) {
  const { t } = useTranslation()
  const { createCharacter, createAsset } = useBreakdownEdits(props.projectId)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [triggers, setTriggers] = useState('')
  const [assetKind, setAssetKind] = useState<z.infer<typeof AssetKind>>('location')
  const [touched, setTouched] = useState(false)
  const mutation = props.kind === 'character' ? createCharacter : createAsset
  const error = mutation.error
  const submit = () => {
    setTouched(true)
    if (name.trim() === '') return
    if (props.kind === 'character')
      createCharacter.mutate(
        { name: name.trim(), description, triggerWords: wordList(triggers) },
        { onSuccess: props.onClose },
      )
    else createAsset.mutate({ kind: assetKind, name: name.trim(), description }, { onSuccess: props.onClose })
  }
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.kind === 'character' ? t('breakdown.create.characterTitle') : t('breakdown.create.assetTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
        noValidate
      >
        <Stack gap="sm">
          {props.kind === 'asset' && (
            <Select
              label={t('breakdown.detail.kind')}
              data={AssetKind.options.map((k) => ({ value: k, label: t(`breakdown.kinds.${k}`) }))}
              value={assetKind}
              onChange={(v) => {
                const parsed = AssetKind.safeParse(v)
                if (parsed.success) setAssetKind(parsed.data)
              }}
              allowDeselect={false}
            />
          )}
          <TextInput
            label={t('breakdown.detail.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={touched && name.trim() === '' ? t('breakdown.edit.nameRequired') : null}
            required
            data-autofocus
          />
          <Textarea
            label={t('breakdown.detail.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {props.kind === 'character' && (
            <TextInput
              label={t('breakdown.detail.triggerWords')}
              description={t('breakdown.edit.triggerHint')}
              value={triggers}
              onChange={(e) => setTriggers(e.currentTarget.value)}
            />
          )}
          {error && (
            <Text size="sm" c="red" role="alert">
              {error instanceof ApiError && error.status === 409
                ? t('breakdown.create.exists', { name: name.trim() })
                : apiErrorText(error, t)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('breakdown.edit.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('breakdown.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
