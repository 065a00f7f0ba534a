// A project's departments for its managers: add, rename, delete. Renaming or deleting carries
// through to members and task types on the server; the team and project are re-read after.
import { productionRoutes } from '@aipipeline/contracts'
import { ActionIcon, Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { apiErrorText } from '../../api/error-text'
import { projectKeys } from '../projects/project-queries'

const departmentsKey = (projectId: string) => ['project', projectId, 'departments'] as const

type Change =
  | { kind: 'create'; name: string }
  | { kind: 'rename'; from: string; name: string }
  | { kind: 'delete'; name: string }

function useDepartmentChange(projectId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (change: Change) => {
      switch (change.kind) {
        case 'create':
          await api.call(productionRoutes.createDepartment, { params: { projectId }, body: { name: change.name } })
          return
        case 'rename':
          await api.call(productionRoutes.renameDepartment, {
            params: { projectId, department: change.from },
            body: { name: change.name },
          })
          return
        case 'delete':
          await api.callNoContent(productionRoutes.deleteDepartment, { params: { projectId, department: change.name } })
          return
      }
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: departmentsKey(projectId) })
      await queryClient.invalidateQueries({ queryKey: projectKeys.members(projectId) })
      await queryClient.invalidateQueries({ queryKey: projectKeys.project(projectId) })
    },
  })
}

/** The project's departments with member counts. */
export function useDepartments(projectId: string) {
  const api = useApi()
  return useQuery({
    queryKey: departmentsKey(projectId),
    queryFn: async () => (await api.call(productionRoutes.listDepartments, { params: { projectId } })).items,
  })
}

export function ProjectDepartmentsCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const departments = useDepartments(projectId)
  const change = useDepartmentChange(projectId)
  const [newName, setNewName] = useState('')
  const [editing, setEditing] = useState<{ from: string; name: string } | null>(null)
  const items = departments.data ?? []

  return (
    <Card withBorder>
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('people.departments.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('people.departments.hint')}
          </Text>
        </div>
        {change.error && (
          <Alert color="red" variant="light" role="alert">
            {t('people.members.changeFailed', { message: apiErrorText(change.error, t) })}
          </Alert>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const name = newName.trim()
            if (name) change.mutate({ kind: 'create', name }, { onSuccess: () => setNewName('') })
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('people.departments.newName')}
              value={newName}
              maxLength={60}
              onChange={(e) => setNewName(e.currentTarget.value)}
              w={280}
            />
            <Button type="submit" variant="light" disabled={newName.trim() === '' || change.isPending}>
              {t('people.departments.create')}
            </Button>
          </Group>
        </form>
        {departments.data && items.length === 0 && <Text c="dimmed">{t('people.departments.empty')}</Text>}
        {items.length > 0 && (
          <Table verticalSpacing={4} aria-label={t('people.departments.title')} data-testid="departments-table">
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.name}>
                  <Table.Td>
                    {editing?.from === d.name ? (
                      <TextInput
                        size="xs"
                        aria-label={t('people.departments.renameTo', { name: d.name })}
                        value={editing.name}
                        maxLength={60}
                        autoFocus
                        onChange={(e) => setEditing({ from: d.name, name: e.currentTarget.value })}
                        onKeyDown={(e) => {
                          if (e.key === 'Escape') setEditing(null)
                          if (e.key === 'Enter' && editing.name.trim())
                            change.mutate(
                              { kind: 'rename', from: d.name, name: editing.name.trim() },
                              { onSuccess: () => setEditing(null) },
                            )
                        }}
                      />
                    ) : (
                      <Text size="sm" fw={500}>
                        {d.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t('people.departments.members', { count: d.memberCount })}
                    </Text>
                  </Table.Td>
                  <Table.Td w={200}>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {editing?.from === d.name ? (
                        <Button
                          size="xs"
                          variant="light"
                          disabled={!editing.name.trim() || change.isPending}
                          onClick={() =>
                            change.mutate(
                              { kind: 'rename', from: d.name, name: editing.name.trim() },
                              { onSuccess: () => setEditing(null) },
                            )
                          }
                        >
                          {t('people.departments.save')}
                        </Button>
                      ) : (
                        <Button size="xs" variant="subtle" onClick={() => setEditing({ from: d.name, name: d.name })}>
                          {t('people.departments.rename')}
                        </Button>
                      )}
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('people.departments.deleteName', { name: d.name })}
                        disabled={change.isPending}
                        onClick={() => change.mutate({ kind: 'delete', name: d.name })}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  )
}
