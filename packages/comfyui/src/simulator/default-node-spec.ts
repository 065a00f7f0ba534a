// Building blocks of the authored node definitions: shared input specs and the spec shape.

export const SAMPLERS = [
  'euler',
  'euler_ancestral',
  'heun',
  'dpm_2',
  'dpm_2_ancestral',
  'lms',
  'dpmpp_2m',
  'dpmpp_sde',
].concat(['dpmpp_2m_sde', 'dpmpp_3m_sde', 'ddpm', 'lcm', 'ddim', 'uni_pc', 'uni_pc_bh2', 'res_multistep'])
export const SCHEDULERS = [
  'normal',
  'karras',
  'exponential',
  'sgm_uniform',
  'simple',
  'ddim_uniform',
  'beta',
  'kl_optimal',
]
export const UPSCALE_METHODS = ['nearest-exact', 'bilinear', 'area', 'bicubic', 'lanczos']
// ComfyUI's seed max is 0xffffffffffffffff; any JSON reader holds it as this same double.
export const SEED = ['INT', { default: 0, min: 0, max: 2 ** 64 - 1, control_after_generate: true }]
export const STEPS = ['INT', { default: 20, min: 1, max: 10000 }]
export const CFG = ['FLOAT', { default: 8.0, min: 0.0, max: 100.0, step: 0.1, round: 0.01 }]
export const DIM = (d: number) => ['INT', { default: d, min: 16, max: 16384, step: 8 }]
export const BATCH = ['INT', { default: 1, min: 1, max: 4096 }]
export const STRENGTH = ['FLOAT', { default: 1.0, min: -100.0, max: 100.0, step: 0.01 }]
export const TEXT = ['STRING', { multiline: true, dynamicPrompts: true }]
export const PREFIX = ['STRING', { default: 'ComfyUI' }]

export type Inputs = Record<string, unknown[]>
export interface NodeSpec {
  required?: Inputs
  optional?: Inputs
  hidden?: Record<string, string>
  output?: string[]
  names?: string[]
  outputNode?: boolean
  category: string
  display?: string
  module?: string
}

export const SAVE_HIDDEN = { prompt: 'PROMPT', extra_pnginfo: 'EXTRA_PNGINFO' }

/** Stands for the installed files of a model folder until defaultObjectInfo fills it in. */
export interface ModelFolder {
  modelFolder: string
}
export const m = (folder: string): ModelFolder => ({ modelFolder: folder })
export const isModelFolder = (v: unknown): v is ModelFolder => typeof v === 'object' && v !== null && 'modelFolder' in v
