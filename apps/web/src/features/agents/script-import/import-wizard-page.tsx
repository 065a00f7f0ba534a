import type { ApplyAnalysisResult } from '@aipipeline/contracts'
import { Alert, Anchor, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AnalyseStep } from './analyse-step'
import { ReviewStep } from './review-step'
import { UploadStep } from './upload-step'

export interface ImportSearch {
  runId?: string
}

type Phase =
  | { step: 'upload' }
  | { step: 'analyse'; runId: string }
  | { step: 'review'; runId: string }
  | { step: 'done'; runId: string; result: ApplyAnalysisResult }

const ORDER = { upload: 0, analyse: 1, review: 2, done: 3 } as const

/** Screenplay import: upload → live analysis → review the diff → create the chosen items. */
export function ImportWizardPage() {
  const { t } = useTranslation()
  const search = useSearch({ from: '/signed-in/agents/import' })
  const navigate = useNavigate()
  // A run id in the address resumes at the analysis, which moves on once the run has completed.
  const [phase, setPhase] = useState<Phase>(() =>
    search.runId ? { step: 'analyse', runId: search.runId } : { step: 'upload' },
  )
  const runId = phase.step === 'upload' ? null : phase.runId
  const toReview = useCallback(() => {
    if (runId) setPhase((p) => (p.step === 'analyse' ? { step: 'review', runId } : p))
  }, [runId])

  return (
    <Stack gap="lg">
      <Anchor renderRoot={(props) => <Link to="/agents" {...props} />} size="sm">
        ← {t('agents.run.back')}
      </Anchor>
      <div>
        <Title order={2}>{t('agents.import.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('agents.import.subtitle')}
        </Text>
      </div>
      <Stepper active={ORDER[phase.step]} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('agents.import.stepUpload')} />
        <Stepper.Step label={t('agents.import.stepAnalyse')} />
        <Stepper.Step label={t('agents.import.stepReview')} />
        <Stepper.Step label={t('agents.import.stepDone')} />
      </Stepper>
      {phase.step === 'upload' && (
        <UploadStep
          onStarted={(id) => {
            setPhase({ step: 'analyse', runId: id })
            void navigate({ to: '/agents/import', search: { runId: id }, replace: true })
          }}
        />
      )}
      {phase.step === 'analyse' && <AnalyseStep runId={phase.runId} onCompleted={toReview} />}
      {phase.step === 'review' && (
        <ReviewStep
          runId={phase.runId}
          onApplied={(result) => setPhase({ step: 'done', runId: phase.runId, result })}
        />
      )}
      {phase.step === 'done' && (
        <DoneStep
          result={phase.result}
          onAgain={() => {
            setPhase({ step: 'upload' })
            void navigate({ to: '/agents/import', search: {}, replace: true })
          }}
        />
      )}
    </Stack>
  )
}

function DoneStep({ result, onAgain }: { result: ApplyAnalysisResult; onAgain: () => void }) {
  const { t } = useTranslation()
  const u = result.updated
  return (
    <Stack gap="sm" maw={720}>
      <Alert color="teal" variant="light" data-testid="import-done">
        {t('agents.import.done', {
          sequences: result.created.sequences,
          shots: result.created.shots,
          characters: result.created.characters,
          assets: result.created.assets,
          updated: u.sequences + u.shots + u.characters + u.assets,
        })}
        {result.skipped.length > 0 && (
          <Text size="xs" mt={4}>
            {t('agents.import.skipped', { items: result.skipped.join(', ') })}
          </Text>
        )}
      </Alert>
      <Group>
        <Button variant="default" renderRoot={(props) => <Link to="/agents" {...props} />}>
          {t('agents.import.toRuns')}
        </Button>
        <Button variant="light" onClick={onAgain}>
          {t('agents.import.again')}
        </Button>
      </Group>
    </Stack>
  )
}
