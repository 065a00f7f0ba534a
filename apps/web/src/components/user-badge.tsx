import { Badge, Button, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../api/api-context'

/** Who is signed in, with their studio role; opens the user menu (Account) beside sign-out. */
export function UserBadge() {
  const { t } = useTranslation()
  const api = useApi()
  const session = useSession()
  if (!session) return null
  const { user } = session
  return (
    <Group gap="sm" wrap="nowrap">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('header.userMenu')} title={t('header.signedInAs', { email: user.email })}>
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600} lh={1.2} data-testid="user-name">
                {user.displayName}
              </Text>
              <Badge size="xs" variant="light" data-testid="user-role">
                {t(`roles.${user.role}`)}
              </Badge>
            </Stack>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.email}</Menu.Label>
          <Menu.Item renderRoot={(props) => <Link to="/account" {...props} />}>{t('header.account')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button variant="default" size="xs" onClick={() => void api.logout()}>
        {t('header.signOut')}
      </Button>
    </Group>
  )
}
