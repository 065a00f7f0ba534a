export * from './client'
export * from './protocol'
export * from './simulator'
export * from './workflow'
