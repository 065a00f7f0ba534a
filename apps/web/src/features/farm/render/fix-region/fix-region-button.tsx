// "Fix region" in the version viewer's actions: shown only to roles that render, on still
// images; it opens the inpaint/outpaint dialog over the version.
import type { Project } from '@aipipeline/contracts'
import { Button } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShotVersion } from '../../../projects/shot-page/version-files'
import { FixRegionDialog } from './fix-region-dialog'
import { canFixRegion } from './fix-region-plan'

export function FixRegionButton(props: {
  project: Project
  version: ShotVersion
  label: string
  /**
   * Told when the dialog opens and closes: a modal under it should not close on Esc meanwhile
   * (each Mantine modal outside a Modal.Stack closes on any Esc in the window).
   */
  onOpenChange?: (open: boolean) => void
}) {
  const { project, version, label, onOpenChange } = props
  const { t } = useTranslation()
  const [opened, setOpenedState] = useState(false)
  const setOpened = (open: boolean) => {
    setOpenedState(open)
    onOpenChange?.(open)
  }
  if (!canFixRegion(project.myRole, version)) return null
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)} data-testid="fix-region-open">
        {t('fixRegion.open')}
      </Button>
      {opened && <FixRegionDialog project={project} version={version} label={label} onClose={() => setOpened(false)} />}
    </>
  )
}
