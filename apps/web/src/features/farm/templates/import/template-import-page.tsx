import { access, roleSatisfies } from '@aipipeline/domain'
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../../api/api-context'
import { NotForRole } from '../../../../components/not-for-role'
import { templateErrorText } from '../template-errors'
import { type Inspection, useInspectWorkflow } from '../template-queries'
import { ImportReview } from './import-review'
import { WorkflowDropZone } from './workflow-drop-zone'
import { type FileProblem, readWorkflowFile } from './workflow-file'

/** Importing a workflow is for supervisors and above; others get the notice. */
export function TemplateImportPage() {
  const role = useSession()?.user.role
  return roleSatisfies(access.atLeast('supervisor'), role) ? <TemplateImport /> : <NotForRole />
}

interface Inspected {
  fileName: string
  inspection: Inspection
}

/** Drop a file, the server reads it, the user reviews and saves it as a template. */
function TemplateImport() {
  const { t } = useTranslation()
  const inspect = useInspectWorkflow()
  const [reading, setReading] = useState<string | null>(null)
  const [problem, setProblem] = useState<FileProblem | null>(null)
  const [inspected, setInspected] = useState<Inspected | null>(null)

  const onFile = async (file: File) => {
    setProblem(null)
    setInspected(null)
    inspect.reset()
    setReading(file.name)
    try {
      const read = await readWorkflowFile(file)
      if (!read.ok) return setProblem(read.problem)
      const inspection = await inspect.mutateAsync(read.request).catch(() => null)
      if (inspection) setInspected({ fileName: file.name, inspection })
    } finally {
      setReading(null)
    }
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/templates" size="sm">
        ← {t('templates.detail.back')}
      </Anchor>
      <div>
        <Title order={2}>{t('templates.import.title')}</Title>
        <Text c="dimmed" size="sm" maw={720}>
          {t('templates.import.subtitle')}
        </Text>
      </div>
      {inspected === null ? (
        <WorkflowDropZone busy={reading !== null} busyName={reading} onFile={(f) => void onFile(f)} />
      ) : (
        <ImportReview
          key={inspected.fileName}
          fileName={inspected.fileName}
          inspection={inspected.inspection}
          onRestart={() => setInspected(null)}
        />
      )}
      {problem && (
        <Alert color="red" variant="light" data-testid="import-problem">
          {t(`templates.import.problem.${problem}`)}
        </Alert>
      )}
      {inspect.error && (
        <Alert color="red" variant="light" data-testid="import-problem">
          {t('templates.import.inspectFailed', { message: templateErrorText(inspect.error, t) })}
        </Alert>
      )}
    </Stack>
  )
}
