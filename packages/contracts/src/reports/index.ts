export * from './report.contract'
