// What the shot shows, in the user's words: subject, action, setting and detail phrases.
import { SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { patchSection } from './config-edit'
import { usePanel } from './cpe-panel-context'

/** Empty text clears the key rather than storing "". */
const text = (value: string) => (value.trim() === '' ? undefined : value)

export function ContentSection() {
  const { t } = useTranslation()
  const { analysis, edit } = usePanel()
  const { content } = analysis.config
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput
        label={t('promptEngine.content.subject')}
        placeholder={t('promptEngine.content.subjectPlaceholder')}
        value={content.subject ?? ''}
        maxLength={2000}
        onChange={(e) => edit((c) => patchSection(c, 'content', { subject: text(e.currentTarget.value) }))}
      />
      <TextInput
        label={t('promptEngine.content.action')}
        placeholder={t('promptEngine.content.actionPlaceholder')}
        value={content.action ?? ''}
        maxLength={2000}
        onChange={(e) => edit((c) => patchSection(c, 'content', { action: text(e.currentTarget.value) }))}
      />
      <TextInput
        label={t('promptEngine.content.setting')}
        placeholder={t('promptEngine.content.settingPlaceholder')}
        value={content.setting ?? ''}
        maxLength={2000}
        onChange={(e) => edit((c) => patchSection(c, 'content', { setting: text(e.currentTarget.value) }))}
      />
      <Textarea
        label={t('promptEngine.content.details')}
        description={t('promptEngine.content.detailsHint')}
        placeholder={t('promptEngine.content.detailsPlaceholder')}
        autosize
        minRows={2}
        maxRows={6}
        value={content.details.join('\n')}
        onChange={(e) => {
          // Lines are kept while typing (an empty last line is where the next phrase goes).
          const details = e.currentTarget.value
            .split('\n')
            .slice(0, 50)
            .map((d) => d.slice(0, 500))
          edit((c) => patchSection(c, 'content', { details }))
        }}
      />
    </SimpleGrid>
  )
}
