// The project's team for its managers: add people, set a project role and departments, remove.
// The server refuses what the domain refuses (e.g. the last manager) and the message is shown
// translated. Picking people from the studio needs the users list, which the API opens only to
// studio managers and admins; a member who manages just this project changes the existing team.
import { type Member, productionRoutes } from '@aipipeline/contracts'
import { access, ROLES, Role, roleSatisfies } from '@aipipeline/domain'
import { Alert, Button, Card, Group, Select, Stack, Table, TagsInput, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useApi, useSession } from '../../api/api-context'
import { apiErrorText } from '../../api/error-text'
import { projectKeys, useMembers } from '../projects/project-queries'
import { useUsers } from './people-queries'
import { useDepartments } from './project-departments-card'

const STUDIO_ROLE = '' // the Select's value for "no project role"

function usePutMember(projectId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { userId: string; role: Role | null; departments: string[] }) =>
      api.call(productionRoutes.putMember, {
        params: { projectId, userId: input.userId },
        body: { role: input.role, departments: input.departments },
      }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.members(projectId) })
      await queryClient.invalidateQueries({ queryKey: ['project', projectId, 'departments'] })
    },
  })
}

function useRemoveMember(projectId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) => api.callNoContent(productionRoutes.removeMember, { params: { projectId, userId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectKeys.members(projectId) }),
  })
}

export function ProjectMembersPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const studioRole = useSession()?.user.role
  const canPick = roleSatisfies(access.atLeast('manager'), studioRole)
  const members = useMembers(projectId)
  const users = useUsers(canPick)
  const put = usePutMember(projectId)
  const remove = useRemoveMember(projectId)
  const [picked, setPicked] = useState<string | null>(null)
  const team = members.data ?? []
  const onTeam = new Set(team.map((m) => m.userId))
  const candidates = (users.data ?? []).filter((u) => u.active && !onTeam.has(u.id))
  const departments = useDepartments(projectId)
  const knownDepartments = (departments.data ?? []).map((d) => d.name)
  const failure = put.error ?? remove.error
  const busy = put.isPending || remove.isPending

  return (
    <Card withBorder>
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('people.members.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('people.members.hint')}
          </Text>
        </div>
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {t('people.members.changeFailed', { message: apiErrorText(failure, t) })}
          </Alert>
        )}
        {canPick && (
          <Group align="flex-end" gap="sm">
            <Select
              label={t('people.members.userPicker')}
              placeholder={
                candidates.length === 0 && users.data
                  ? t('people.members.noOneLeft')
                  : t('people.members.userPickerPlaceholder')
              }
              data={candidates.map((u) => ({ value: u.id, label: `${u.displayName} · ${u.email}` }))}
              value={picked}
              onChange={setPicked}
              searchable
              w={360}
              disabled={candidates.length === 0}
            />
            <Button
              disabled={picked === null || busy}
              onClick={() =>
                picked &&
                put.mutate({ userId: picked, role: null, departments: [] }, { onSuccess: () => setPicked(null) })
              }
            >
              {t('people.members.add')}
            </Button>
          </Group>
        )}
        {team.length === 0 && members.data && <Text c="dimmed">{t('people.members.empty')}</Text>}
        {team.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" aria-label={t('people.members.title')} data-testid="members-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.users.columns.name')}</Table.Th>
                  <Table.Th>{t('people.members.projectRole')}</Table.Th>
                  <Table.Th>{t('people.members.departments')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {team.map((m) => (
                  <MemberRow
                    key={m.userId}
                    member={m}
                    departments={knownDepartments}
                    busy={busy}
                    onChange={(role, departmentNames) =>
                      put.mutate({ userId: m.userId, role, departments: departmentNames })
                    }
                    onRemove={() => remove.mutate(m.userId)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  )
}

interface MemberRowProps {
  member: z.infer<typeof Member>
  /** Names offered in the departments field. */
  departments: string[]
  busy: boolean
  onChange: (role: Role | null, departments: string[]) => void
  onRemove: () => void
}

/** One member: project role (admins keep theirs everywhere), departments, remove. */
function MemberRow({ member: m, departments, busy, onChange, onRemove }: MemberRowProps) {
  const { t } = useTranslation()
  const roleOptions = [
    { value: STUDIO_ROLE, label: t('people.members.studioRole', { role: t(`roles.${m.studioRole}`) }) },
    ...ROLES.filter((r) => r !== 'admin').map((r) => ({ value: r, label: t(`roles.${r}`) })),
  ]
  return (
    <Table.Tr data-testid={`member-row-${m.email}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {m.displayName}
        </Text>
        <Text size="xs" c="dimmed">
          {m.email}
        </Text>
      </Table.Td>
      <Table.Td w={240}>
        {m.role === 'admin' ? (
          <Text size="sm">{t('roles.admin')}</Text>
        ) : (
          <Select
            size="xs"
            aria-label={t('people.members.roleOf', { name: m.displayName })}
            data={roleOptions}
            value={m.projectRole ?? STUDIO_ROLE}
            allowDeselect={false}
            disabled={busy}
            onChange={(v) => onChange(v === null || v === STUDIO_ROLE ? null : Role.parse(v), m.departments)}
          />
        )}
      </Table.Td>
      <Table.Td>
        <TagsInput
          size="xs"
          aria-label={t('people.members.departmentsOf', { name: m.displayName })}
          placeholder={m.departments.length === 0 ? t('people.members.departmentsPlaceholder') : undefined}
          data={departments}
          value={m.departments}
          disabled={busy}
          onChange={(names) => onChange(m.projectRole, names)}
        />
      </Table.Td>
      <Table.Td w={100}>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          disabled={busy}
          aria-label={t('people.members.removeFrom', { name: m.displayName })}
          onClick={onRemove}
        >
          {t('people.members.remove')}
        </Button>
      </Table.Td>
    </Table.Tr>
  )
}
