// pino JSON logs. Secrets never reach a log line: auth headers, tokens, passwords and API
// keys are redacted by path wherever they appear in a logged object.
import pino, { type Logger } from 'pino'

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.apiKey',
  '*.token',
  'password',
  'refreshToken',
  'accessToken',
  'apiKey',
  'token',
]

/** Creates the process logger; `destination` lets tests capture lines. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'aipipeline' } },
    destination,
  )
}
export type { Logger }
