export * from './agent-backend.repository'
export * from './agent-token.repository'
