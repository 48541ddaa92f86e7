import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskText, excerpt, placeholderFor, PLACEHOLDERS } from '../../src/privacy/mask.ts';
import type { Entity, EntityType } from '../../src/core/types.ts';

const span = (text: string, part: string, type: EntityType, from = 0): Entity => {
  const start = text.indexOf(part, from);
  assert.ok(start >= 0, `fixture: "${part}" not in text`);
  return { type, start, end: start + part.length };
};

test('every entity type has its own placeholder', () => {
  const text = 'Jo Pike 03/04/2024 555-010-9999 jo@example.org 12 Elm St MRN 88123 age 47 http://x.example asthma';
  const parts: [string, EntityType, string][] = [
    ['Jo Pike', 'person', '[name]'],
    ['03/04/2024', 'date', '[date]'],
    ['555-010-9999', 'phone', '[phone]'],
    ['jo@example.org', 'email', '[email]'],
    ['12 Elm St', 'address', '[address]'],
    ['88123', 'id', '[id]'],
    ['47', 'age', '[age]'],
    ['http://x.example', 'url', '[link]'],
    ['asthma', 'health', '[condition]'],
  ];
  const masked = maskText(text, parts.map(([p, t]) => span(text, p, t)));
  assert.equal(masked, '[name] [date] [phone] [email] [address] MRN [id] age [age] [link] [condition]');
  for (const [, t, ph] of parts) assert.equal(PLACEHOLDERS[t], ph);
});

test('unsorted, duplicated and overlapping spans: the union is masked once, typed by the longest', () => {
  const text = 'Call Mary Ann Lee about her diabetes diagnosis today';
  const e = [
    span(text, 'diabetes diagnosis', 'health'),
    span(text, 'Mary Ann', 'person'),
    span(text, 'Ann Lee', 'person'),
    span(text, 'Mary Ann Lee', 'person'),
    span(text, 'diabetes', 'health'),
    span(text, 'diabetes', 'health'),
  ];
  assert.equal(maskText(text, e), 'Call [name] about her [condition] today');
  // An id span nested in a longer person span: one placeholder, the longer type wins.
  const t2 = 'patient Bob Smith-4411 called';
  const e2 = [span(t2, '4411', 'id'), span(t2, 'Bob Smith-4411', 'person')];
  assert.equal(maskText(t2, e2), 'patient [name] called');
});

test('adjacent spans stay two placeholders; nothing of either survives', () => {
  const text = 'AnnLee5550101';
  assert.equal(maskText(text, [{ type: 'phone', start: 7, end: 13 }, { type: 'person', start: 0, end: 7 }]), '[name][phone]');
});

test('out-of-range, reversed, empty, NaN and fractional spans are tolerated', () => {
  const text = 'Seen by Dr. Z for gout';
  const masked = maskText(text, [
    { type: 'health', start: 18, end: 999 },
    { type: 'person', start: -5, end: 0 },
    { type: 'person', start: 10, end: 4 },
    { type: 'date', start: 3, end: 3 },
    { type: 'id', start: Number.NaN, end: 5 },
    { type: 'person', start: 11.5, end: 12.2 },
  ]);
  assert.equal(masked, 'Seen by Dr.[name] for [condition]');
  assert.equal(maskText('', [{ type: 'person', start: 0, end: 5 }]), '');
  assert.equal(maskText('plain', []), 'plain');
});

test('an unknown entity type is still masked', () => {
  const text = 'secret thing';
  assert.equal(maskText(text, [{ type: 'ssn' as EntityType, start: 0, end: 6 }]), '[masked] thing');
  assert.equal(placeholderFor('constructor'), '[masked]');
});

test('a span never leaves half a surrogate pair behind', () => {
  const text = 'A😀B';
  // 😀 is two UTF-16 units at 1..3; a span covering only its low half widens to the whole emoji.
  assert.equal(maskText(text, [{ type: 'person', start: 2, end: 3 }]), 'A[name]B');
  assert.equal(maskText(text, [{ type: 'person', start: 0, end: 2 }]), '[name]B');
});

test('excerpt: short text passes through with whitespace collapsed', () => {
  assert.equal(excerpt('  Rude\n\nfront   desk  ', 100), 'Rude front desk');
});

test('excerpt: cuts on a word boundary, ellipsis included in the budget', () => {
  const s = 'The front desk was rude to [name] about the [condition] appointment and billing';
  for (let max = 2; max <= s.length + 2; max++) {
    const out = excerpt(s, max);
    assert.ok(out.length <= max, `length ${out.length} > ${max}`);
    if (out.length < s.length) {
      assert.ok(out.endsWith('…'));
      const head = out.slice(0, -1);
      // Every word kept is whole: the head is a prefix of the text ending where a word ended.
      assert.ok(s.startsWith(head), `"${head}" is not a prefix`);
      assert.ok(head.length === 0 || /\s|$/.test(s.charAt(head.length)) || /[\s,]/.test(s.charAt(head.length)));
      // No half placeholder.
      assert.doesNotMatch(head, /\[[a-z]*$/);
    }
  }
  assert.equal(excerpt(s, 30), 'The front desk was rude to…');
});

test('excerpt: never cuts inside a placeholder even without spaces', () => {
  const s = '[condition][condition][condition]';
  for (let max = 1; max < s.length; max++) {
    const out = excerpt(s, max);
    assert.ok(out.length <= max);
    assert.match(out, /^(\[condition\])*…?$/, `max=${max}: ${out}`);
  }
});

test('excerpt: degenerate budgets', () => {
  assert.equal(excerpt('hello world', 0), '');
  assert.equal(excerpt('hello world', -3), '');
  assert.equal(excerpt('hello world', 1), '…');
  assert.equal(excerpt('supercalifragilistic', 8), 'superca…');
  // A hard cut never splits an emoji.
  const out = excerpt('😀😀😀😀😀😀', 4);
  assert.equal(out, '😀…');
});

test('fuzz: whatever the spans, no character a span covered survives masking', () => {
  // Deterministic PRNG (mulberry32) so a failure reproduces.
  let seed = 0x5eed;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const types: EntityType[] = ['person', 'date', 'phone', 'email', 'address', 'id', 'age', 'url', 'health'];
  for (let round = 0; round < 500; round++) {
    // Each position holds a distinct marker character, so survivors can be identified exactly.
    const len = 1 + Math.floor(rnd() * 60);
    const chars = Array.from({ length: len }, (_, i) => String.fromCharCode(0x4e00 + i));
    const text = chars.join('');
    const entities: Entity[] = [];
    const covered = new Set<number>();
    for (let k = Math.floor(rnd() * 8); k > 0; k--) {
      const a = Math.floor(rnd() * (len + 10)) - 5;
      const b = a + Math.floor(rnd() * 20) - 3;
      entities.push({ type: types[Math.floor(rnd() * types.length)]!, start: a, end: b });
      for (let i = Math.max(0, a); i < Math.min(len, b); i++) covered.add(i);
    }
    const masked = maskText(text, entities);
    for (let i = 0; i < len; i++) {
      assert.equal(masked.includes(chars[i]!), !covered.has(i), `round ${round}: position ${i}`);
    }
    // Uncovered characters keep their order.
    const kept = [...masked].filter((c) => c.charCodeAt(0) >= 0x4e00 && c.charCodeAt(0) < 0x4e00 + len);
    assert.deepEqual(kept, chars.filter((_, i) => !covered.has(i)));
  }
});
