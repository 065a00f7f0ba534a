export * from './review-proxy.repository'
export * from './playlist.repository'
export * from './annotation.repository'
export * from './guest-link.repository'
