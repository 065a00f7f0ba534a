export * from './playlist.repository'
