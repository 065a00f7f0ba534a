// A project with many shots ready to render, and templates whose parameters carry roles.
// Only imported by tests.
import { type ApiPrompt, textToImagePrompt } from '@aipipeline/comfyui'
import { ShotPage, WorkflowTemplate } from '@aipipeline/contracts'
import { call, type Seat, type TeamProject, teamProject } from '../production/production-test-kit'
import type { TestStudio } from '../test-studio'

export interface RenderShot {
  shotId: string
  code: string
  /** The shot's Keyframe task (the still a render makes). */
  taskId: string
}

export interface RenderProject {
  team: TeamProject
  shots: RenderShot[]
}

/** A team project (its supervisor supervises Keyframe) with `count` shots of 48 frames from 1001 (2 s at 24 fps), each described. */
export async function renderProject(studio: TestStudio, code: string, count: number): Promise<RenderProject> {
  const team = await teamProject(studio, code)
  const base = `/api/projects/${team.projectId}`
  const shots = Array.from({ length: count }, (_, i) => ({
    sequenceId: team.sequenceId,
    code: `SH${String((i + 1) * 10).padStart(4, '0')}`,
    description: `a lighthouse keeper climbs the stairs, take ${i + 1}`,
    frameIn: 1001,
    frameOut: 1048,
  }))
  const created = await call(studio, team.seats.manager, 'POST', `${base}/shots`, { shots })
  if (created.status !== 201) throw new Error(`create shots: ${created.status} ${JSON.stringify(created.json)}`)
  const page = ShotPage.parse((await call(studio, team.seats.manager, 'GET', `${base}/shots?limit=1000`)).json)
  const keyframe = team.taskTypes.find((t) => t.name === 'Keyframe')?.id
  return {
    team,
    shots: page.items.map((s) => {
      const taskId = (s.tasks.find((t) => t.taskTypeId === keyframe) ?? s.tasks[0])?.id
      if (taskId === undefined) throw new Error(`shot ${s.code} has no task`)
      return { shotId: s.id, code: s.code, taskId }
    }),
  }
}

/** A text-to-image prompt whose prompt, negative, seed, size, steps and cfg are placeholders. */
export function placeholderImagePrompt(): ApiPrompt {
  const prompt = textToImagePrompt()
  const set = (node: string, inputs: Record<string, string>) => {
    const n = prompt[node]
    if (n) n.inputs = { ...n.inputs, ...inputs }
  }
  set('6', { text: '{prompt}' })
  set('7', { text: '{negative_prompt:blurry}' })
  set('5', { width: '{width:512}', height: '{height:512}' })
  set('3', { seed: '{seed:0}', steps: '{steps:20}', cfg: '{cfg:7.0}' })
  return prompt
}

/** Saves a template through the API (as `seat`, a supervisor or above). */
export async function saveTemplate(
  studio: TestStudio,
  seat: Seat,
  name: string,
  prompt: ApiPrompt = placeholderImagePrompt(),
  metadata: { modelFamily?: string; outputs?: string[]; category?: string } = {},
): Promise<WorkflowTemplate> {
  const res = await call(studio, seat, 'POST', '/api/farm/templates', {
    name,
    source: { kind: 'api', prompt },
    ...metadata,
  })
  if (res.status !== 201) throw new Error(`save template: ${res.status} ${JSON.stringify(res.json)}`)
  return WorkflowTemplate.parse(res.json)
}

/** Assigns tasks to a user (as the manager). */
export async function assign(studio: TestStudio, team: TeamProject, taskIds: string[], userId: string): Promise<void> {
  const res = await call(studio, team.seats.manager, 'POST', `/api/projects/${team.projectId}/tasks/batch-assign`, {
    taskIds,
    userIds: [userId],
    mode: 'add',
  })
  if (res.status >= 300) throw new Error(`assign: ${res.status} ${JSON.stringify(res.json)}`)
}
