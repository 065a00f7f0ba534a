// The project's custom shot fields: add one of any supported type (text, number, list, tags,
// yes/no, date, link, person), rename it, change its choices or who sees it, delete it. A
// field shots hold values of is deleted with its values only after the user confirms.
import { CustomFieldType, type Project, productionRoutes } from '@aipipeline/contracts'
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { ConfigDialogFooter, ConfigErrorAlert, ConfigListHeader, ConfigRowActions } from './config-editor-parts'
import { MONO } from './mono-input'
import { useConfigChange } from './use-config-change'

type FieldType = z.infer<typeof CustomFieldType>
type Field = Project['customFields'][number]
interface FieldForm {
  key: string
  name: string
  type: FieldType
  choices: string[]
  clientVisible: boolean
}
type Editing = { fieldId: string | null; form: FieldForm } | null
const TYPES = CustomFieldType.options
const hasChoices = (type: FieldType) => type === 'list' || type === 'tags'

/** How many shots hold values, when the server refused a delete for that reason. */
function shotsHoldingValues(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.failure.kind !== 'http') return null
  const d = error.failure.details
  return d?.reason === 'custom_field_in_use' && typeof d.shots === 'number' ? d.shots : null
}

/** The Custom fields tab of the project settings. */
export function CustomFieldsTab({ project, readOnly }: { project: Project; readOnly: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const projectId = project.id
  const [editing, setEditing] = useState<Editing>(null)
  const [dropping, setDropping] = useState<{ field: Field; shots: number } | null>(null)
  const save = useConfigChange(projectId, async ({ fieldId, form }: { fieldId: string | null; form: FieldForm }) => {
    const choices = hasChoices(form.type) ? form.choices : []
    if (fieldId === null) {
      await api.call(productionRoutes.createCustomField, {
        params: { projectId },
        body: {
          key: form.key.trim(),
          name: form.name.trim(),
          type: form.type,
          choices,
          clientVisible: form.clientVisible,
        },
      })
    } else {
      await api.call(productionRoutes.updateCustomField, {
        params: { projectId, customFieldId: fieldId },
        body: { name: form.name.trim(), choices, clientVisible: form.clientVisible },
      })
    }
  })
  const remove = useConfigChange(projectId, ({ field, dropValues }: { field: Field; dropValues: boolean }) =>
    api.callNoContent(productionRoutes.deleteCustomField, {
      params: { projectId, customFieldId: field.id },
      query: { dropValues: dropValues ? 'true' : 'false' },
    }),
  )
  const askRemove = (field: Field) =>
    remove.mutate(
      { field, dropValues: false },
      {
        onError: (error) => {
          const shots = shotsHoldingValues(error)
          if (shots !== null) {
            remove.reset()
            setDropping({ field, shots })
          }
        },
      },
    )
  return (
    <Stack gap="sm">
      <ConfigListHeader
        addLabel={t('projectSetup.fields.add')}
        readOnly={readOnly}
        onAdd={() => {
          save.reset()
          setEditing({ fieldId: null, form: { key: '', name: '', type: 'text', choices: [], clientVisible: false } })
        }}
      />
      <ConfigErrorAlert error={remove.errorText} onClose={() => remove.reset()} />
      {project.customFields.map((f) => (
        <Paper key={f.id} withBorder p={6} data-testid={`row-${f.name}`}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={500} w={160} truncate>
              {f.name}
            </Text>
            <Text size="xs" ff="monospace" c="dimmed" w={110} truncate>
              {f.key}
            </Text>
            <Badge variant="light" w={130}>
              {t(`projectSetup.fields.types.${f.type}`)}
            </Badge>
            <Text size="xs" c="dimmed" style={{ flex: 1 }} truncate>
              {f.choices.join(', ')}
            </Text>
            {f.clientVisible && (
              <Badge size="xs" variant="outline">
                {t('projectSetup.statuses.flagShort.clientAllowed')}
              </Badge>
            )}
            <ConfigRowActions
              name={f.name}
              readOnly={readOnly}
              onEdit={() => {
                save.reset()
                setEditing({ fieldId: f.id, form: { ...f, choices: [...f.choices] } })
              }}
              onDelete={() => askRemove(f)}
            />
          </Group>
        </Paper>
      ))}
      <FieldDialog
        initial={editing}
        busy={save.isPending}
        error={save.errorText}
        onClose={() => setEditing(null)}
        onSave={(form) =>
          editing && save.mutate({ fieldId: editing.fieldId, form }, { onSuccess: () => setEditing(null) })
        }
      />
      <Modal opened={dropping !== null} onClose={() => setDropping(null)} title={dropping?.field.name}>
        <Stack>
          <Text size="sm">{t('projectSetup.fields.dropValuesConfirm', { count: dropping?.shots ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDropping(null)}>
              {t('projectSetup.common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (dropping) remove.mutate({ field: dropping.field, dropValues: true })
                setDropping(null)
              }}
            >
              {t('projectSetup.common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}

function FieldDialog(props: {
  initial: Editing
  busy: boolean
  error: string | null
  onSave: (form: FieldForm) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [form, setForm] = useState<FieldForm | null>(props.initial?.form ?? null)
  useEffect(() => setForm(props.initial?.form ?? null), [props.initial])
  if (!form || !props.initial) return null
  const isNew = props.initial.fieldId === null
  const set = (patch: Partial<FieldForm>) => setForm({ ...form, ...patch })
  const keyValid = /^[a-z][a-z0-9_]{0,39}$/.test(form.key)
  const valid = form.name.trim() !== '' && (!isNew || keyValid)
  return (
    <Modal opened onClose={props.onClose} title={isNew ? t('projectSetup.fields.add') : form.name}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label={t('projectSetup.common.name')}
            value={form.name}
            maxLength={60}
            onChange={(e) => {
              const name = e.currentTarget.value
              // A new field's key follows its name until the user types one.
              const key = isNew && form.key === keyOf(form.name) ? keyOf(name) : form.key
              set({ name, key })
            }}
            required
            data-autofocus
          />
          <TextInput
            label={t('projectSetup.fields.key')}
            description={t('projectSetup.fields.keyHint')}
            value={form.key}
            disabled={!isNew}
            styles={MONO}
            onChange={(e) => set({ key: e.currentTarget.value })}
            error={isNew && form.key !== '' && !keyValid}
          />
          <Select
            label={t('projectSetup.fields.type')}
            data={TYPES.map((type) => ({ value: type, label: t(`projectSetup.fields.types.${type}`) }))}
            value={form.type}
            disabled={!isNew}
            onChange={(v) => {
              const type = TYPES.find((x) => x === v)
              if (type) set({ type })
            }}
            allowDeselect={false}
          />
          <Checkbox
            mt="xl"
            label={t('projectSetup.fields.clientVisible')}
            checked={form.clientVisible}
            onChange={(e) => set({ clientVisible: e.currentTarget.checked })}
          />
        </SimpleGrid>
        {hasChoices(form.type) && (
          <TagsInput
            label={t('projectSetup.fields.choices')}
            description={t('projectSetup.fields.choicesHint')}
            value={form.choices}
            onChange={(choices) => set({ choices })}
          />
        )}
        <ConfigDialogFooter
          error={props.error}
          busy={props.busy}
          canSave={valid}
          onCancel={props.onClose}
          onSave={() => props.onSave(form)}
        />
      </Stack>
    </Modal>
  )
}

/** A key from a name: lower-case letters, digits and "_", starting with a letter. */
export function keyOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
}
