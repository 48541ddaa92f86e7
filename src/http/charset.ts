// Bytes → text. Order (WHATWG-like): BOM, Content-Type charset, XML prolog encoding, HTML <meta charset>, UTF-8.
import { TextDecoder } from 'node:util';

function bomCharset(b: Uint8Array): { label: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  return null;
}

export function charsetFromContentType(contentType: string | undefined): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? m[1]!.toLowerCase() : null;
}

/** Sniffs the first 2 KB (as latin1, which maps every byte) for an XML prolog or a meta charset. */
export function charsetFromMarkup(b: Uint8Array): string | null {
  const head = Buffer.from(b.subarray(0, 2048)).toString('latin1');
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return xml[1]!.toLowerCase();
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  if (meta) return meta[1]!.toLowerCase();
  return null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null; // an unknown label: fall through to the next hint
  }
}

export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  const bom = bomCharset(bytes);
  if (bom) return new TextDecoder(bom.label).decode(bytes.subarray(bom.skip));
  const fromHeader = decoderFor(charsetFromContentType(contentType));
  if (fromHeader) return run(fromHeader, bytes);
  const fromMarkup = decoderFor(charsetFromMarkup(bytes));
  // A UTF-16 label read as ASCII from inside the document is a lie (HTML spec): use UTF-8.
  if (fromMarkup && !fromMarkup.encoding.startsWith('utf-16')) return run(fromMarkup, bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

// Node 20's windows-1252 decoder (also used for the "iso-8859-1" and "latin1" labels, as WHATWG says) maps
// 0x80–0x9F to C1 controls instead of “smart quotes”, dashes, € …; fix those up.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function run(d: TextDecoder, bytes: Uint8Array): string {
  const text = d.decode(bytes);
  if (d.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
}
