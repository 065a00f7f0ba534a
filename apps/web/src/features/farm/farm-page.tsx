import type { FarmBackend, RenderJob } from '@aipipeline/contracts'
import { access, roleSatisfies } from '@aipipeline/domain'
import { Alert, Badge, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Link } from '@tanstack/react-router'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../api/api-context'
import { NotForRole } from '../../components/not-for-role'
import { BackendCard } from './backend-card'
import { useBackends, useJobs } from './farm-queries'
import { JobQueue } from './job-queue'
import { AgentTokensSection } from './setup/agent-tokens-section'
import {
  BackendActions,
  BackendSetupDialogs,
  useBackendDialogs,
  useFarmSetupRights,
} from './setup/backend-setup-dialogs'
import { SubmitJobDialog } from './submit-job-dialog'
import { useFarmLive } from './use-farm-live'

/** The render farm for studio staff; clients and vendors, whom its API refuses, get a notice. */
export function FarmPage() {
  const role = useSession()?.user.role
  return roleSatisfies(access.atLeast('artist'), role) ? <FarmContent /> : <NotForRole />
}

/** The render farm: backends with their GPUs, the live queue, and job submission. */
function FarmContent() {
  const { t } = useTranslation()
  const backends = useBackends()
  const jobs = useJobs()
  const { progress } = useFarmLive()
  const [submitOpened, submit] = useDisclosure(false)
  const rights = useFarmSetupRights()
  const dialogs = useBackendDialogs()
  const jobById = useMemo(() => new Map((jobs.data ?? []).map((j) => [j.id, j])), [jobs.data])
  const backendById = useMemo(() => new Map((backends.data ?? []).map((b) => [b.id, b])), [backends.data])

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('farm.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('farm.subtitle')}
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" component={Link} to="/templates">
            {t('farm.templatesLink')}
          </Button>
          <Button onClick={submit.open}>{t('farm.submit.open')}</Button>
        </Group>
      </Group>
      <Summary backends={backends.data ?? []} jobs={jobs.data ?? []} />

      <section aria-labelledby="farm-backends">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="farm-backends">
            {t('farm.backends.title')}
          </Title>
          {rights.manageBackends && (
            <Button variant="default" onClick={dialogs.add}>
              {t('farmSetup.actions.add')}
            </Button>
          )}
        </Group>
        {backends.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        {backends.isError && (
          <Alert color="red" variant="light">
            {t('farm.backends.loadFailed', { message: backends.error.message })}
          </Alert>
        )}
        {backends.data?.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('farm.backends.empty')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {(backends.data ?? []).map((b) => (
            <BackendCard
              key={b.id}
              backend={b}
              jobs={jobById}
              actions={<BackendActions backend={b} dialogs={dialogs} manage={rights.manageBackends} />}
            />
          ))}
        </SimpleGrid>
      </section>

      {jobs.isError && (
        <Alert color="red" variant="light">
          {t('farm.queue.loadFailed', { message: jobs.error.message })}
        </Alert>
      )}
      {jobs.isPending ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : (
        <JobQueue jobs={jobs.data ?? []} backends={backendById} progress={progress} />
      )}
      {rights.manageTokens && <AgentTokensSection />}
      <SubmitJobDialog opened={submitOpened} onClose={submit.close} />
      <BackendSetupDialogs dialogs={dialogs} />
    </Stack>
  )
}

function Summary({ backends, jobs }: { backends: FarmBackend[]; jobs: RenderJob[] }) {
  const { t } = useTranslation()
  const count = (state: RenderJob['state']) => jobs.filter((j) => j.state === state).length
  const online = backends.filter((b) => b.state === 'online').length
  return (
    <Group gap="xs">
      <Badge variant="light" color="gray" size="lg">
        {t('farm.summary.queued', { count: count('queued') })}
      </Badge>
      <Badge variant="light" color="blue" size="lg">
        {t('farm.summary.running', { count: count('running') + count('assigned') })}
      </Badge>
      <Badge variant="light" color={online === backends.length ? 'teal' : 'yellow'} size="lg">
        {t('farm.summary.online', { online, total: backends.length })}
      </Badge>
    </Group>
  )
}
