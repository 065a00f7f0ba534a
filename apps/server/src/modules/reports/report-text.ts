// The fixed words of a digest, in English and Korean (GLOSSARY terms: 리포트, 일일 · 주간,
// 렌더팜, 검토, 태스크, 샷, 버전). Sentences come from the domain's activity formatter.
import type { ReportLocale } from '@aipipeline/db'

const en = {
  title: { daily: 'Daily report', weekly: 'Weekly report' },
  period: 'Period',
  generated: 'Generated',
  summary: 'Summary',
  changes: 'What changed',
  noChanges: 'No changes in this period.',
  late: 'What is late',
  noLate: 'Nothing is late.',
  lateShots: (n: number) => `${n} shots have late tasks.`,
  review: 'What needs review',
  noReview: 'Nothing waits for review.',
  farm: 'Render farm',
  llm: 'LLM spend',
  more: (n: number) => `and ${n} more`,
  groups: {
    review: 'Statuses and comments',
    versions: 'Versions',
    shots: 'Shots',
    planning: 'Assignments and planning',
    setup: 'Team and configuration',
  },
  columns: { task: 'Task', status: 'Status', due: 'Due', people: 'Assigned', version: 'Latest version' },
  stats: {
    changes: 'Changes',
    late: 'Late tasks',
    review: 'Waiting for review',
    gpuHours: 'GPU hours',
    llmCost: 'LLM cost (USD)',
    attempts: 'Render attempts',
    succeeded: 'Succeeded',
    failed: 'Failed',
    calls: 'Calls',
    tokens: 'Tokens',
  },
  byBackend: 'GPU hours by backend',
  nobody: 'nobody',
  /** Names of the default statuses (by board role) when the studio kept them unchanged. */
  statuses: {} as Record<string, string>,
  noFont: 'A font with Korean characters was not found (REPORT_FONT_PATH); Korean text may not show.',
}

const ko: typeof en = {
  title: { daily: '일일 리포트', weekly: '주간 리포트' },
  period: '기간',
  generated: '생성',
  summary: '요약',
  changes: '변경 사항',
  noChanges: '이 기간에 변경 사항이 없습니다.',
  late: '지연된 작업',
  noLate: '지연된 태스크가 없습니다.',
  lateShots: (n) => `지연된 태스크가 있는 샷: ${n}개`,
  review: '검토 대기',
  noReview: '검토를 기다리는 태스크가 없습니다.',
  farm: '렌더팜',
  llm: 'LLM 비용',
  more: (n) => `외 ${n}건`,
  groups: {
    review: '상태 및 코멘트',
    versions: '버전',
    shots: '샷',
    planning: '배정 및 일정',
    setup: '팀 및 설정',
  },
  columns: { task: '태스크', status: '상태', due: '마감일', people: '담당자', version: '최신 버전' },
  stats: {
    changes: '변경',
    late: '지연된 태스크',
    review: '검토 대기',
    gpuHours: 'GPU 시간',
    llmCost: 'LLM 비용 (USD)',
    attempts: '렌더 시도',
    succeeded: '성공',
    failed: '실패',
    calls: '호출',
    tokens: '토큰',
  },
  byBackend: '백엔드별 GPU 시간',
  nobody: '없음',
  statuses: { pending: '대기', wip: '작업 중', review: '검토', approved: '승인', retake: '리테이크', final: '최종' },
  noFont: '한글 글꼴을 찾지 못했습니다 (REPORT_FONT_PATH). 한글이 표시되지 않을 수 있습니다.',
}

export type ReportWords = typeof en

/** The digest's fixed words in `locale`. */
export function reportWords(locale: ReportLocale): ReportWords {
  return locale === 'ko' ? ko : en
}
