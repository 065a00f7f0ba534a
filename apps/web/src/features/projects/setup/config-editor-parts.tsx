// The pieces every configuration tab of the project settings shares (statuses, task types,
// custom fields): the header with its Add button, the refusal alert, a row's Edit and Delete
// actions, and the edit dialog's footer, so the tabs differ only in their own fields.
import { ActionIcon, Alert, Button, Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** The tab's hint (left) and its Add button (right). */
export function ConfigListHeader(props: { hint?: ReactNode; addLabel: string; readOnly: boolean; onAdd: () => void }) {
  return (
    <Group justify={props.hint === undefined ? 'flex-end' : 'space-between'}>
      {props.hint !== undefined && (
        <Text size="sm" c="dimmed">
          {props.hint}
        </Text>
      )}
      <Button size="xs" disabled={props.readOnly} onClick={props.onAdd}>
        {props.addLabel}
      </Button>
    </Group>
  )
}

/** The server's refusal of a move or delete, translated, until the user closes it. */
export function ConfigErrorAlert({ error, onClose }: { error: string | null; onClose: () => void }) {
  if (!error) return null
  return (
    <Alert color="red" role="alert" withCloseButton onClose={onClose}>
      {error}
    </Alert>
  )
}

/** A row's Edit button and Delete icon, labelled with the row's name for screen readers. */
export function ConfigRowActions(props: { name: string; readOnly: boolean; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation()
  return (
    <>
      <Button size="compact-xs" variant="subtle" disabled={props.readOnly} onClick={props.onEdit}>
        {t('projectSetup.common.edit')}
      </Button>
      <ActionIcon
        size="sm"
        variant="subtle"
        color="red"
        disabled={props.readOnly}
        aria-label={`${t('projectSetup.common.delete')} ${props.name}`}
        onClick={props.onDelete}
      >
        ✕
      </ActionIcon>
    </>
  )
}

/** An edit dialog's error line and its Cancel and Save buttons. */
export function ConfigDialogFooter(props: {
  error: string | null
  busy: boolean
  canSave?: boolean
  onCancel: () => void
  onSave: () => void
}) {
  const { t } = useTranslation()
  return (
    <>
      {props.error && (
        <Text size="sm" c="red" role="alert">
          {props.error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t('projectSetup.common.cancel')}
        </Button>
        <Button onClick={props.onSave} disabled={props.canSave === false} loading={props.busy}>
          {t('projectSetup.common.save')}
        </Button>
      </Group>
    </>
  )
}
