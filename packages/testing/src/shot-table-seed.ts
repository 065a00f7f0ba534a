// A large project for shot-table browser tests and benchmarks, created through a running
// studio's HTTP API: one project, its sequences, and the shots in batches of 1,000 (the
// create route's limit), so 10,000 shots with their tasks take ten requests, not 10,000.
import { z } from 'zod'

const Created = z.object({ id: z.string() })
const Token = z.object({ accessToken: z.string() })
const BATCH = 1000

export interface SeedShotProjectInput {
  /** Studio origin, e.g. http://127.0.0.1:8420. */
  url: string
  /** A user who may create projects (manager or admin). */
  email: string
  password: string
  projectCode: string
  shots: number
  /** Sequences the shots are spread over, in order (default 10). */
  sequences?: number
  /** Description of shot `n` (1-based); default "Shot n". */
  description?: (n: number) => string
}

export interface SeededShotProject {
  projectId: string
  accessToken: string
  /** Codes of the shots in editorial order. */
  codes: string[]
}

/** The code of the `n`th seeded shot (1-based), unique in the project. */
export function seededShotCode(n: number): string {
  return `SH${String(n).padStart(5, '0')}`
}

/** Signs in and creates the project, its sequences and `shots` shots through the API. */
export async function seedShotProject(input: SeedShotProjectInput): Promise<SeededShotProject> {
  const login = await fetch(`${input.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: input.email, password: input.password }),
  })
  if (!login.ok) throw new Error(`sign-in as ${input.email}: ${login.status} ${await login.text()}`)
  const { accessToken } = Token.parse(await login.json())
  const post = async (path: string, body: unknown): Promise<unknown> => {
    const res = await fetch(`${input.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const project = Created.parse(
    await post('/api/projects', { code: input.projectCode, name: `${input.projectCode} (${input.shots} shots)` }),
  )
  const sequenceCount = input.sequences ?? 10
  const sequenceIds: string[] = []
  for (let s = 0; s < sequenceCount; s++) {
    const code = `SQ${String((s + 1) * 10).padStart(3, '0')}`
    sequenceIds.push(Created.parse(await post(`/api/projects/${project.id}/sequences`, { code })).id)
  }
  const describeShot = input.description ?? ((n: number) => `Shot ${n}`)
  const codes: string[] = []
  for (let first = 1; first <= input.shots; first += BATCH) {
    const shots = []
    for (let n = first; n < Math.min(first + BATCH, input.shots + 1); n++) {
      const sequenceId = sequenceIds[Math.floor(((n - 1) / input.shots) * sequenceCount)] ?? ''
      codes.push(seededShotCode(n))
      shots.push({
        sequenceId,
        code: seededShotCode(n),
        description: describeShot(n),
        frameIn: 1001,
        frameOut: 1001 + (n % 120) + 24,
      })
    }
    await post(`/api/projects/${project.id}/shots`, { shots })
  }
  return { projectId: project.id, accessToken, codes }
}
