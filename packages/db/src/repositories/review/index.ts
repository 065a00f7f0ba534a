export * from './annotation.repository'
export * from './guest-link.repository'
export * from './playlist.repository'
export * from './review-proxy.repository'
