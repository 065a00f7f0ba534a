// Where the review studio process entry is, for runners outside the server (bench/).
import { fileURLToPath } from 'node:url'

export const REVIEW_STUDIO_ENTRY = fileURLToPath(new URL('./review-studio.fixture.ts', import.meta.url))
