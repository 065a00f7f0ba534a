import { ParameterRole, type WorkflowParameter } from '@aipipeline/contracts'
import { Badge, NumberInput, Select, Switch, Table, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { draftProblems, isNumeric, type ParameterDraft, rolesFor } from './parameter-edits'

interface Props {
  parameters: readonly WorkflowParameter[]
  drafts: Record<string, ParameterDraft>
  /** Without it the table is read-only (artists see the library but do not change it). */
  onChange?: (name: string, draft: ParameterDraft) => void
}

/** The parameters of a template: name, label, role, type, default and range, editable in place. */
export function ParameterTable({ parameters, drafts, onChange }: Props) {
  const { t } = useTranslation()
  if (parameters.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('templates.parameters.none')}
      </Text>
    )
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={6} data-testid="parameter-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('templates.parameters.name')}</Table.Th>
            <Table.Th>{t('templates.parameters.label')}</Table.Th>
            <Table.Th>{t('templates.parameters.role')}</Table.Th>
            <Table.Th>{t('templates.parameters.type')}</Table.Th>
            <Table.Th>{t('templates.parameters.default')}</Table.Th>
            <Table.Th>{t('templates.parameters.min')}</Table.Th>
            <Table.Th>{t('templates.parameters.max')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parameters.map((p) => {
            const draft = drafts[p.name]
            if (!draft) return null
            return onChange ? (
              <EditableRow key={p.name} parameter={p} draft={draft} onChange={(d) => onChange(p.name, d)} />
            ) : (
              <ReadOnlyRow key={p.name} parameter={p} />
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function ReadOnlyRow({ parameter: p }: { parameter: WorkflowParameter }) {
  const { t } = useTranslation()
  const shown = (v: unknown) => (v === undefined || v === '' ? '—' : String(v))
  return (
    <Table.Tr data-testid="parameter-row" data-name={p.name}>
      <Table.Td>
        <Text ff="monospace" size="sm">
          {p.name}
        </Text>
      </Table.Td>
      <Table.Td>{shown(p.label)}</Table.Td>
      <Table.Td>
        {p.role ? (
          <Badge variant="light">{t(`templates.role.${p.role}`)}</Badge>
        ) : (
          <Text c="dimmed" size="sm">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`templates.type.${p.type}`)}</Table.Td>
      <Table.Td style={{ maxWidth: 260, overflowWrap: 'anywhere' }}>{shown(p.default)}</Table.Td>
      <Table.Td>{shown(p.min)}</Table.Td>
      <Table.Td>{shown(p.max)}</Table.Td>
    </Table.Tr>
  )
}

function EditableRow({
  parameter: p,
  draft,
  onChange,
}: {
  parameter: WorkflowParameter
  draft: ParameterDraft
  onChange(draft: ParameterDraft): void
}) {
  const { t } = useTranslation()
  const problems = draftProblems(p.type, draft)
  const problem = (field: 'default' | 'min' | 'max') => {
    const code = problems[field]
    return code ? t(`templates.problem.${code}`) : undefined
  }
  const numeric = isNumeric(p.type)
  const roles = rolesFor(p.type)
  const name = p.name
  return (
    <Table.Tr data-testid="parameter-row" data-name={p.name}>
      <Table.Td>
        <Text ff="monospace" size="sm">
          {p.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={t('templates.parameters.labelFor', { name })}
          value={draft.label}
          maxLength={120}
          onChange={(e) => onChange({ ...draft, label: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td miw={150}>
        <Select
          size="xs"
          aria-label={t('templates.parameters.roleFor', { name })}
          data={[
            { value: '', label: t('templates.role.none') },
            ...roles.map((r) => ({ value: r, label: t(`templates.role.${r}`) })),
          ]}
          value={draft.role}
          allowDeselect={false}
          disabled={roles.length === 0}
          onChange={(v) => onChange({ ...draft, role: ParameterRole.safeParse(v).data ?? '' })}
        />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`templates.type.${p.type}`)}</Table.Td>
      <Table.Td miw={140}>
        {p.type === 'boolean' ? (
          <Switch
            aria-label={t('templates.parameters.defaultFor', { name })}
            checked={draft.default === true}
            onChange={(e) => onChange({ ...draft, default: e.currentTarget.checked })}
          />
        ) : numeric ? (
          <NumberInput
            size="xs"
            aria-label={t('templates.parameters.defaultFor', { name })}
            value={typeof draft.default === 'boolean' ? '' : draft.default}
            allowDecimal={p.type === 'float'}
            error={problem('default')}
            onChange={(v) => onChange({ ...draft, default: v })}
          />
        ) : (
          <TextInput
            size="xs"
            aria-label={t('templates.parameters.defaultFor', { name })}
            value={String(draft.default)}
            onChange={(e) => onChange({ ...draft, default: e.currentTarget.value })}
          />
        )}
      </Table.Td>
      <Table.Td miw={90}>
        {numeric && (
          <NumberInput
            size="xs"
            aria-label={t('templates.parameters.minFor', { name })}
            value={draft.min}
            allowDecimal={p.type === 'float'}
            error={problem('min')}
            onChange={(v) => onChange({ ...draft, min: typeof v === 'number' ? v : '' })}
          />
        )}
      </Table.Td>
      <Table.Td miw={90}>
        {numeric && (
          <NumberInput
            size="xs"
            aria-label={t('templates.parameters.maxFor', { name })}
            value={draft.max}
            allowDecimal={p.type === 'float'}
            error={problem('max')}
            onChange={(v) => onChange({ ...draft, max: typeof v === 'number' ? v : '' })}
          />
        )}
      </Table.Td>
    </Table.Tr>
  )
}
