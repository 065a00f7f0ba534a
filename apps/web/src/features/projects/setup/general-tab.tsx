// General project settings: name and format, whether clients see how versions were made,
// and archiving. An archived project keeps only the unarchive button enabled.
import { type Project, productionRoutes } from '@aipipeline/contracts'
import {
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { projectKeys } from '../project-queries'
import { aspectOf, FPS_CHOICES } from './project-form'
import { useConfigChange } from './use-config-change'

interface Format {
  name: string
  fps: number
  width: number
  height: number
  aspectRatio: string
  startFrame: number
  /** Planned end (YYYY-MM-DD); the dashboard's burn-up projects towards it. */
  endDate: string | null
}

const formatOf = (p: Project): Format => ({
  name: p.name,
  fps: p.fps,
  width: p.width,
  height: p.height,
  aspectRatio: p.aspectRatio,
  startFrame: p.startFrame,
  endDate: p.endDate,
})

/** The General tab of the project settings. */
export function GeneralTab({ project }: { project: Project }) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const projectId = project.id
  const readOnly = project.archived
  const [format, setFormat] = useState<Format>(() => formatOf(project))
  const [confirming, setConfirming] = useState(false)
  useEffect(() => setFormat(formatOf(project)), [project])
  const saveFormat = useConfigChange(projectId, (body: Format) =>
    api.call(productionRoutes.updateProject, { params: { projectId }, body: { ...body, name: body.name.trim() } }),
  )
  const details = useConfigChange(projectId, (showGenerationDetailsToClients: boolean) =>
    api.call(productionRoutes.updateProject, { params: { projectId }, body: { showGenerationDetailsToClients } }),
  )
  const archive = useConfigChange(projectId, async (archived: boolean) => {
    const route = archived ? productionRoutes.archiveProject : productionRoutes.unarchiveProject
    await api.call(route, { params: { projectId } })
    await queryClient.invalidateQueries({ queryKey: projectKeys.list })
  })
  const set = (patch: Partial<Format>) => setFormat((f) => ({ ...f, ...patch }))
  const error = saveFormat.errorText ?? details.errorText ?? archive.errorText
  return (
    <Stack gap="md">
      <Card withBorder>
        <Stack gap="sm">
          <Title order={4}>{t('projectSetup.general.formatTitle')}</Title>
          <SimpleGrid cols={{ base: 2, md: 6 }}>
            <TextInput
              label={t('projectSetup.create.name')}
              value={format.name}
              disabled={readOnly}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <Select
              label={t('projectSetup.create.fps')}
              data={FPS_CHOICES.map(String)}
              value={String(format.fps)}
              disabled={readOnly}
              onChange={(v) => v && set({ fps: Number(v) })}
              allowDeselect={false}
            />
            <NumberInput
              label={t('projectSetup.create.width')}
              value={format.width}
              disabled={readOnly}
              onChange={(v) => set({ width: Number(v) || 0, aspectRatio: aspectOf(Number(v) || 0, format.height) })}
            />
            <NumberInput
              label={t('projectSetup.create.height')}
              value={format.height}
              disabled={readOnly}
              onChange={(v) => set({ height: Number(v) || 0, aspectRatio: aspectOf(format.width, Number(v) || 0) })}
            />
            <TextInput
              label={t('projectSetup.create.aspectRatio')}
              value={format.aspectRatio}
              disabled={readOnly}
              onChange={(e) => set({ aspectRatio: e.currentTarget.value })}
            />
            <NumberInput
              label={t('projectSetup.create.startFrame')}
              value={format.startFrame}
              min={0}
              disabled={readOnly}
              onChange={(v) => set({ startFrame: Number(v) || 0 })}
            />
            <TextInput
              type="date"
              label={t('dashboards.endDate')}
              value={format.endDate ?? ''}
              disabled={readOnly}
              onChange={(e) => set({ endDate: e.currentTarget.value === '' ? null : e.currentTarget.value })}
              data-testid="project-end-date"
            />
          </SimpleGrid>
          <Group>
            <Button disabled={readOnly} loading={saveFormat.isPending} onClick={() => saveFormat.mutate(format)}>
              {t('projectSetup.general.save')}
            </Button>
            {saveFormat.isSuccess && (
              <Text size="sm" c="teal">
                {t('projectSetup.general.saved')}
              </Text>
            )}
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={4}>{t('projects.settings.clientsTitle')}</Title>
          <Switch
            checked={project.showGenerationDetailsToClients}
            disabled={readOnly || details.isPending}
            onChange={(e) => details.mutate(e.currentTarget.checked)}
            label={t('projects.settings.showGenerationDetails')}
            description={t('projects.settings.showGenerationDetailsHint')}
          />
        </Stack>
      </Card>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Card withBorder>
        <Stack gap="sm">
          <Title order={4}>{t('projectSetup.archive.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('projectSetup.archive.hint')}
          </Text>
          <Group>
            {project.archived ? (
              <Button variant="light" loading={archive.isPending} onClick={() => archive.mutate(false)}>
                {t('projectSetup.archive.unarchive')}
              </Button>
            ) : (
              <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                {t('projectSetup.archive.archive')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('projectSetup.archive.archive')}>
        <Stack>
          <Text size="sm">{t('projectSetup.archive.confirm', { name: project.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('projectSetup.common.cancel')}
            </Button>
            <Button
              color="red"
              loading={archive.isPending}
              onClick={() => archive.mutate(true, { onSettled: () => setConfirming(false) })}
            >
              {t('projectSetup.archive.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
