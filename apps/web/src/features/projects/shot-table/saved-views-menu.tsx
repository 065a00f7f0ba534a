// The saved-views menu: apply a saved view (mine or shared with the project), save the
// current filter and column layout under a name (managers and supervisors may share it),
// delete the views the caller may delete.
import { productionRoutes, type ShotTableView } from '@aipipeline/contracts'
import { ActionIcon, Button, Checkbox, Group, Menu, Popover, Stack, Text, TextInput } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { apiErrorText } from '../../../api/error-text'
import { type ColumnWidths, fromSettings, toSettings } from './saved-views'
import type { TableView } from './table-model'

interface Props {
  projectId: string
  view: TableView
  widths: ColumnWidths
  /** Whether the caller may share views with the project. */
  canShare: boolean
  onApply: (view: TableView, widths: ColumnWidths) => void
  onError: (message: string) => void
}

const viewsKey = (projectId: string) => ['project', projectId, 'table-views'] as const

/** Saved views of the shot table for the signed-in person in one project. */
export function SavedViewsMenu(props: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const key = viewsKey(props.projectId)
  const views = useQuery({
    queryKey: key,
    queryFn: () => api.call(productionRoutes.listShotTableViews, { params: { projectId: props.projectId } }),
  }).data?.items
  const [name, setName] = useState('')
  const [shared, setShared] = useState(false)
  const [naming, setNaming] = useState(false)
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key })

  const save = async () => {
    const trimmed = name.trim()
    if (trimmed === '') return
    try {
      await api.call(productionRoutes.saveShotTableView, {
        params: { projectId: props.projectId },
        body: { name: trimmed, shared: shared && props.canShare, view: toSettings(props.view, props.widths) },
      })
      setName('')
      setShared(false)
      setNaming(false)
    } catch (e) {
      props.onError(apiErrorText(e, t))
    } finally {
      refresh()
    }
  }
  const remove = async (view: ShotTableView) => {
    try {
      await api.call(productionRoutes.deleteShotTableView, { params: { projectId: props.projectId, viewId: view.id } })
    } catch (e) {
      props.onError(apiErrorText(e, t))
    } finally {
      refresh()
    }
  }
  const apply = (view: ShotTableView) => {
    const restored = fromSettings(view.view)
    props.onApply(restored.view, restored.widths)
  }

  return (
    <Group gap={4} wrap="nowrap">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" data-testid="saved-views">
            {t('projects.views.saved', { count: views?.length ?? 0 })}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(views ?? []).length === 0 && <Menu.Label>{t('projects.views.none')}</Menu.Label>}
          {(views ?? []).map((v) => (
            <Menu.Item
              key={v.id}
              onClick={() => apply(v)}
              rightSection={
                v.canDelete && (
                  <ActionIcon
                    component="span"
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('projects.views.delete', { name: v.name })}
                    onClick={(e) => {
                      e.stopPropagation()
                      void remove(v)
                    }}
                  >
                    ×
                  </ActionIcon>
                )
              }
            >
              <Group gap={6} wrap="nowrap">
                <Text size="sm">{v.name}</Text>
                {v.shared && (
                  <Text size="xs" c="dimmed">
                    {t('projects.views.sharedTag')}
                  </Text>
                )}
              </Group>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={naming} onChange={setNaming} position="bottom-start" withinPortal trapFocus>
        <Popover.Target>
          <Button variant="subtle" size="xs" onClick={() => setNaming((o) => !o)} data-testid="save-view">
            {t('projects.views.save')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <TextInput
              size="xs"
              label={t('projects.views.name')}
              data-testid="save-view-name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void save()
              }}
            />
            {props.canShare && (
              <Checkbox
                size="xs"
                label={t('projects.views.share')}
                checked={shared}
                onChange={(e) => setShared(e.currentTarget.checked)}
              />
            )}
            <Button size="xs" onClick={() => void save()} disabled={name.trim() === ''}>
              {t('projects.views.saveConfirm')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  )
}
