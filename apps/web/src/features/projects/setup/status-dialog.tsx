// The editor of one status: name, short name, colour, kanban column and the flags that give
// it its meaning. New statuses are added at the end of the board.
import { BOARD_ROLES, type BoardRole } from '@aipipeline/domain'
import { Checkbox, ColorInput, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfigDialogFooter } from './config-editor-parts'
import { STATUS_FLAGS, type StatusForm, statusFormProblems } from './status-form'

const SWATCHES = ['#9e9e9e', '#3273dc', '#ab26ff', '#22d160', '#ff3860', '#1a7f37', '#ffa726', '#00bcd4', '#795548']
const isBoardRole = (v: string | null): v is BoardRole => BOARD_ROLES.some((r) => r === v)

interface Props {
  /** The form to start from; null = closed. */
  initial: StatusForm | null
  title: string
  busy: boolean
  error: string | null
  onSave: (form: StatusForm) => void
  onClose: () => void
}

/** A modal editing a status's fields. */
export function StatusDialog(props: Props) {
  const { t } = useTranslation()
  const [form, setForm] = useState<StatusForm | null>(props.initial)
  const [touched, setTouched] = useState(false)
  useEffect(() => {
    setForm(props.initial)
    setTouched(false)
  }, [props.initial])
  if (!form) return null
  const problems = touched ? statusFormProblems(form) : {}
  const set = (patch: Partial<StatusForm>) => setForm({ ...form, ...patch })
  const save = () => {
    setTouched(true)
    if (Object.keys(statusFormProblems(form)).length === 0) props.onSave(form)
  }
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label={t('projectSetup.common.name')}
            value={form.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={problems.name && t('projectSetup.problems.nameRequired')}
            required
            data-autofocus
          />
          <TextInput
            label={t('projectSetup.common.shortName')}
            value={form.shortName}
            maxLength={10}
            onChange={(e) => set({ shortName: e.currentTarget.value })}
            error={problems.shortName && t('projectSetup.problems.nameRequired')}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <ColorInput
            label={t('projectSetup.common.colour')}
            value={form.color}
            onChange={(color) => set({ color })}
            format="hex"
            swatches={SWATCHES}
            error={problems.color}
          />
          <Select
            label={t('projectSetup.statuses.boardRole')}
            data={BOARD_ROLES.map((r) => ({ value: r, label: t(`projectSetup.statuses.roles.${r}`) }))}
            value={form.boardRole}
            onChange={(v) => isBoardRole(v) && set({ boardRole: v })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {t('projectSetup.statuses.flags')}
        </Text>
        <SimpleGrid cols={2} spacing="xs">
          {STATUS_FLAGS.map((flag) => (
            <Checkbox
              key={flag}
              label={t(`projectSetup.statuses.${flag}`)}
              checked={form[flag]}
              onChange={(e) => set({ [flag]: e.currentTarget.checked })}
            />
          ))}
        </SimpleGrid>
        <ConfigDialogFooter error={props.error} busy={props.busy} onCancel={props.onClose} onSave={save} />
      </Stack>
    </Modal>
  )
}
