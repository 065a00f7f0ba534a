export * from './agent-run.repository'
export * from './agent-step.repository'
