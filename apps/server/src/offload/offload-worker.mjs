// Entry of the offload pool's worker threads. A worker starts without the TypeScript loader
// of its parent (tsx under bin/aipipeline.js, vite-node under vitest), so it registers tsx
// itself before loading the TypeScript sources; there is no build step to keep in sync.
import { register } from 'tsx/esm/api'

register()
const { runOffloadTask } = await import('./offload.worker.ts')

export default runOffloadTask
