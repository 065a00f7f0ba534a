import { roleSatisfies } from '@aipipeline/domain'
import { AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text, useMantineTheme } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { Link, Outlet, useRouterState } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useSession } from '../api/api-context'
import { LanguageSwitch } from '../components/language-switch'
import { RealtimeIndicator } from '../components/realtime-indicator'
import { ThemeToggle } from '../components/theme-toggle'
import { UserBadge } from '../components/user-badge'
import { NotificationBell } from '../features/projects/notifications/notification-bell'
import { navItems } from './nav-items'

/**
 * The signed-in shell: header with account controls, section navigation, page outlet.
 * On narrow screens the language switch and account move into the burger menu, since the
 * header has room only for the essentials.
 */
export function AppLayout() {
  const { t } = useTranslation()
  const [opened, { toggle, close }] = useDisclosure()
  const role = useSession()?.user.role
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  // Rendered in one place only, so there is a single language switch and sign-out button.
  const narrow = useMediaQuery(`(max-width: ${useMantineTheme().breakpoints.sm})`) ?? false

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('header.toggleNavigation')}
            />
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <RealtimeIndicator />
            {!narrow && <LanguageSwitch />}
            <ThemeToggle />
            {!narrow && <UserBadge />}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {navItems
            .filter((item) => roleSatisfies(item.access, role))
            .map((item) => (
              <NavLink
                key={item.to}
                label={t(item.label)}
                active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
                onClick={close}
                renderRoot={(props) => <Link to={item.to} {...props} />}
              />
            ))}
        </AppShell.Section>
        {narrow && (
          <AppShell.Section pt="md">
            <Stack gap="sm" align="flex-start">
              <LanguageSwitch />
              <UserBadge />
            </Stack>
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
