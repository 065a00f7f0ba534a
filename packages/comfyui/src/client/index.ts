export { ComfyHttpError, type ComfyLogger, ComfyProtocolError, silentLogger } from './client-errors'
export {
  ComfyClient,
  type ComfyClientOptions,
  type PerNodeError,
  type SubmitOptions,
  type SubmitResult,
  type UploadOptions,
} from './comfy.client'
export { backoffDelay, type ReconnectPolicy, type SocketEvent } from './comfy-socket'
export { type ComfyOutputFile, outputFiles, outputFilesOf } from './output-files'
export { nodeWeights, OverallProgress, type PromptGraphLike } from './prompt-progress'
export {
  type ExecutionErrorData,
  type PromptEvent,
  type PromptOutcome,
  type PromptResult,
  PromptWatch,
} from './prompt-watch'
