// The users list: role, status, last sign-in; admins change roles, (de)activate and issue links.
import type { UserStatus, UserSummary } from '@aipipeline/contracts'
import { ROLES, Role } from '@aipipeline/domain'
import { ActionIcon, Badge, Group, Menu, Select, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const STATUS_COLOUR: Record<UserStatus, string> = { active: 'teal', invited: 'blue', deactivated: 'gray' }

interface Props {
  users: UserSummary[]
  selfId: string | undefined
  canEdit: boolean
  busy: boolean
  onRole: (user: UserSummary, role: Role) => void
  onActive: (user: UserSummary, active: boolean) => void
  onLink: (user: UserSummary) => void
}

/** One row per user; controls only for admins, and none that would lock an admin out of their own account. */
export function UsersTable({ users, selfId, canEdit, busy, onRole, onActive, onLink }: Props) {
  const { t, i18n } = useTranslation()
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language)
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" aria-label={t('people.users.title')} data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.users.columns.name')}</Table.Th>
            <Table.Th>{t('people.users.columns.email')}</Table.Th>
            <Table.Th>{t('people.users.columns.role')}</Table.Th>
            <Table.Th>{t('people.users.columns.status')}</Table.Th>
            <Table.Th>{t('people.users.columns.lastSignIn')}</Table.Th>
            {canEdit && <Table.Th aria-label={t('people.users.columns.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => {
            const self = u.id === selfId
            const expired = u.pendingLink !== null && Date.parse(u.pendingLink.expiresAt) <= Date.now()
            return (
              <Table.Tr key={u.id} data-testid={`user-row-${u.email}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {u.displayName}
                    </Text>
                    {self && (
                      <Badge size="xs" variant="outline">
                        {t('people.users.self')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{u.email}</Text>
                </Table.Td>
                <Table.Td w={170}>
                  {canEdit && !self ? (
                    <Select
                      size="xs"
                      aria-label={t('people.users.roleFor', { name: u.displayName })}
                      data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                      value={u.role}
                      disabled={busy}
                      allowDeselect={false}
                      onChange={(v) => v && v !== u.role && onRole(u, Role.parse(v))}
                    />
                  ) : (
                    <Text size="sm">{t(`roles.${u.role}`)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge color={STATUS_COLOUR[u.status]} variant="light" data-testid="user-status">
                      {t(`people.users.status.${u.status}`)}
                    </Badge>
                    {u.pendingLink && u.status !== 'deactivated' && (
                      <Text size="xs" c={expired ? 'red' : 'dimmed'}>
                        {expired
                          ? t('people.users.linkExpired', { date: when(u.pendingLink.expiresAt) })
                          : t('people.users.linkPending', { date: when(u.pendingLink.expiresAt) })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={u.lastSignedInAt ? undefined : 'dimmed'}>
                    {u.lastSignedInAt ? when(u.lastSignedInAt) : t('people.users.never')}
                  </Text>
                </Table.Td>
                {canEdit && (
                  <Table.Td w={48}>
                    {!self && (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('people.users.actionsFor', { name: u.displayName })}
                            disabled={busy}
                          >
                            ⋯
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {u.status !== 'deactivated' && (
                            <Menu.Item onClick={() => onLink(u)}>
                              {u.status === 'invited'
                                ? t('people.users.newInvitationLink')
                                : t('people.users.resetPassword')}
                            </Menu.Item>
                          )}
                          {u.active ? (
                            <Menu.Item color="red" onClick={() => onActive(u, false)}>
                              {t('people.users.deactivate')}
                            </Menu.Item>
                          ) : (
                            <Menu.Item onClick={() => onActive(u, true)}>{t('people.users.reactivate')}</Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
