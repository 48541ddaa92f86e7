// Loads config/practicewatch.yaml: YAML with node positions (yaml + LineCounter), validated by zod, every
// problem reported at once as `file:line: path: message`. Sources are built from the connector registry:
// one strict object per connector type, the common keys (id, type, schedule…) beside the connector's options.
import { existsSync, readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { validateTemplates } from '../guidance/index.ts';
import type { PracticeFacts } from '../core/types.ts';
import type { ConnectorDefinition } from '../core/connector.ts';
import { connectors as defaultRegistry } from '../../connectors/index.ts';
import {
  alertsSchema,
  commonSourceShape,
  emailSchema,
  guidanceSchema,
  httpSchema,
  practiceSchema,
  responderSchema,
  slackSchema,
  storageSchema,
} from './schema.ts';

/** One validated source: the common keys plus the connector's options (flat). */
export type SourceConfig = {
  id: string;
  type: string;
  name?: string | undefined;
  enabled: boolean;
  schedule?: string | undefined;
  owned: boolean;
  respect_robots: boolean;
  [option: string]: unknown;
};

const sectionShape = {
  practice: practiceSchema,
  responder: responderSchema,
  slack: slackSchema.prefault({}),
  email: emailSchema.prefault({}),
  alerts: alertsSchema.prefault({}),
  storage: storageSchema.prefault({}),
  http: httpSchema.prefault({}),
  guidance: guidanceSchema.prefault({}),
};

const sectionsSchema = z.object(sectionShape).strict();
type Sections = z.output<typeof sectionsSchema>;

export type Config = Sections & { sources: SourceConfig[] };

export interface LoadedConfig {
  file: string;
  config: Config;
  practice: PracticeFacts;
}

export interface LoadOptions {
  /** Connector registry; defaults to connectors/index.ts. */
  registry?: readonly ConnectorDefinition[];
  /** Environment for secret checks; defaults to process.env. */
  env?: Record<string, string | undefined>;
}

const TOP_KEYS = [...Object.keys(sectionShape), 'sources'];

/** The strict zod schema of one source of the given connector type. */
export function sourceSchema(def: ConnectorDefinition): z.ZodObject {
  return z.object({ ...commonSourceShape, type: z.literal(def.type), ...def.configSchema.shape }).strict();
}

interface Problem {
  path: (string | number)[];
  message: string;
}

export function loadConfig(file: string, opts: LoadOptions = {}): LoadedConfig {
  if (!existsSync(file)) throw new ConfigError(`${file}: config file not found`, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read the config file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  return parseConfig(text, file, opts);
}

/** Parses and validates config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string, opts: LoadOptions = {}): LoadedConfig {
  const registry = opts.registry ?? defaultRegistry;
  const env = opts.env ?? process.env;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => {
      const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
      return `${file}:${line}: YAML syntax error: ${firstLine(e.message)}`;
    });
    const first = doc.errors[0]!;
    throw new ConfigError(lines.join('\n'), file, first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line);
  }

  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${file}:1: the config must be a mapping with the keys ${TOP_KEYS.join(', ')}`, file, 1);
  }
  const input = raw as Record<string, unknown>;
  const problems: Problem[] = [];

  // Top-level sections (sources are checked one by one below).
  const { sources: rawSources, ...rest } = input;
  // A section whose options are all commented out parses as null: that means "all defaults".
  for (const k of Object.keys(rest)) if (rest[k] === null && k !== 'practice' && k !== 'responder') delete rest[k];
  const sections = sectionsSchema.safeParse(rest);
  if (!sections.success) {
    for (const issue of sections.error.issues) problems.push(...describeIssue(issue, [], sectionsSchema, input));
    // An unknown top-level key: the schema above did not know about `sources`, so that one is fine.
  }

  // Sources.
  const sources: SourceConfig[] = [];
  const byType = new Map(registry.map((d) => [d.type, d]));
  if (rawSources === undefined || rawSources === null) {
    problems.push({ path: ['sources'], message: 'missing: list at least one source' });
  } else if (!Array.isArray(rawSources)) {
    problems.push({ path: ['sources'], message: 'expected a list of sources' });
  } else {
    const seen = new Map<string, number>();
    rawSources.forEach((src: unknown, i) => {
      const base: (string | number)[] = ['sources', i];
      if (src === null || typeof src !== 'object' || Array.isArray(src)) {
        problems.push({ path: base, message: 'expected a mapping with at least `id` and `type`' });
        return;
      }
      const s = src as Record<string, unknown>;
      const type = s.type;
      const def = typeof type === 'string' ? byType.get(type) : undefined;
      if (!def) {
        const known = registry.map((d) => d.type);
        const hint = typeof type === 'string' ? didYouMean(type, known) : '';
        problems.push({
          path: [...base, 'type'],
          message:
            type === undefined
              ? `missing: the connector type (one of: ${known.join(', ') || 'none registered'})`
              : `unknown source type "${String(type)}"${hint}; known types: ${known.join(', ') || 'none registered'}`,
        });
        return;
      }
      if (typeof s.id === 'string') {
        const prev = seen.get(s.id);
        if (prev !== undefined) {
          problems.push({ path: [...base, 'id'], message: `duplicate source id "${s.id}" (also sources[${prev}])` });
        } else seen.set(s.id, i);
      }
      const schema = sourceSchema(def);
      const r = schema.safeParse(s);
      if (!r.success) {
        for (const issue of r.error.issues) problems.push(...describeIssue(issue, base, schema, s));
        return;
      }
      const out = r.data as SourceConfig;
      if (out.enabled) {
        for (const e of def.env ?? []) {
          if (!e.optional && !env[e.name]) {
            problems.push({ path: [...base, 'type'], message: `environment variable ${e.name} is not set (${e.description})` });
          }
        }
      }
      sources.push(out);
    });
  }

  // Secrets named by environment variable, required only when the feature is on.
  if (sections.success) {
    const c = sections.data;
    if (c.slack.enabled) {
      if (!env[c.slack.token_env]) {
        problems.push({ path: ['slack', 'token_env'], message: `slack is enabled but the environment variable ${c.slack.token_env} is not set` });
      }
      if (c.slack.socket_mode && !env[c.slack.app_token_env]) {
        problems.push({
          path: ['slack', 'app_token_env'],
          message: `slack socket_mode is on but the environment variable ${c.slack.app_token_env} is not set`,
        });
      }
      if (!c.responder.slack_channel && !c.responder.slack_user_id) {
        problems.push({ path: ['responder'], message: 'slack is enabled: set responder.slack_channel or responder.slack_user_id' });
      }
    }
    if (c.email.enabled && c.email.user && !env[c.email.password_env]) {
      problems.push({
        path: ['email', 'password_env'],
        message: `email is enabled with a user but the environment variable ${c.email.password_env} is not set`,
      });
    }
    // Every reply template, default and configured, must itself pass the reply checker.
    for (const t of validateTemplates(c.guidance.templates, toPracticeFacts(c.practice))) {
      const path = t.origin === 'config' && t.key in (c.guidance.templates ?? {}) ? ['guidance', 'templates', t.key] : ['guidance', 'templates'];
      problems.push({ path, message: `${t.origin === 'default' ? `built-in template ${t.key}` : 'template'}: ${t.message}` });
    }
  }

  if (problems.length > 0) {
    const located = problems.map((p) => ({ ...p, line: lineOf(doc, lineCounter, p.path) }));
    located.sort((a, b) => a.line - b.line);
    const msg = located.map((p) => `${file}:${p.line}: ${formatPath(p.path)}: ${p.message}`).join('\n');
    const first = located[0]!;
    throw new ConfigError(msg, file, first.line, formatPath(first.path));
  }

  const config: Config = { ...(sections as { success: true; data: Sections }).data, sources };
  return { file, config, practice: toPracticeFacts(config.practice) };
}

/** The config's practice section in the shape detectors and guidance use. */
export function toPracticeFacts(p: Config['practice']): PracticeFacts {
  return {
    name: p.name,
    phones: [...p.phones],
    addresses: [...p.addresses],
    website: p.website ?? null,
    hours: Object.fromEntries(Object.entries(p.hours ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
    timezone: p.timezone,
    providers: p.providers.map((x) => (typeof x === 'string' ? { name: x, current: true } : { name: x.name, current: x.current })),
    staff: [...p.staff],
    insurance_accepted: [...p.insurance_accepted],
    insurance_not_accepted: [...p.insurance_not_accepted],
    contact_phone: p.contact_phone ?? p.phones[0]!,
    contact_email: p.contact_email ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// zod issues → located problems

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, base: (string | number)[], schema: z.ZodType, input: unknown): Problem[] {
  const path = [...base, ...(issue.path as (string | number)[])];
  const rel = issue.path as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(objectShapeAt(schema, rel) ?? {});
    return issue.keys.map((k) => ({ path: [...path, k], message: `unknown key${didYouMean(k, known)}` }));
  }
  if (issue.code === 'invalid_type' && valueAt(input, rel) === undefined) {
    return [{ path, message: `missing: expected ${issue.expected}` }];
  }
  if (issue.code === 'invalid_type') {
    return [{ path, message: `expected ${issue.expected}, got ${kindOf(valueAt(input, rel))}` }];
  }
  if (issue.code === 'invalid_value' && rel[rel.length - 1] === 'type') {
    return [{ path, message: issue.message }];
  }
  return [{ path, message: issue.message }];
}

function valueAt(input: unknown, path: readonly (string | number | symbol)[]): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg as string];
  }
  return cur;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** Unwraps default/optional/nullable/pipe/array wrappers and walks object shapes along `path`. */
function objectShapeAt(schema: z.ZodType, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  let cur: z.ZodType | undefined = unwrap(schema);
  for (const seg of path) {
    if (!cur) return undefined;
    const def = (cur as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object' && typeof seg === 'string') cur = unwrap((def.shape as Record<string, z.ZodType>)[seg]);
    else if (def.type === 'array' && typeof seg === 'number') cur = unwrap(def.element as z.ZodType);
    else if (def.type === 'record') cur = unwrap(def.valueType as z.ZodType);
    else return undefined;
  }
  if (!cur) return undefined;
  const def = (cur as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  return def.type === 'object' ? (def.shape as Record<string, unknown>) : undefined;
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  for (let i = 0; i < 20 && cur; i++) {
    const def = (cur as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'readonly') {
      cur = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') cur = def.in as z.ZodType;
    else return cur;
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------------------
// paths and positions

export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || '(top level)';
}

/** The line of the deepest YAML node along `path`: the key when the path names a key, else its parent. */
function lineOf(doc: Document, lc: LineCounter, path: readonly (string | number)[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const key = pair.key as YamlNode;
      if (key.range) offset = key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else break;
  }
  return lc.linePos(offset).line;
}

/** " (did you mean "x"?)" when one known word is close, else "". */
export function didYouMean(word: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = levenshtein(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best !== null && bestD <= limit ? ` (did you mean "${best}"?)` : '';
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
