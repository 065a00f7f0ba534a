// An uploaded control image: picked or dropped, checked for size here, read as base64 and stored
// content-addressed as a `control` input of the project; the caller gets its id.
import { MAX_RENDER_INPUT_BYTES } from '@aipipeline/contracts'
import { Button, Group, Paper, Text } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deriveErrorText } from './derive-error'
import { useUploadRenderInput } from './refine-queries'

const IMAGE_ACCEPT = 'image/png,image/jpeg,image/webp'

/** The file's bytes as base64 (the data URL's payload), read by the browser off the main thread. */
function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      const comma = url.indexOf(',')
      if (comma < 0) reject(new Error('not a data URL'))
      else resolve(url.slice(comma + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

export function ControlUpload({ projectId, onUploaded }: { projectId: string; onUploaded(inputId: string): void }) {
  const { t } = useTranslation()
  const upload = useUploadRenderInput(projectId)
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const [refusal, setRefusal] = useState<'readFailed' | 'tooLarge' | null>(null)
  const take = (files: FileList | null) => {
    const file = files?.[0]
    if (!file) return
    // Said before reading 64 MB into memory and sending it, only for the server to refuse it.
    setRefusal(file.size > MAX_RENDER_INPUT_BYTES ? 'tooLarge' : null)
    if (file.size > MAX_RENDER_INPUT_BYTES) return
    readBase64(file).then(
      (contentBase64) => upload.mutate({ kind: 'control', contentBase64 }, { onSuccess: (res) => onUploaded(res.id) }),
      () => setRefusal('readFailed'),
    )
  }
  return (
    <Paper
      withBorder
      p="md"
      data-testid="control-drop-zone"
      style={{
        borderStyle: 'dashed',
        textAlign: 'center',
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
      }}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        take(e.dataTransfer.files)
      }}
    >
      <Group justify="center" gap="xs">
        <Text size="sm">{t('refine.control.drop')}</Text>
        <Button size="compact-sm" variant="light" onClick={() => input.current?.click()} loading={upload.isPending}>
          {t('refine.control.choose')}
        </Button>
      </Group>
      <input
        ref={input}
        type="file"
        accept={IMAGE_ACCEPT}
        hidden
        aria-label={t('refine.control.choose')}
        data-testid="control-file-input"
        onChange={(e) => {
          take(e.currentTarget.files)
          e.currentTarget.value = ''
        }}
      />
      {upload.isPending && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('refine.control.uploading')}
        </Text>
      )}
      {upload.data && (
        <Text size="xs" mt={4} data-testid="control-uploaded">
          {t('refine.control.uploaded', { width: upload.data.width, height: upload.data.height })}
        </Text>
      )}
      {(upload.error || refusal) && (
        <Text size="xs" c="red" mt={4} role="alert">
          {refusal === 'readFailed'
            ? t('refine.control.readFailed')
            : refusal === 'tooLarge'
              ? t('refine.errors.tooLarge')
              : deriveErrorText(upload.error, t)}
        </Text>
      )}
    </Paper>
  )
}
