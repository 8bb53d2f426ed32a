import { getContext } from '@muse/request-context';
import { activeTraceIds } from '@muse/telemetry';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-service-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  '*.password',
  '*.token',
  '*.apiKey',
  '*.serviceToken',
  '*.secret',
];

export function createLogger(
  service: string,
  options: LoggerOptions = {},
  destination?: DestinationStream,
): Logger {
  const config: LoggerOptions = {
    name: service,
    level: process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Every line written while a request or job runs says which one it was for, and in which trace.
    mixin: () => ({ ...getContext(), ...activeTraceIds() }),
    ...options,
  };
  return destination ? pino(config, destination) : pino(config);
}
