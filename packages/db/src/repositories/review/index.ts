export * from './guest-link.repository'
