export * from './report.repository'
export * from './report-digest.reads'
