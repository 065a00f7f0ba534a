// The report's HTML inside the page: fetched with the session's token and shown in a sandboxed
// frame where no script may run (the page has none, and its CSP forbids them too); same-origin
// is kept only so the browser treats it as a normal document. Shot links open in a new tab.
import { Alert, Loader, Modal } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { fetchAuthed } from '../../api/authed-file'
import { type ReportItem, reportFilePath } from './report-queries'

export function ReportViewer(props: { report: ReportItem | null; title: string; onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const report = props.report
  const page = useQuery({
    queryKey: ['report-html', report?.id ?? ''],
    queryFn: async () => (await fetchAuthed(api, reportFilePath(report ?? { projectId: '', id: '' }, 'html'))).text(),
    enabled: report !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  })
  return (
    <Modal opened={report !== null} onClose={props.onClose} title={props.title} size="90%">
      {page.isPending && <Loader aria-label={t('reports.viewer.loading')} />}
      {page.isError && <Alert color="red">{t('reports.viewer.failed')}</Alert>}
      {page.data !== undefined && (
        <iframe
          title={props.title}
          srcDoc={page.data}
          sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
          style={{ width: '100%', height: '75vh', border: 0, background: 'white' }}
          data-testid="report-frame"
        />
      )}
    </Modal>
  )
}
