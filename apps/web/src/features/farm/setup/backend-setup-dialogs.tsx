// The farm page's setup parts: who may manage backends and tokens (from the contracts'
// access rules, so no button answers 403), the card actions, and the dialogs they open.
import { type FarmBackend, farmAgentRoutes, farmRoutes } from '@aipipeline/contracts'
import { roleSatisfies } from '@aipipeline/domain'
import { Button, Group, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../api/api-context'
import { backendErrorText } from './backend-form'
import { BackendFormDialog } from './backend-form-dialog'
import { BackendHealthDialog } from './backend-health-dialog'
import { useBackendSetup } from './backend-setup-queries'
import { ConfirmDialog } from './confirm-dialog'

/** What the signed-in role may do in the farm's setup. */
export function useFarmSetupRights() {
  const role = useSession()?.user.role
  return {
    manageBackends: roleSatisfies(farmRoutes.createFarmBackend.access, role),
    manageTokens: roleSatisfies(farmAgentRoutes.listAgentTokens.access, role),
  }
}

/** Dialog state of the backend setup: add/edit, remove, history. */
export function useBackendDialogs() {
  const [form, setForm] = useState<{ backend: FarmBackend | null } | null>(null)
  const [removing, setRemoving] = useState<FarmBackend | null>(null)
  const [history, setHistory] = useState<FarmBackend | null>(null)
  return {
    add: () => setForm({ backend: null }),
    edit: (b: FarmBackend) => setForm({ backend: b }),
    remove: setRemoving,
    history: setHistory,
    state: { form, removing, history },
    close: () => {
      setForm(null)
      setRemoving(null)
      setHistory(null)
    },
  }
}
export type BackendDialogs = ReturnType<typeof useBackendDialogs>

/** Buttons under a backend card: history for everyone who sees the farm, edit and remove for managers. */
export function BackendActions({
  backend,
  dialogs,
  manage,
}: {
  backend: FarmBackend
  dialogs: BackendDialogs
  manage: boolean
}) {
  const { t } = useTranslation()
  return (
    <Group gap={4} justify="flex-end">
      <Button size="compact-xs" variant="subtle" onClick={() => dialogs.history(backend)}>
        {t('farmSetup.actions.history')}
      </Button>
      {manage && (
        <>
          <Button size="compact-xs" variant="subtle" onClick={() => dialogs.edit(backend)}>
            {t('farmSetup.actions.edit')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => dialogs.remove(backend)}>
            {t('farmSetup.actions.remove')}
          </Button>
        </>
      )}
    </Group>
  )
}

/** The dialogs themselves, rendered once by the page. */
export function BackendSetupDialogs({ dialogs }: { dialogs: BackendDialogs }) {
  const { t } = useTranslation()
  const { remove } = useBackendSetup()
  const { form, removing, history } = dialogs.state
  return (
    <>
      <BackendFormDialog opened={form !== null} backend={form?.backend ?? null} onClose={dialogs.close} />
      <BackendHealthDialog backend={history} onClose={dialogs.close} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('farmSetup.remove.title', { name: removing?.name ?? '' })}
        confirmLabel={t('farmSetup.actions.remove')}
        pending={remove.isPending}
        error={remove.error ? backendErrorText(remove.error, t) : null}
        onClose={() => {
          remove.reset()
          dialogs.close()
        }}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: dialogs.close })}
      >
        <Text size="sm">{t('farmSetup.remove.text', { name: removing?.name ?? '', url: removing?.url ?? '' })}</Text>
      </ConfirmDialog>
    </>
  )
}
