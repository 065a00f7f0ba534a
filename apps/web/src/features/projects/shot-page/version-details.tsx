// The selected version's details: who made it and when, how (template, backend, seed, model,
// prompt — only what the server returns; clients may get these stripped), what it was made
// from, its files with sizes, and its JSON sidecar when the server lists one for the caller.
import { farmRoutes, type Project } from '@aipipeline/contracts'
import { access, roleSatisfies } from '@aipipeline/domain'
import { Box, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../../../api/api-context'
import { JsonView } from '../../agents/json-view'
import { farmKeys, useTemplates } from '../../farm/farm-queries'
import { fetchAuthed, versionFilePath } from '../authed-file'
import { useMembers, useVersion } from '../project-queries'
import { formatBytes, type ShotVersion, sidecarFile } from './version-files'
import { VersionLineage } from './version-lineage'

function Fact({ label, value, testId }: { label: string; value: string | number | null; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ wordBreak: 'break-word' }}>
        {value === null || value === '' ? '—' : value}
      </Text>
    </div>
  )
}

/** Template and backend of the render job behind a version; only roles that may read the farm ask. */
function useRenderSource(renderJobId: string | null) {
  const api = useApi()
  const role = useSession()?.user.role
  const readsFarm = role !== undefined && roleSatisfies(access.atLeast('artist'), role)
  const job = useQuery({
    queryKey: farmKeys.job(renderJobId ?? ''),
    queryFn: () => api.call(farmRoutes.getRenderJob, { params: { id: renderJobId ?? '' } }),
    enabled: readsFarm && renderJobId !== null,
    retry: false,
  }).data
  const templates = useTemplates(readsFarm && job?.templateId != null).data ?? []
  const template = templates.find((tpl) => tpl.id === job?.templateId)?.name ?? job?.name ?? null
  const backend = job?.attempts.findLast((a) => a.outcome === 'succeeded')?.backendName ?? null
  return { template, backend }
}

/** The panel under the player. */
export function VersionDetails(props: {
  project: Project
  version: ShotVersion
  label: string
  taskName: (taskId: string) => string
}) {
  const { project, version, label } = props
  const { t, i18n } = useTranslation()
  const members = useMembers(project.id).data ?? []
  const author = members.find((m) => m.userId === version.authorId)?.displayName ?? null
  const detail = useVersion(version.id).data
  const source = useRenderSource(version.provenance.renderJobId)
  const p = version.provenance
  const sidecar = sidecarFile(detail ?? version)
  return (
    <Paper withBorder p="sm" data-testid="version-details">
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h5">
          {t('projects.versions.details', { label })}
        </Title>
        {sidecar && <SidecarButton fileId={sidecar.id} label={label} />}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing={6}>
        <Fact label={t('projects.versions.number')} value={version.number} testId="version-number" />
        <Fact label={t('projects.versions.author')} value={author} />
        <Fact
          label={t('projects.versions.created')}
          value={new Date(version.createdAt).toLocaleString(i18n.language)}
        />
        <Fact label={t('projects.versions.kind')} value={t(`projects.versions.kinds.${version.kind}`)} />
        {/* How it was generated: absent, not blank, where the server withholds it (clients). */}
        {source.template !== null && <Fact label={t('projects.versions.template')} value={source.template} />}
        {source.backend !== null && <Fact label={t('projects.versions.backend')} value={source.backend} />}
        {p.seed !== null && <Fact label={t('projects.versions.seedLabel')} value={p.seed} testId="version-seed" />}
        {p.model !== null && <Fact label={t('projects.versions.model')} value={p.model} testId="version-model" />}
      </SimpleGrid>
      {p.prompt !== null && (
        <Stack gap={2} mt="xs">
          <Fact label={t('projects.versions.prompt')} value={p.prompt} testId="version-full-prompt" />
          {p.negativePrompt && <Fact label={t('projects.versions.negativePrompt')} value={p.negativePrompt} />}
        </Stack>
      )}
      <Box mt="xs">
        <VersionLineage versionId={version.id} taskName={props.taskName} />
      </Box>
      <Files version={detail ?? version} />
    </Paper>
  )
}

function Files({ version }: { version: ShotVersion }) {
  const { t, i18n } = useTranslation()
  return (
    <Table mt="xs" verticalSpacing={2} fz="xs" data-testid="version-files">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('projects.versions.fileName')}</Table.Th>
          <Table.Th>{t('projects.versions.fileRole')}</Table.Th>
          <Table.Th>{t('projects.versions.size')}</Table.Th>
          <Table.Th>{t('projects.versions.dimensions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {version.files.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td style={{ wordBreak: 'break-all' }}>{f.name}</Table.Td>
            <Table.Td>{t(`projects.versions.roles.${f.role}`)}</Table.Td>
            <Table.Td>{formatBytes(f.sizeBytes, i18n.language)}</Table.Td>
            <Table.Td>{f.width !== null && f.height !== null ? `${f.width} × ${f.height}` : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** Opens the sidecar JSON in a dialog. */
function SidecarButton({ fileId, label }: { fileId: string; label: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const [opened, setOpened] = useState(false)
  const sidecar = useQuery({
    queryKey: ['version-file', fileId, 'json'],
    queryFn: async (): Promise<unknown> => JSON.parse(await (await fetchAuthed(api, versionFilePath(fileId))).text()),
    enabled: opened,
    retry: false,
  })
  return (
    <>
      <Button size="compact-sm" variant="light" onClick={() => setOpened(true)} data-testid="open-sidecar">
        {t('projects.versions.openSidecar')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        size="xl"
        title={t('projects.versions.sidecarOf', { label })}
      >
        {sidecar.isError ? (
          <Text c="red" size="sm">
            {t('projects.versions.sidecarFailed')}
          </Text>
        ) : (
          <JsonView label={t('projects.versions.sidecar')} value={sidecar.data} />
        )}
      </Modal>
    </>
  )
}
