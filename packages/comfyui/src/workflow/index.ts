export {
  ApiInputValue,
  ApiNode,
  ApiPrompt,
  isLink,
  Link,
  type ParseApiPromptResult,
  parseApiPrompt,
} from './api-prompt.schema'
export {
  type ComfyError,
  type ComfyNodeErrors,
  type ComfyValidationResponse,
  toComfyNodeErrors,
  toComfyValidationResponse,
} from './comfy-validation.response'
export {
  ComboValue,
  findInput,
  type InputCategory,
  InputOptions,
  InputSpec,
  listInputs,
  NodeDef,
  ObjectInfo,
  outputType,
  type ResolvedInput,
  resolveInputSpec,
  typesCompatible,
} from './object-info.schema'
export {
  type ParameterRole,
  type ParameterSuggestion,
  suggestParameters,
  withPlaceholders,
} from './parameter-suggestions'
export { expandSweep, MAX_SWEEP_RUNS, type RandomizedSeeds, randomizeSeeds, type SweepRun } from './parameter-sweep'
export {
  type ApplyParametersResult,
  applyParameters,
  coerceParameter,
  describeParameters,
  type Parameter,
  type ParameterLocation,
  type ParameterType,
  type ParameterValues,
} from './parameters'
export { type ValidateOptions, type ValidatePromptResult, validateApiPrompt } from './prompt.validator'
export {
  ancestorsOf,
  compareNodeIds,
  connectedComponents,
  findCycles,
  topologicalOrder,
  upstreamOf,
} from './prompt-graph'
export { cycleError, danglingLinkError, validatePromptLinks } from './prompt-links.validator'
export { extractRequirements, type ModelRequirements, type WorkflowRequirements } from './requirements'
export { type ConvertUiResult, convertUiToApi } from './ui-to-api.converter'
export { UiLink, UiNode, UiNodeInput, UiNodeOutput, UiSubgraph, UiWorkflow } from './ui-workflow.schema'
export { nodeLabel, type WorkflowError, type WorkflowErrorCode, type WorkflowErrorDetails } from './workflow-error'
export { describeWorkflowImport, type WorkflowImport } from './workflow-import'
export { type PreviewGraph, previewGraph, uiPositions } from './workflow-preview'
export {
  detectCategory,
  detectModelFamily,
  detectOutputs,
  detectTraits,
  type TemplateCategory,
  type TemplateModelFamily,
  type TemplateTraits,
} from './workflow-traits'
