// A project's characters and assets (locations, props…), including those a script analysis
// created, each linking to its own page.
import type { Asset as AssetSchema, Character as CharacterSchema } from '@aipipeline/contracts'
import { Alert, Anchor, Badge, Button, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { apiErrorText } from '../../../api/error-text'
import { useBreakdown, useProject } from '../project-queries'
import { editsBreakdown } from './breakdown-rules'
import { NewEntryDialog, type NewEntryKind } from './new-entry-dialog'

type Character = z.infer<typeof CharacterSchema>
type Asset = z.infer<typeof AssetSchema>

export function BreakdownPage({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const breakdown = useBreakdown(projectId)
  const project = useProject(projectId).data
  const [creating, setCreating] = useState<NewEntryKind | null>(null)
  const edits = project !== undefined && editsBreakdown(project)
  if (breakdown.isError)
    return (
      <Alert color="red" variant="light">
        {apiErrorText(breakdown.error, t)}
      </Alert>
    )
  if (!breakdown.data) return <Loader aria-label={t('app.loading')} />
  const { characters, assets } = breakdown.data
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <section aria-labelledby="breakdown-characters">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="breakdown-characters">
            {t('breakdown.list.characters', { count: characters.length })}
          </Title>
          {edits && (
            <Button size="xs" variant="light" onClick={() => setCreating('character')}>
              {t('breakdown.create.character')}
            </Button>
          )}
        </Group>
        {characters.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('breakdown.list.noCharacters')}
          </Text>
        ) : (
          <CharacterTable projectId={projectId} characters={characters} />
        )}
      </section>
      <section aria-labelledby="breakdown-assets">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="breakdown-assets">
            {t('breakdown.list.assets', { count: assets.length })}
          </Title>
          {edits && (
            <Button size="xs" variant="light" onClick={() => setCreating('asset')}>
              {t('breakdown.create.asset')}
            </Button>
          )}
        </Group>
        {assets.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('breakdown.list.noAssets')}
          </Text>
        ) : (
          <AssetTable projectId={projectId} assets={assets} />
        )}
      </section>
      {creating && <NewEntryDialog projectId={projectId} kind={creating} onClose={() => setCreating(null)} />}
    </SimpleGrid>
  )
}

function CharacterTable({ projectId, characters }: { projectId: string; characters: Character[] }) {
  const { t } = useTranslation()
  return (
    <Table striped withTableBorder fz="sm" data-testid="character-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('breakdown.detail.name')}</Table.Th>
          <Table.Th>{t('breakdown.detail.description')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {characters.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor
                renderRoot={(props) => (
                  <Link
                    to="/projects/$projectId/characters/$characterId"
                    params={{ projectId, characterId: c.id }}
                    {...props}
                  />
                )}
                size="sm"
                fw={600}
              >
                {c.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm" lineClamp={2}>
                  {c.description}
                </Text>
                {c.triggerWords.length > 0 && (
                  <Group gap={4}>
                    {c.triggerWords.slice(0, 6).map((w) => (
                      <Badge key={w} size="xs" variant="outline" color="gray" tt="none">
                        {w}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function AssetTable({ projectId, assets }: { projectId: string; assets: Asset[] }) {
  const { t } = useTranslation()
  return (
    <Table striped withTableBorder fz="sm" data-testid="asset-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('breakdown.detail.name')}</Table.Th>
          <Table.Th>{t('breakdown.detail.kind')}</Table.Th>
          <Table.Th>{t('breakdown.detail.description')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {assets.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor
                renderRoot={(props) => (
                  <Link to="/projects/$projectId/assets/$assetId" params={{ projectId, assetId: a.id }} {...props} />
                )}
                size="sm"
                fw={600}
              >
                {a.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light">
                {t(`breakdown.kinds.${a.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2}>
                {a.description}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
