export * from './review-proxy.repository'
export * from './playlist.repository'
