// URL helpers for error messages and logs: never leak credentials or query secrets.

const SECRET_PARAM = /(key|token|secret|sig|signature|pass|pwd|auth|session|code|credential)/i;

/** The URL with user:password removed and secret-looking query values replaced by `***`. */
export function redactUrl(input: string): string {
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    return '(invalid url)';
  }
  u.username = '';
  u.password = '';
  for (const name of [...u.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) u.searchParams.set(name, '***');
  }
  u.hash = '';
  return u.toString().replace(/%2A%2A%2A/g, '***');
}

/** `[GET] http://host/path: <what>` — the one error-message shape of the client. */
export function describe(method: string, url: string, what: string): string {
  return `[${method}] ${redactUrl(url)}: ${what}`;
}

/** "5 MB", "512 KB", "100 bytes" for the body-cap message. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
