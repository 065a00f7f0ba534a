// The saved-filters menu: apply, save the current view under a name, delete.
import { ActionIcon, Button, Group, Menu, Popover, Stack, TextInput } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../api/api-context'
import { deleteView, loadSavedViews, type SavedView, savedViewsKey, saveView } from './saved-views'
import type { TableView } from './table-model'

/** Saved filters for the signed-in user in one project. */
export function SavedViewsMenu(props: { projectId: string; view: TableView; onApply: (view: TableView) => void }) {
  const { t } = useTranslation()
  const userId = useSession()?.user.id ?? 'anonymous'
  const key = savedViewsKey(userId, props.projectId)
  const [views, setViews] = useState<SavedView[]>(() => loadSavedViews(localStorage, key))
  const [name, setName] = useState('')
  const [naming, setNaming] = useState(false)
  const names = useMemo(() => views.map((v) => v.name), [views])

  const save = () => {
    const trimmed = name.trim()
    if (trimmed === '') return
    setViews(saveView(localStorage, key, trimmed, props.view))
    setName('')
    setNaming(false)
  }

  return (
    <Group gap={4} wrap="nowrap">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs">
            {t('projects.views.saved', { count: names.length })}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {views.length === 0 && <Menu.Label>{t('projects.views.none')}</Menu.Label>}
          {views.map((v) => (
            <Menu.Item
              key={v.name}
              onClick={() => props.onApply(v.view)}
              rightSection={
                <ActionIcon
                  component="span"
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('projects.views.delete', { name: v.name })}
                  onClick={(e) => {
                    e.stopPropagation()
                    setViews(deleteView(localStorage, key, v.name))
                  }}
                >
                  ×
                </ActionIcon>
              }
            >
              {v.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={naming} onChange={setNaming} position="bottom-start" withinPortal trapFocus>
        <Popover.Target>
          <Button variant="subtle" size="xs" onClick={() => setNaming((o) => !o)}>
            {t('projects.views.save')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <TextInput
              size="xs"
              label={t('projects.views.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') save()
              }}
            />
            <Button size="xs" onClick={save} disabled={name.trim() === ''}>
              {t('projects.views.saveConfirm')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  )
}
