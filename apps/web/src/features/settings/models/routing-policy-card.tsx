import type { LlmDeployment } from '@aipipeline/contracts'
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LocalityBadge } from './deployment-badges'
import { routingPolicy } from './routing-policy'

/** Which deployments serve each task class, in the order the router tries them. */
export function RoutingPolicyCard({ deployments }: { deployments: LlmDeployment[] }) {
  const { t } = useTranslation()
  const routes = routingPolicy(deployments)
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4">
        {t('settings.models.routing.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.models.routing.description')}
      </Text>
      <Table verticalSpacing="xs" aria-label={t('settings.models.routing.title')}>
        <Table.Tbody>
          {routes.map((route) => (
            <Table.Tr key={route.taskClass} data-testid="route" data-task-class={route.taskClass}>
              <Table.Th w={140} fw={500} style={{ verticalAlign: 'top' }}>
                {t(`settings.models.taskClass.${route.taskClass}`)}
              </Table.Th>
              <Table.Td>
                <Stack gap={4}>
                  {route.steps.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('settings.models.routing.none')}
                    </Text>
                  ) : (
                    <Group gap={6}>
                      {route.steps.map((step, i) => (
                        <Group key={step.deployment.id} gap={4} wrap="nowrap">
                          {i > 0 && (
                            <Text size="sm" c="dimmed" aria-hidden>
                              →
                            </Text>
                          )}
                          <Text size="sm" fw={500}>
                            {i + 1}. {step.deployment.name}
                          </Text>
                          <LocalityBadge locality={step.deployment.locality} />
                          {step.viaFallback && (
                            <Badge size="xs" variant="light" color="orange">
                              {t('settings.models.routing.fallback')}
                            </Badge>
                          )}
                        </Group>
                      ))}
                    </Group>
                  )}
                  {route.unavailable.map((u) => (
                    <Text key={u.deployment.id} size="xs" c="dimmed">
                      {t('settings.models.routing.unavailable', {
                        name: u.deployment.name,
                        reason: t(`settings.models.routing.reason.${u.reason}`),
                      })}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
