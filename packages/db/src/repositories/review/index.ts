export * from './annotation.repository'
