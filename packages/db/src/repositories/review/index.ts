export * from './review-proxy.repository'
