import type { ApiPrompt } from './api-prompt.schema'
import { findInput, type ObjectInfo } from './object-info.schema'

/** Model files a workflow needs, by ComfyUI model folder. */
export interface ModelRequirements {
  checkpoints: string[]
  diffusionModels: string[]
  loras: string[]
  vaes: string[]
  textEncoders: string[]
  controlnets: string[]
  upscaleModels: string[]
  clipVision: string[]
  styleModels: string[]
  hypernetworks: string[]
  /** Model-looking combo values of inputs we do not know (custom loaders). */
  other: string[]
}

/** What a backend must offer to run a workflow: node classes and model files. */
export interface WorkflowRequirements {
  nodeClasses: string[]
  models: ModelRequirements
}

type Folder = keyof ModelRequirements

const BY_INPUT: Record<string, Folder> = {
  ckpt_name: 'checkpoints',
  unet_name: 'diffusionModels',
  lora_name: 'loras',
  vae_name: 'vaes',
  clip_name: 'textEncoders',
  clip_name1: 'textEncoders',
  clip_name2: 'textEncoders',
  clip_name3: 'textEncoders',
  clip_name4: 'textEncoders',
  control_net_name: 'controlnets',
  style_model_name: 'styleModels',
  hypernetwork_name: 'hypernetworks',
}

/** Inputs whose folder depends on the loader class. */
const BY_CLASS_INPUT: Record<string, Folder> = {
  'CLIPVisionLoader.clip_name': 'clipVision',
  'UpscaleModelLoader.model_name': 'upscaleModels',
  'CogVideoXModelLoader.model': 'diffusionModels',
  'CogVideoXVAELoader.model_name': 'vaes',
}

/**
 * Weights a node fetches into its own folder (not a ComfyUI models folder, not listed by
 * /models): they are no model requirement; the node class being installed is what counts.
 */
const NODE_MANAGED_WEIGHTS = new Set(['RIFE VFI.ckpt_name', 'FILM VFI.ckpt_name'])

const MODEL_FILE = /\.(safetensors|ckpt|pt|pth|bin|gguf|sft|onnx)$/i

/**
 * Lists node classes and model files a prompt needs, from known loader inputs and, generically,
 * any combo (or, without object_info, any string) whose value looks like a model file.
 */
export function extractRequirements(prompt: ApiPrompt, objectInfo?: ObjectInfo): WorkflowRequirements {
  const classes = new Set<string>()
  const folders = new Map<Folder, Set<string>>()
  const add = (folder: Folder, file: string) => {
    const set = folders.get(folder) ?? new Set<string>()
    set.add(file)
    folders.set(folder, set)
  }
  for (const node of Object.values(prompt)) {
    classes.add(node.class_type)
    const def = objectInfo?.[node.class_type]
    for (const [name, value] of Object.entries(node.inputs)) {
      if (typeof value !== 'string' || value === '') continue
      if (NODE_MANAGED_WEIGHTS.has(`${node.class_type}.${name}`)) continue
      const folder = BY_CLASS_INPUT[`${node.class_type}.${name}`] ?? BY_INPUT[name]
      if (folder !== undefined) {
        add(folder, value)
        continue
      }
      const isCombo = def === undefined || findInput(def, name)?.type === 'COMBO'
      if (isCombo && MODEL_FILE.test(value)) add('other', value)
    }
  }
  const list = (folder: Folder) => [...(folders.get(folder) ?? [])].sort()
  return {
    nodeClasses: [...classes].sort(),
    models: {
      checkpoints: list('checkpoints'),
      diffusionModels: list('diffusionModels'),
      loras: list('loras'),
      vaes: list('vaes'),
      textEncoders: list('textEncoders'),
      controlnets: list('controlnets'),
      upscaleModels: list('upscaleModels'),
      clipVision: list('clipVision'),
      styleModels: list('styleModels'),
      hypernetworks: list('hypernetworks'),
      other: list('other'),
    },
  }
}
