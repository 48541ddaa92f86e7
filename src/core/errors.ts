// One small error tree. Callers branch on class / `code`, never on message text.

export abstract class PracticeWatchError extends Error {
  abstract readonly code: `PW_${string}`;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A config mistake, located: `config/practicewatch.yaml:42: sources[3].selector: …`. */
export class ConfigError extends PracticeWatchError {
  readonly code = 'PW_CONFIG' as const;
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A source could not be polled. `retryable` tells the scheduler whether the next tick may succeed unchanged. */
export class SourceError extends PracticeWatchError {
  readonly code: `PW_${string}` = 'PW_SOURCE';
  constructor(message: string, readonly retryable = true, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class HttpStatusError extends SourceError {
  override readonly code = 'PW_HTTP_STATUS' as const;
  constructor(message: string, readonly status: number, readonly retryAfterMs?: number, options?: { cause?: unknown }) {
    super(message, status === 408 || status === 425 || status === 429 || status >= 500, options);
  }
}

export class SourceAuthError extends SourceError {
  override readonly code = 'PW_SOURCE_AUTH' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, false, options);
  }
}

/** Malformed feed / JSON / not a feed at all. */
export class SourceParseError extends SourceError {
  override readonly code = 'PW_SOURCE_PARSE' as const;
}

/** A selector matched nothing: the page layout changed. Not the same as "no new reviews". */
export class SelectorMatchedNothingError extends SourceError {
  override readonly code = 'PW_SELECTOR_EMPTY' as const;
}

export class RobotsDisallowedError extends SourceError {
  override readonly code = 'PW_ROBOTS' as const;
  constructor(message: string) {
    super(message, false);
  }
}

export class NotifierError extends PracticeWatchError {
  readonly code = 'PW_NOTIFY' as const;
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    /** A configuration problem (bad token, unknown channel): kept for retry after a config fix. */
    readonly configProblem = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
