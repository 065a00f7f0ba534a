export * from './llm.contract'
export * from './llm.schemas'
