// The contact sheet of a render group: one thumbnail per job, the first sweep axis across
// (or the variations), shots × variations × other axes down; a cell links to its job.
import { farmOutputFilePath, type RenderGroup, type RenderGroupJob } from '@aipipeline/contracts'
import { Box, Image, Table, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useAuthedFileUrl } from '../../../api/authed-file'
import { JobStateBadge } from '../state-badges'
import { contactSheet } from './render-plan'

const CELL = 132

export function ContactSheet({ group }: { group: RenderGroup }) {
  const { t } = useTranslation()
  const sheet = contactSheet(group, (n) => t('render.group.variationN', { n }))
  const axis = group.axes[0]?.name
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table withTableBorder withColumnBorders w="auto" data-testid="contact-sheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('render.group.shot')}</Table.Th>
            {sheet.columns.map((c) => (
              <Table.Th key={c} ta="center">
                {axis ? `${axis} = ${c}` : c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {row.shotCode}
                </Text>
                {row.label && (
                  <Text size="xs" c="dimmed">
                    {row.label}
                  </Text>
                )}
              </Table.Td>
              {row.cells.map((job, i) => (
                <Table.Td key={job?.id ?? `${row.key}-${i}`} p={4} w={CELL + 8}>
                  {job && <SheetCell job={job} />}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  )
}

function SheetCell({ job }: { job: RenderGroupJob }) {
  const output =
    job.outputs.find((o) => o.thumbnailPath !== null) ?? job.outputs.find((o) => o.mime?.startsWith('image/'))
  const variant = output?.thumbnailPath ? 'thumbnail' : 'file'
  const url = useAuthedFileUrl(output ? farmOutputFilePath(job.id, output.id, variant) : null)
  return (
    <Link to="/farm/jobs/$jobId" params={{ jobId: job.id }} style={{ textDecoration: 'none' }}>
      {url ? (
        <Image src={url} w={CELL} h={CELL} fit="cover" radius="sm" alt={job.name} data-testid="sheet-thumbnail" />
      ) : (
        <Box
          w={CELL}
          h={CELL}
          bg="var(--mantine-color-default-hover)"
          style={{ borderRadius: 'var(--mantine-radius-sm)', display: 'grid', placeItems: 'center' }}
        >
          <JobStateBadge state={job.state} />
        </Box>
      )}
    </Link>
  )
}
