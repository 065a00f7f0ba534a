import type { LinkedShot } from '@aipipeline/contracts'
import { Anchor, Table, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'

/** The shots a character or asset appears on, each a link to its shot page. */
export function LinkedShots({ projectId, shots }: { projectId: string; shots: LinkedShot[] }) {
  const { t } = useTranslation()
  if (shots.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('breakdown.detail.noShots')}
      </Text>
    )
  return (
    <Table striped withTableBorder fz="sm" data-testid="linked-shots">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={160}>{t('breakdown.detail.shot')}</Table.Th>
          <Table.Th>{t('breakdown.detail.description')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shots.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Anchor
                renderRoot={(props) => (
                  <Link to="/projects/$projectId/shots/$shotId" params={{ projectId, shotId: s.id }} {...props} />
                )}
                size="sm"
              >
                {s.sequenceCode} {s.code}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2}>
                {s.description}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
