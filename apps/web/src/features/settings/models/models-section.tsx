import type { LlmDeployment } from '@aipipeline/contracts'
import { Alert, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../api/api-context'
import { BudgetsCard } from './budgets-card'
import { ContextInspector } from './context-inspector'
import { DeploymentDialog } from './deployment-dialog'
import { DeploymentsTable } from './deployments-table'
import { useDeployments } from './llm-queries'
import { PricesCard } from './prices-card'
import { RoutingPolicyCard } from './routing-policy-card'
import { SpendCard } from './spend-card'

/** Settings → Models: deployments and keys, routing, prices, budgets, spend, context inspector. */
export function ModelsSection() {
  const { t } = useTranslation()
  const role = useSession()?.user.role
  const isAdmin = role === 'admin'
  const deployments = useDeployments()
  const [editing, setEditing] = useState<LlmDeployment | 'new' | null>(null)
  const list = deployments.data ?? []

  return (
    <Stack gap="lg">
      <Text c="dimmed" size="sm">
        {t('settings.models.intro')}
      </Text>
      {!isAdmin && (
        <Alert variant="light" color="gray">
          {t('settings.models.readOnly')} {t('settings.models.budgets.overrideAdminOnly')}
        </Alert>
      )}
      <DeploymentsTable isAdmin={isAdmin} onAdd={() => setEditing('new')} onEdit={setEditing} />
      <RoutingPolicyCard deployments={list} />
      <BudgetsCard isAdmin={isAdmin} />
      <SpendCard />
      <ContextInspector deployments={list} />
      <PricesCard isAdmin={isAdmin} />
      <DeploymentDialog editing={editing} all={list} onClose={() => setEditing(null)} />
    </Stack>
  )
}
