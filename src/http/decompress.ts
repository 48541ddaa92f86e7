// Content-Encoding, decoded after the raw body is in memory (it is already capped). maxOutputLength caps the
// decoded size too, so a small gzip bomb cannot blow past the body limit.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { SourceError, SourceParseError } from '../core/errors.ts';
import { describe } from './url.ts';

type Decoder = (buf: Buffer, o: zlib.ZlibOptions | zlib.BrotliOptions) => Promise<Buffer>;
const gunzip = promisify(zlib.gunzip) as Decoder;
const inflate = promisify(zlib.inflate) as Decoder;
const inflateRaw = promisify(zlib.inflateRaw) as Decoder;
const brotli = promisify(zlib.brotliDecompress) as Decoder;

export async function decompress(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
  tooLarge: () => SourceError,
): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'identity')
    .reverse();
  let out = body;
  for (const coding of codings) {
    if (out.length === 0) break;
    const o = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') out = await gunzip(out, o);
      else if (coding === 'br') out = await brotli(out, o);
      else if (coding === 'deflate') {
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
        out = await inflate(out, o).catch((err: unknown) => {
          if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw err;
          return inflateRaw(out, o);
        });
      } else throw new SourceError(describe('GET', url, `unsupported content-encoding "${coding}"`), false);
    } catch (err) {
      if (err instanceof SourceError) throw err;
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge();
      throw new SourceParseError(describe('GET', url, `corrupt ${coding} body`), true, { cause: err });
    }
  }
  return out;
}
