// The one pino instance. Log ids, hashes, counts and codes — never item text or author names.
// The redact paths are a backstop, not the policy.
import { pino, type Logger, type DestinationStream } from 'pino';

export const REDACT_PATHS = [
  'text', '*.text', 'author', '*.author', 'title', '*.title', 'raw', '*.raw', 'body', '*.body',
  'email', '*.email', 'excerpt', '*.excerpt', 'payload', '*.payload',
  'token', '*.token', 'password', '*.password', 'headers.authorization', '*.headers.authorization',
];

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = opts.level ?? process.env.PRACTICEWATCH_LOG_LEVEL ?? (process.env.PRACTICEWATCH_TEST ? 'silent' : 'info');
  const options = {
    level,
    base: { app: 'practicewatch' },
    redact: { paths: REDACT_PATHS, censor: '[masked]' },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options, pino.destination(2));
}

export type { Logger };
