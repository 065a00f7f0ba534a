import type { WorkflowTemplate } from '@aipipeline/contracts'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { draftsOf, draftsValid, parameterPatch } from './parameter-edits'
import { ParameterTable } from './parameter-table'
import { templateErrorText } from './template-errors'
import { useUpdateTemplate } from './template-queries'

/** The parameter table of a saved template; a supervisor's changes are saved as a new revision. */
export function ParameterEditor({ template, editable }: { template: WorkflowTemplate; editable: boolean }) {
  const { t } = useTranslation()
  const [drafts, setDrafts] = useState(() => draftsOf(template.parameters))
  const update = useUpdateTemplate(template.id)
  const patch = parameterPatch(template.parameters, drafts)
  const changed = Object.keys(patch).length > 0
  const valid = draftsValid(template.parameters, drafts)
  return (
    <Stack gap="sm">
      <ParameterTable
        parameters={template.parameters}
        drafts={drafts}
        {...(editable ? { onChange: (name, d) => setDrafts((all) => ({ ...all, [name]: d })) } : {})}
      />
      {!editable && template.parameters.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('templates.parameters.readOnly')}
        </Text>
      )}
      {update.error && (
        <Alert color="red" variant="light">
          {t('templates.parameters.saveFailed', { message: templateErrorText(update.error, t) })}
        </Alert>
      )}
      {update.isSuccess && !changed && (
        <Text size="sm" c="teal" data-testid="parameters-saved">
          {t('templates.parameters.saved', { revision: update.data.revision })}
        </Text>
      )}
      {editable && template.parameters.length > 0 && (
        <Group>
          <Button
            disabled={!changed || !valid}
            loading={update.isPending}
            onClick={() =>
              update.mutate({ parameters: patch }, { onSuccess: (saved) => setDrafts(draftsOf(saved.parameters)) })
            }
          >
            {t('templates.parameters.save')}
          </Button>
          <Button variant="default" disabled={!changed} onClick={() => setDrafts(draftsOf(template.parameters))}>
            {t('templates.parameters.discard')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
