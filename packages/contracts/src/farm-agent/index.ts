export * from './farm-agent.contract'
export * from './farm-output.contract'
