// The Render button of the shot page header and the shot table toolbar: shown only to roles
// that render (staff), it opens the Render dialog for the given shots.
import type { Project } from '@aipipeline/contracts'
import { Button } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RenderDialog } from './render-dialog'
import { canRender, type RenderShot } from './render-plan'

export function RenderButton({
  project,
  shots,
  size = 'sm',
}: {
  project: Project
  shots: readonly RenderShot[]
  size?: 'xs' | 'sm'
}) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  if (!canRender(project.myRole) || shots.length === 0) return null
  return (
    <>
      <Button size={size} onClick={() => setOpened(true)} data-testid="render-open">
        {shots.length === 1 ? t('render.open') : t('render.openMany', { count: shots.length })}
      </Button>
      <RenderDialog opened={opened} onClose={() => setOpened(false)} project={project} shots={shots} />
    </>
  )
}
