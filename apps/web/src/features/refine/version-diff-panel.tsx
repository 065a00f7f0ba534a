// What differs between two picked versions: both prompts word by word (removed words struck
// through in red, added ones in green) and the parameters that were added, removed or changed.
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ShotVersion } from '../projects/shot-page/version-files'
import { type ParameterChange, showValue, versionDiff, type WordPiece } from './version-diff'

const CHANGE_COLOR = { added: 'green', removed: 'red', changed: 'blue' } as const

function Pieces({ pieces, testId }: { pieces: WordPiece[]; testId: string }) {
  const { t } = useTranslation()
  if (pieces.every((p) => p.change === 'same'))
    return (
      <Text size="sm" c="dimmed" data-testid={testId} data-same>
        {t('refine.diff.same')}
      </Text>
    )
  // Keyed by where each piece starts in the run of pieces: unique, and the same on every render.
  let offset = 0
  const keyed = pieces.map((p) => {
    const key = `${offset}-${p.change}`
    offset += p.text.length
    return { ...p, key }
  })
  return (
    <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {keyed.map((p) => (
        <Piece key={p.key} piece={p} />
      ))}
    </Text>
  )
}

const REMOVED = { color: 'var(--mantine-color-red-7)', background: 'var(--mantine-color-red-light)' }
const ADDED = {
  color: 'var(--mantine-color-green-8)',
  background: 'var(--mantine-color-green-light)',
  textDecoration: 'none',
}

function Piece({ piece }: { piece: WordPiece }) {
  switch (piece.change) {
    case 'same':
      return <span>{piece.text}</span>
    case 'removed':
      return (
        <del data-testid="diff-removed" style={REMOVED}>
          {piece.text}
        </del>
      )
    case 'added':
      return (
        <ins data-testid="diff-added" style={ADDED}>
          {piece.text}
        </ins>
      )
  }
}

function before(c: ParameterChange): unknown {
  return c.change === 'added' ? undefined : c.before
}
function after(c: ParameterChange): unknown {
  return c.change === 'removed' ? undefined : c.after
}

/** The differences of B against A. */
export function VersionDiffPanel(props: {
  a: ShotVersion
  b: ShotVersion
  label: (v: ShotVersion) => string
  onClear(): void
}) {
  const { t } = useTranslation()
  const { a, b } = props
  const diff = versionDiff(a.provenance, b.provenance)
  // Clients may get versions without how they were made; say so instead of "all the same".
  const hidden = a.provenance.prompt === null || b.provenance.prompt === null
  return (
    <Paper withBorder p="sm" data-testid="version-diff">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('refine.diff.title', { a: props.label(a), b: props.label(b) })}</Title>
        <Button size="compact-xs" variant="subtle" onClick={props.onClear}>
          {t('refine.diff.clear')}
        </Button>
      </Group>
      {hidden && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('refine.diff.hidden')}
        </Text>
      )}
      <Stack gap="xs">
        <div>
          <Text size="xs" c="dimmed">
            {t('refine.diff.prompt')}
          </Text>
          <Pieces pieces={diff.prompt} testId="diff-prompt" />
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('refine.diff.negative')}
          </Text>
          <Pieces pieces={diff.negative} testId="diff-negative" />
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('refine.diff.parameters')}
          </Text>
          {diff.parameters.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('refine.diff.noParameters')}
            </Text>
          ) : (
            <Table fz="xs" verticalSpacing={2} data-testid="diff-parameters">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('refine.diff.parameter')}</Table.Th>
                  <Table.Th />
                  <Table.Th>{props.label(a)}</Table.Th>
                  <Table.Th>{props.label(b)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {diff.parameters.map((c) => (
                  <Table.Tr key={c.name} data-change={c.change} data-name={c.name}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>
                      <Badge size="xs" variant="light" color={CHANGE_COLOR[c.change]}>
                        {t(`refine.diff.change.${c.change}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{showValue(before(c))}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{showValue(after(c))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </Stack>
    </Paper>
  )
}
