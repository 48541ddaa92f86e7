// `practicewatch classify [--config FILE]`: JSON Lines in on stdin, one JSON line out per input line, in order.
//
// In:  {"id": "r1", "text": "…", "rating": 1-5 (optional), "author": "…" (optional), "owned": true|false (optional)}
// Out: {"id": "r1", "flags": [{"category","severity","code","reason"}], "entities": [{"type","start","end"}]}
//
// A malformed line is reported on stderr as `line N: <problem>` and answered on stdout with
// {"id": <the id if one could be read, else null>, "line": N, "error": "<problem>"}, so output line k always
// answers input line k. Blank lines are skipped (no output). Exit code 0 when every line was fine, 1 when any
// line was rejected, 2 on a usage error. Streams with constant memory: one line at a time, waiting for stdout
// to drain when the consumer is slow.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { DetectorInput, PracticeFacts } from '../../core/types.ts';
import { DEMO_PRACTICE } from '../../demo/practice.ts';
import { analyze } from '../../detectors/index.ts';

export const summary = 'classify JSON Lines from stdin ({"id","text","rating"?}) and print flags + entity spans';

const USAGE = `usage: practicewatch classify [--config FILE] < items.jsonl > results.jsonl

Reads one JSON object per line: {"id": "…", "text": "…", "rating": 1-5?, "author": "…"?, "owned": bool?}
Writes one JSON line per input line, in order:
  {"id": "…", "flags": [{"category", "severity", "code", "reason"}], "entities": [{"type", "start", "end"}]}
A malformed line gets {"id": …|null, "line": N, "error": "…"} on stdout and "line N: …" on stderr.
Exit code: 0 all lines fine, 1 some line rejected, 2 usage error.
Without --config the bundled demo practice's facts are used.
`;

type Parsed = { ok: true; id: string; input: DetectorInput } | { ok: false; id: string | null; error: string };

/** Validates one line. Exported for tests. */
export function parseLine(line: string): Parsed {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return { ok: false, id: null, error: 'not valid JSON' };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { ok: false, id: null, error: 'not a JSON object' };
  const o = obj as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : typeof o.id === 'number' && Number.isFinite(o.id) ? String(o.id) : null;
  if (id === null) return { ok: false, id: null, error: '"id" must be a string' };
  if (typeof o.text !== 'string') return { ok: false, id, error: '"text" must be a string' };
  if (o.rating !== undefined && o.rating !== null && !(typeof o.rating === 'number' && o.rating >= 1 && o.rating <= 5)) {
    return { ok: false, id, error: '"rating" must be a number from 1 to 5' };
  }
  if (o.author !== undefined && o.author !== null && typeof o.author !== 'string') return { ok: false, id, error: '"author" must be a string' };
  if (o.owned !== undefined && o.owned !== null && typeof o.owned !== 'boolean') return { ok: false, id, error: '"owned" must be true or false' };
  if (o.title !== undefined && o.title !== null && typeof o.title !== 'string') return { ok: false, id, error: '"title" must be a string' };
  return {
    ok: true,
    id,
    input: {
      text: o.text,
      title: (o.title as string | null | undefined) ?? null,
      rating: (o.rating as number | null | undefined) ?? null,
      author: (o.author as string | null | undefined) ?? null,
      owned: (o.owned as boolean | null | undefined) ?? false,
    },
  };
}

/** The streaming loop, on any streams (tests drive it directly; `run` wires stdin/stdout/stderr). */
export async function classifyStream(input: Readable, out: Writable, err: Writable, practice: PracticeFacts): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  let lineNo = 0;
  let rejected = 0;
  let broken = false;
  out.on('error', () => {
    broken = true; // EPIPE: the consumer went away; stop writing.
  });
  for await (const raw of rl) {
    lineNo++;
    if (broken) break;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    const p = parseLine(line);
    let result: string;
    if (p.ok) {
      const a = analyze(p.input, practice);
      result = JSON.stringify({
        id: p.id,
        flags: a.flags.map((f) => ({ category: f.category, severity: f.severity, code: f.code, reason: f.reason })),
        entities: a.entities.map((e) => ({ type: e.type, start: e.start, end: e.end })),
      });
    } else {
      rejected++;
      err.write(`line ${lineNo}: ${p.error}\n`);
      result = JSON.stringify({ id: p.id, line: lineNo, error: p.error });
    }
    if (!out.write(result + '\n')) await Promise.race([once(out, 'drain'), once(out, 'close'), once(out, 'error')]);
  }
  return rejected > 0 ? 1 : 0;
}

export async function run(args: string[]): Promise<number> {
  let configFile: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (a === '--config' || a === '-c') {
      const v = args[++i];
      if (!v) {
        process.stderr.write('practicewatch classify: --config needs a file\n' + USAGE);
        return 2;
      }
      configFile = v;
    } else if (a.startsWith('--config=')) {
      configFile = a.slice('--config='.length);
    } else {
      process.stderr.write(`practicewatch classify: unknown option "${a}"\n` + USAGE);
      return 2;
    }
  }
  let practice = DEMO_PRACTICE;
  if (configFile !== null) {
    const { loadConfig } = await import('../../config/load.ts');
    practice = loadConfig(configFile).practice;
  }
  return classifyStream(process.stdin, process.stdout, process.stderr, practice);
}
