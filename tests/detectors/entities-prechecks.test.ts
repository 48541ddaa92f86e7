// The entity finder's pre-checks (cheap scans that skip a pattern when the text cannot match it) must never change
// what is found: the same texts with and without them give the same spans, and the edge cases each pre-check
// guards still come out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPatterns } from '../../src/detectors/pii/patterns.ts';

const EDGES: [string, string][] = [
  ['the site is www.55 for now', 'url:www.55'],
  ['WWW.Example.COM/page has it', 'url:WWW.Example.COM/page'],
  ['see http://10.0.0.1/x', 'url:http://10.0.0.1/x'],
  ['.see our-clinic.org today', 'url:our-clinic.org'],
  ['write to bob@ex-ample.org now', 'email:bob@ex-ample.org'],
  ['node fe80::1ff:fe23:4567:890a is up', 'id:fe80::1ff:fe23:4567:890a'],
  ['back in March she moved', 'date:March'],
  ['since SEPT. nothing', 'date:SEPT.'],
  ['every WEDNESDAY morning', 'date:every WEDNESDAY'],
  ['on Sunday we left', 'date:on Sunday'],
  ['Karl Johans gate 22 in Oslo', 'address:Karl Johans gate 22'],
  ['USNS Bergman\nFPO AP 93757', 'address:USNS Bergman\nFPO AP 93757'],
];

const spans = (text: string, prechecks = true) => findPatterns(text, prechecks).map((f) => `${f.type}:${text.slice(f.start, f.end)}:${f.strength}`);

test('pre-checked patterns still find their edge cases', () => {
  for (const [text, want] of EDGES) {
    const got = findPatterns(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);
    assert.ok(got.includes(want), `${want} missing from ${JSON.stringify(got)}`);
  }
});

test('with and without pre-checks the finder returns the same spans', () => {
  // Fragments that sit right at the pre-checks' edges, glued into random texts.
  const parts = ['www.', 'WwW.', 'http://', '://', 'a.b', 'x.COM', '.org', '-.', '@', 'a@b.c', '@x', '::', ':', 'fe80::1', '1:2:3',
    'jan', 'March', 'MAY', 'May', 'mAr', 'Dec.', 'in', 'since', 'last', 'day', 'Monday', 'FRIDAY', 'sundays', 'gate', 'gata', 'Vej',
    'tér', 'str.', 'u.', 'FPO', 'apo', 'AP', 'USNS', 'Unit', '12', '5', '93757', '2024', ' ', ' ', ' ', '\n', ',', 'Karl', 'Oslo', 'é', 'ſ'];
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const texts = EDGES.map(([t]) => t);
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const n = 2 + Math.floor(rnd() * 12);
    for (let j = 0; j < n; j++) s += parts[Math.floor(rnd() * parts.length)] + (rnd() < 0.6 ? ' ' : '');
    texts.push(s);
  }
  for (const t of texts) assert.deepEqual(spans(t), spans(t, false), JSON.stringify(t));
});
