export * from './fake-llm'
export * from './services'
export * from './shared-fixtures'
export * from './test-database'
