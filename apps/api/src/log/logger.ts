import pino, { type DestinationStream, type Logger } from 'pino'
import { env } from '../env'

/**
 * The server's JSON log (one object per line on standard output, for journald or any collector).
 * Request lines never carry bodies, variables or headers, so passwords, cookies and tokens have
 * no way in; the redaction below is the second line of defence for anything logged by hand.
 */
export const REDACT_PATHS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'cookie',
  'authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.cookie',
  '*.authorization',
  'headers.cookie',
  'headers.authorization',
  'variables',
  '*.variables',
]

/** Tests make thousands of requests: their request lines would drown the failures. */
const DEFAULT_LEVEL = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info')

export function createLogger(destination?: DestinationStream, level: string = DEFAULT_LEVEL): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    // Through process.stdout (not a raw fd) so tests that capture the process output see it.
    destination ?? process.stdout,
  )
}

/** The process-wide logger; tests build their own with `createLogger(stream)`. */
export const logger: Logger = createLogger()
