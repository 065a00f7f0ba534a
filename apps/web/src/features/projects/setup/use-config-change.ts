// One configuration change of a project (a status, task type, field or setting): the call,
// then the project re-read so every screen shows the server's result; the failure as text in
// the user's language.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { projectKeys } from '../project-queries'
import { setupErrorText } from './setup-errors'

/** A mutation that refreshes the project and the shot table after it; `errorText` says why it failed. */
export function useConfigChange<V>(projectId: string, run: (vars: V) => Promise<unknown>) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: run,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.project(projectId) })
      await queryClient.invalidateQueries({ queryKey: projectKeys.table(projectId) })
    },
  })
  const errorText = mutation.error
    ? t('projectSetup.common.failed', { message: setupErrorText(mutation.error, t) })
    : null
  return { ...mutation, errorText }
}
