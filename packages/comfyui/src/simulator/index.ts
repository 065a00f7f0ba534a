export {
  DEFAULT_INSTALLED_MODELS,
  defaultObjectInfo,
  type InstalledModels,
  MODEL_COMBO_INPUTS,
  withInstalledModels,
} from './default-object-info'
export {
  type SamplePromptOptions,
  textToImagePrompt,
  textToVideoPrompt,
  wideTextToImagePrompt,
} from './sample-prompts'
export {
  type Simulator,
  type SimulatorFault,
  type SimulatorOptions,
  type SimulatorState,
  startSimulator,
} from './simulator.server'
export { type SimulatorFarm, simulatorFarmSpecs, startSimulatorFarm } from './simulator-farm'
export type { SimulatorUpload } from './simulator-http.routes'
