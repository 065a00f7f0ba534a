export * from './frame-time'
