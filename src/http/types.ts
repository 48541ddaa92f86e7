// The HTTP capability connectors receive. Implemented in src/http/client.ts on undici.

export interface HttpGetOptions {
  signal?: AbortSignal;
  /** Accept header. */
  accept?: string;
  headers?: Record<string, string>;
  /** Send If-None-Match / If-Modified-Since from the validator cache; a 304 gives notModified. Default true. */
  conditional?: boolean;
  /** This is a scraped page: check robots.txt first (unless the source turned that off). Default false. */
  scraped?: boolean;
  /** Override the client's body-size cap for this request (bytes). */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  /** Final URL after redirects. */
  url: string;
  headers: Record<string, string>;
  /** Decoded body text ('' when notModified). */
  body: string;
  notModified: boolean;
}

export interface HttpClient {
  /** GET with timeouts, redirects, decompression, retries for transient failures. Throws SourceError subclasses. */
  get(url: string, options?: HttpGetOptions): Promise<HttpResponse>;
}

/** Persists ETag / Last-Modified per URL (SQLite in the daemon, memory for one-off commands). */
export interface ValidatorStore {
  get(url: string): { etag?: string; lastModified?: string } | undefined;
  set(url: string, v: { etag?: string; lastModified?: string }): void;
}
