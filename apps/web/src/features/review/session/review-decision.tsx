// Approve and Retake from the player: a note on the item's task that sets the project's
// approved (done) or retake status, found by flags as on the shot page. Shown only to those
// the status rules let post that status on this task (the rules the server applies); a retake
// needs a note and carries the frame reference the viewer chose.
import type { PlaylistItem, Project } from '@aipipeline/contracts'
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDecisionStatuses } from '../../projects/shot-page/decision-statuses'

interface Props {
  project: Project
  item: PlaylistItem
  busy: boolean
  error: string | null
  /** Posts the decision; resolves true when it went through. */
  onDecide(statusId: string, note: string): Promise<boolean>
}

export function ReviewDecision({ project, item, busy, error, onDecide }: Props) {
  const { t } = useTranslation()
  const statuses = useDecisionStatuses(project, item.taskId)
  const [retaking, setRetaking] = useState(false)
  const [note, setNote] = useState('')
  if (!statuses.approve && !statuses.retake) return null
  const { approve, retake } = statuses
  return (
    <>
      <Group gap={6} wrap="nowrap">
        {approve && (
          <Button
            size="xs"
            color="green"
            loading={busy && !retaking}
            disabled={item.statusId === approve.id}
            onClick={() => void onDecide(approve.id, '')}
            data-testid="review-approve"
          >
            {t('reviewSession.decide.approve')}
          </Button>
        )}
        {retake && (
          <Button size="xs" color="red" variant="light" onClick={() => setRetaking(true)} data-testid="review-retake">
            {t('reviewSession.decide.retake')}
          </Button>
        )}
      </Group>
      {error && !retaking && (
        <Alert color="red" role="alert" py={4}>
          {error}
        </Alert>
      )}
      {retake && (
        <Modal opened={retaking} onClose={() => setRetaking(false)} title={t('reviewSession.decide.retakeTitle')}>
          <Stack gap="sm">
            <Textarea
              label={t('reviewSession.decide.retakeNote')}
              description={t('reviewSession.decide.retakeHint')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              // The page's keys (the player's, N/P) must not fire while typing the note.
              onKeyDown={(e) => e.stopPropagation()}
              autosize
              minRows={3}
              data-autofocus
              data-testid="review-retake-note"
            />
            {error && (
              <Alert color="red" role="alert" py={4}>
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRetaking(false)}>
                {t('reviewSession.decide.cancel')}
              </Button>
              <Button
                color="red"
                loading={busy}
                disabled={note.trim() === ''}
                data-testid="review-retake-submit"
                onClick={async () => {
                  if (await onDecide(retake.id, note)) {
                    setRetaking(false)
                    setNote('')
                  }
                }}
              >
                {t('reviewSession.decide.send')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  )
}
