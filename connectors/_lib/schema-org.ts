// schema.org data out of real pages: JSON-LD blocks (with @graph, arrays, nesting, HTML-escaped JSON, one
// broken block among good ones) and microdata (itemscope/itemtype/itemprop), both turned into plain objects
// shaped like JSON-LD so one walker reads them.
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { absoluteUrl } from './url.ts';

export type LdNode = Record<string, unknown>;

export interface SchemaOrgData {
  /** Every object that has an @type, depth-first in document order, with its parent node (if any). */
  nodes: { node: LdNode; parent: LdNode | null }[];
  /** JSON-LD blocks that could not be read even after repair. */
  badBlocks: number;
}

export function readSchemaOrg(html: string, pageUrl: string): SchemaOrgData {
  const $ = load(html);
  const roots: unknown[] = [];
  let badBlocks = 0;
  $('script').each((_, el) => {
    const type = ($(el).attr('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (type !== 'application/ld+json') return;
    const parsed = parseJsonLd($(el).text());
    if (parsed === undefined) badBlocks++;
    else roots.push(parsed);
  });
  roots.push(...readMicrodata($, pageUrl));
  const nodes: SchemaOrgData['nodes'] = [];
  const walk = (v: unknown, parent: LdNode | null, depth: number) => {
    if (depth > 20 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, parent, depth + 1));
    const o = v as LdNode;
    const typed = o['@type'] !== undefined;
    if (typed) nodes.push({ node: o, parent });
    for (const [k, child] of Object.entries(o)) if (k !== '@context') walk(child, typed ? o : parent, depth + 1);
  };
  walk(roots, null, 0);
  return { nodes, badBlocks };
}

/** JSON.parse with the repairs real pages need; undefined when hopeless. */
function parseJsonLd(raw: string): unknown {
  let s = raw.trim().replace(/^<!--/, '').replace(/-->$/, '').replace(/^\/\/\s*<!\[CDATA\[/, '').replace(/\/\/\s*\]\]>$/, '').trim();
  if (!s) return undefined;
  const attempts = [
    (x: string) => x,
    // raw control characters (newlines, tabs) inside strings
    (x: string) => x.replace(/[\u0000-\u001f]+/g, ' '),
    // the whole block HTML-escaped (&quot; …)
    (x: string) => decodeEntities(x).replace(/[\u0000-\u001f]+/g, ' '),
    // trailing commas
    (x: string) => decodeEntities(x).replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'),
  ];
  for (const fix of attempts) {
    try {
      s = fix(s);
      return JSON.parse(s);
    } catch {
      // next repair
    }
  }
  return undefined;
}

function decodeEntities(s: string): string {
  return load(`<t>${s.replace(/</g, '&lt;')}</t>`, null, false)('t').text();
}

// ---- microdata ----

function readMicrodata($: CheerioAPI, pageUrl: string): LdNode[] {
  const out: LdNode[] = [];
  $('[itemscope]').each((_, el) => {
    // Top-level items only; nested ones are reached through their itemprop.
    if ($(el).is('[itemprop]')) return;
    out.push(itemToObject($, $(el), pageUrl, 0));
  });
  return out;
}

function itemToObject($: CheerioAPI, item: Cheerio<Element>, pageUrl: string, depth: number): LdNode {
  const obj: LdNode = {};
  const types = (item.attr('itemtype') ?? '').split(/\s+/).filter(Boolean);
  obj['@type'] = types.length === 1 ? types[0] : types.length ? types : 'Thing';
  const id = item.attr('itemid');
  if (id) obj['@id'] = id;
  if (depth > 10) return obj;
  for (const propEl of ownProperties($, item)) {
    const p = $(propEl);
    const value = p.is('[itemscope]') ? itemToObject($, p, pageUrl, depth + 1) : propValue(p, pageUrl);
    for (const name of (p.attr('itemprop') ?? '').split(/\s+/).filter(Boolean)) {
      const prev = obj[name];
      obj[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
  }
  return obj;
}

/** Elements with itemprop that belong to this item (not to an item nested inside it). */
function ownProperties($: CheerioAPI, item: Cheerio<Element>): Element[] {
  const out: Element[] = [];
  const visit = (children: Cheerio<AnyNode>) => {
    children.each((_, c) => {
      if (c.type !== 'tag' && c.type !== 'script' && c.type !== 'style') return;
      const el = $(c as Element);
      if (el.is('[itemprop]')) out.push(c as Element);
      if (!el.is('[itemscope]')) visit(el.children());
    });
  };
  visit(item.children());
  return out;
}

function propValue(p: Cheerio<Element>, pageUrl: string): string {
  const tag = (p.prop('tagName') ?? '').toLowerCase();
  if (p.attr('content') !== undefined) return p.attr('content')!;
  if (tag === 'a' || tag === 'link' || tag === 'area') return absoluteUrl(p.attr('href'), pageUrl) ?? '';
  if (tag === 'img' || tag === 'audio' || tag === 'video' || tag === 'source') return absoluteUrl(p.attr('src'), pageUrl) ?? '';
  if (tag === 'time' && p.attr('datetime')) return p.attr('datetime')!;
  if ((tag === 'data' || tag === 'meter') && p.attr('value') !== undefined) return p.attr('value')!;
  return p.text();
}

// ---- reading values ----

/** "http://schema.org/Physician", "schema:Physician", ["Physician", "MedicalBusiness"] → ["Physician", "MedicalBusiness"]. */
export function typesOf(node: LdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^https?:\/\/(www\.)?schema\.org\//i, '').replace(/^schema:/i, '').trim());
}

/** The first string of a value that may be a string, a number, an array, or an object with `name`/`@value`. */
export function firstString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = firstString(x);
      if (s) return s;
    }
    return null;
  }
  if (v && typeof v === 'object') return firstString((v as LdNode)['@value'] ?? (v as LdNode).name);
  return null;
}

export function asArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}
