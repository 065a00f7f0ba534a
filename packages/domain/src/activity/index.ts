export * from './activity-sentence'
export { withParticle } from './korean-particle'
