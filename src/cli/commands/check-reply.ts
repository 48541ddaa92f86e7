// `practicewatch check-reply [--config FILE] [--post-file FILE]`: is this draft reply safe to post publicly?
//
// In:  the draft reply on stdin (UTF-8; a leading BOM is dropped, nothing else is changed).
// Out: one JSON line {"ok": bool, "problems": [{"code", "message", "start", "end"}]} — exactly these fields;
//      offsets are JS string indices into the reply, end exclusive.
// Exit: 0 ok, 1 problems found, 2 usage or config error (one line on stderr, nothing on stdout).
// Without --config the bundled demo practice's facts are used. A stable interface: scripts rely on it.
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { PracticeFacts } from '../../core/types.ts';
import { DEMO_PRACTICE } from '../../demo/practice.ts';
import { checkReply } from '../../guidance/check-reply.ts';

export const summary = 'check a draft public reply (stdin) for patient confirmation, PHI, echoes, advice, arguing';

const USAGE = `usage: practicewatch check-reply [--config FILE] [--post-file FILE] < reply.txt

Reads a draft public reply on stdin and prints one JSON line:
  {"ok": true|false, "problems": [{"code": "…", "message": "…", "start": n, "end": n}]}
codes: confirms_relationship, identifier, health_detail, echoes_post, medical_advice, argumentative
--post-file FILE   the post being answered (UTF-8 text): enables the echoes_post check
--config FILE      practice facts from this config (default: the bundled demo practice)
Exit code: 0 ok, 1 problems found, 2 usage or config error.
`;

const MAX_BYTES = 1024 * 1024;

class UsageError extends Error {}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_BYTES) throw new UsageError('the reply on stdin is larger than 1 MiB');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

function parseArgs(args: string[]): { help: boolean; config: string | null; postFile: string | null } {
  let config: string | null = null;
  let postFile: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') return { help: true, config, postFile };
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    if (name === '--config' || name === '-c' || name === '--post-file') {
      const v = inline ?? args[++i];
      if (!v) throw new UsageError(`${name} needs a file`);
      if (name === '--post-file') postFile = v;
      else config = v;
    } else {
      throw new UsageError(`unknown option "${a}" (try --help)`);
    }
  }
  return { help: false, config, postFile };
}

/** First line of an error message, with a count of the lines left out, so stderr stays one line. */
function oneLine(message: string): string {
  const lines = message.split('\n').filter((l) => l.trim() !== '');
  const first = lines[0] ?? 'error';
  return lines.length > 1 ? `${first} (and ${lines.length - 1} more)` : first;
}

export async function run(args: string[], stdin: Readable = process.stdin): Promise<number> {
  const fail = (msg: string) => {
    process.stderr.write(`practicewatch check-reply: ${oneLine(msg)}\n`);
    return 2;
  };
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(args);
  } catch (err) {
    return fail((err as Error).message);
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  let practice: PracticeFacts = DEMO_PRACTICE;
  if (opts.config !== null) {
    try {
      const { loadConfig } = await import('../../config/load.ts');
      practice = loadConfig(opts.config).practice;
    } catch (err) {
      return fail(err instanceof Error ? err.message : 'cannot load the config');
    }
  }

  let post: string | undefined;
  if (opts.postFile !== null) {
    try {
      post = readFileSync(opts.postFile, 'utf8').replace(/^\uFEFF/, '');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      return fail(`${opts.postFile}: cannot read the post file (${code})`);
    }
  }

  let reply: string;
  try {
    reply = await readAll(stdin);
  } catch (err) {
    return fail(err instanceof UsageError ? err.message : 'cannot read stdin');
  }
  if (reply.trim() === '') return fail('no reply on stdin');

  const result = checkReply(reply, { practice, post });
  const out = {
    ok: result.ok,
    problems: result.problems.map((p) => ({ code: p.code, message: p.message, start: p.start, end: p.end })),
  };
  process.stdout.write(JSON.stringify(out) + '\n');
  return result.ok ? 0 : 1;
}
