export * from './deployment.factory'
export * from './fake-llm.types'
export * from './fake-llm-server'
export { fakeEmbedding } from './fake-llm-wire'
