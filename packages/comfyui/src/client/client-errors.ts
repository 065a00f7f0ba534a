/** pino-compatible logger subset (object first, message second). */
export interface ComfyLogger {
  debug(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

export const silentLogger: ComfyLogger = { debug: () => {}, warn: () => {} }

/** An HTTP answer ComfyUI should not give for this route (5xx, unexpected 4xx, unparsable body). */
export class ComfyHttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`ComfyUI ${method} ${path} answered ${status}: ${body.slice(0, 300)}`)
    this.name = 'ComfyHttpError'
  }
}

/** A response whose JSON did not match the expected schema. */
export class ComfyProtocolError extends Error {
  constructor(
    readonly path: string,
    readonly issues: string,
  ) {
    super(`ComfyUI ${path} returned an unexpected body: ${issues}`)
    this.name = 'ComfyProtocolError'
  }
}
