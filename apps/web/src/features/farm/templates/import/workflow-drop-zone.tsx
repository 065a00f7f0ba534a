import { Button, Loader, Paper, Stack, Text } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WORKFLOW_FILE_ACCEPT } from './workflow-file'

interface Props {
  busy: boolean
  busyName: string | null
  onFile(file: File): void
}

/** A drop target that also opens the file picker; one file at a time. */
export function WorkflowDropZone({ busy, busyName, onFile }: Props) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const take = (files: FileList | null) => {
    const file = files?.[0]
    if (file) onFile(file)
  }
  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      data-testid="workflow-drop-zone"
      data-over={over}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
        textAlign: 'center',
      }}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        if (!busy) take(e.dataTransfer.files)
      }}
    >
      <Stack gap="sm" align="center">
        {busy ? (
          <>
            <Loader size="sm" />
            <Text size="sm">{t('templates.import.reading', { name: busyName ?? '' })}</Text>
          </>
        ) : (
          <>
            <Text fw={600}>{t('templates.import.drop')}</Text>
            <Text size="sm" c="dimmed" maw={520}>
              {t('templates.import.dropHint')}
            </Text>
            <Button variant="light" onClick={() => input.current?.click()}>
              {t('templates.import.pick')}
            </Button>
          </>
        )}
        <input
          ref={input}
          type="file"
          accept={WORKFLOW_FILE_ACCEPT}
          hidden
          aria-label={t('templates.import.fileInput')}
          data-testid="workflow-file-input"
          onChange={(e) => {
            take(e.currentTarget.files)
            // The same file picked again after a fix should be read again.
            e.currentTarget.value = ''
          }}
        />
      </Stack>
    </Paper>
  )
}
