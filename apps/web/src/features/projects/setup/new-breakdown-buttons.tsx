// "New sequence" (or episode, or spot, as the project's template names the level) and "New
// shots" above the shot table, for the roles that edit the breakdown of a project that is
// not archived. Codes are proposed from the project's numbering rules and may be changed.
import { type Project, productionRoutes } from '@aipipeline/contracts'
import { nextCodes } from '@aipipeline/domain'
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { projectKeys } from '../project-queries'
import { setupErrorText } from './setup-errors'
import { planShots } from './shot-plan'

interface Props {
  project: Project
  sequences: { id: string; code: string; name: string }[]
}

/** The buttons, and their dialogs, that add sequences and shots. */
export function NewBreakdownButtons({ project, sequences }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<'sequence' | 'shots' | null>(null)
  const edits = project.myRole === 'admin' || project.myRole === 'manager' || project.myRole === 'supervisor'
  if (!edits || project.archived) return null
  const level = t(`projectSetup.breakdown.levels.${project.codeRules.group}`)
  return (
    <Group gap="xs" justify="flex-end">
      <Button size="xs" variant="light" onClick={() => setOpen('sequence')}>
        {t('projectSetup.breakdown.newSequence', { level })}
      </Button>
      <Button size="xs" variant="light" onClick={() => setOpen('shots')} disabled={sequences.length === 0}>
        {t('projectSetup.breakdown.newShots')}
      </Button>
      {open === 'sequence' && (
        <NewSequenceDialog project={project} sequences={sequences} onClose={() => setOpen(null)} />
      )}
      {open === 'shots' && <NewShotsDialog project={project} sequences={sequences} onClose={() => setOpen(null)} />}
    </Group>
  )
}

function NewSequenceDialog({ project, sequences, onClose }: Props & { onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const projectId = project.id
  const [code, setCode] = useState(
    () =>
      nextCodes(
        project.codeRules.sequence,
        sequences.map((s) => s.code),
        1,
      )[0] ?? '',
  )
  const [name, setName] = useState('')
  const create = useMutation({
    mutationFn: () =>
      api.call(productionRoutes.createSequence, {
        params: { projectId },
        body: { code: code.trim(), name: name.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.breakdown(projectId) })
      onClose()
    },
  })
  const title = t(`projectSetup.breakdown.levelTitles.${project.codeRules.group}`)
  return (
    <Modal opened onClose={onClose} title={t('projectSetup.breakdown.newSequence', { level: title })}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label={t('projectSetup.breakdown.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
            data-autofocus
          />
          <TextInput
            label={t('projectSetup.breakdown.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </SimpleGrid>
        {create.error && (
          <Text size="sm" c="red" role="alert">
            {t('projectSetup.breakdown.failed', { message: setupErrorText(create.error, t) })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('projectSetup.common.cancel')}
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={code.trim() === ''}>
            {t('projectSetup.breakdown.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function NewShotsDialog({ project, sequences, onClose }: Props & { onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const projectId = project.id
  const [sequenceId, setSequenceId] = useState(sequences[sequences.length - 1]?.id ?? '')
  const [count, setCount] = useState(3)
  const [length, setLength] = useState<number | null>(48)
  const [frameIn, setFrameIn] = useState(project.startFrame)
  // Shot codes are unique within a sequence: continue after the codes it already has.
  const existing = useQuery({
    queryKey: ['project', projectId, 'sequence-shot-codes', sequenceId],
    queryFn: async () =>
      (
        await api.call(productionRoutes.listShots, {
          params: { projectId },
          query: { sequenceIds: sequenceId, limit: 1000 },
        })
      ).items.map((s) => s.code),
    enabled: sequenceId !== '',
  })
  const shots = existing.data
    ? planShots({ sequenceId, rule: project.codeRules.shot, existingCodes: existing.data, count, frameIn, length })
    : []
  const create = useMutation({
    mutationFn: () => api.call(productionRoutes.createShots, { params: { projectId }, body: { shots } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.table(projectId) })
      await queryClient.invalidateQueries({ queryKey: ['project', projectId, 'sequence-shot-codes'] })
      onClose()
    },
  })
  const codes = shots.map((s) => s.code)
  const shown = codes.length > 4 ? `${codes.slice(0, 3).join(', ')} … ${codes[codes.length - 1]}` : codes.join(', ')
  return (
    <Modal opened onClose={onClose} title={t('projectSetup.breakdown.newShots')}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <Select
            label={t(`projectSetup.breakdown.levelTitles.${project.codeRules.group}`)}
            data={sequences.map((s) => ({ value: s.id, label: s.name ? `${s.code} — ${s.name}` : s.code }))}
            value={sequenceId}
            onChange={(v) => v && setSequenceId(v)}
            allowDeselect={false}
          />
          <NumberInput
            label={t('projectSetup.breakdown.count')}
            value={count}
            min={1}
            max={1000}
            onChange={(v) => setCount(Number(v) || 1)}
          />
          <NumberInput
            label={t('projectSetup.breakdown.frameIn')}
            value={frameIn}
            min={0}
            onChange={(v) => setFrameIn(Number(v) || 0)}
          />
          <NumberInput
            label={t('projectSetup.breakdown.frames')}
            value={length ?? ''}
            min={1}
            onChange={(v) => setLength(v === '' ? null : Number(v) || null)}
          />
        </SimpleGrid>
        <Text size="sm" data-testid="new-shot-codes">
          {t('projectSetup.breakdown.firstCode')}: {shown}
        </Text>
        {create.error && (
          <Text size="sm" c="red" role="alert">
            {t('projectSetup.breakdown.failed', { message: setupErrorText(create.error, t) })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('projectSetup.common.cancel')}
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={shots.length === 0}>
            {t('projectSetup.breakdown.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
