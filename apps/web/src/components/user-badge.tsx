import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../api/api-context'

/** Who is signed in, with their studio role, and the sign-out button. */
export function UserBadge() {
  const { t } = useTranslation()
  const api = useApi()
  const session = useSession()
  if (!session) return null
  const { user } = session
  return (
    <Group gap="sm" wrap="nowrap">
      <Tooltip label={t('header.signedInAs', { email: user.email })}>
        <Stack gap={0} align="flex-end">
          <Text size="sm" fw={600} lh={1.2} data-testid="user-name">
            {user.displayName}
          </Text>
          <Badge size="xs" variant="light" data-testid="user-role">
            {t(`roles.${user.role}`)}
          </Badge>
        </Stack>
      </Tooltip>
      <Button variant="default" size="xs" onClick={() => void api.logout()}>
        {t('header.signOut')}
      </Button>
    </Group>
  )
}
