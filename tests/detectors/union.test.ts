// Regex unions used on the detectors' hot paths: a union answers exactly as testing each pattern would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pieceMatchesWhole, unionOf } from '../../src/detectors/union.ts';

const TEXTS = ['', 'you are an idiot', 'what a clown show', 'fine thanks', 'idiotic', 'the clown', 'A CLOWN', 'abc 123', 'x-y'];

test('a union of plain patterns agrees with testing each pattern', () => {
  const res = [/\bidiot\b/, /(?:what|such) an? \w+/, /\d{3}/, /^x/];
  const u = unionOf(res);
  for (const t of TEXTS) assert.equal(u(t), res.some((r) => r.test(t)), t);
});

test('flags, back-references and named groups are tested one by one (same answers)', () => {
  for (const res of [[/clown/i, /idiot/], [/(\w)\1/, /abc/], [/(?<w>clown)/, /123/]]) {
    const u = unionOf(res);
    for (const t of TEXTS) assert.equal(u(t), res.some((r) => r.test(t)), `${res.join(' ')} ${t}`);
  }
});

test('pieceMatchesWhole: only patterns without anchors or negative look-arounds', () => {
  assert.equal(pieceMatchesWhole([/\bkill (?:you|him)\b/, /[^a-z]x(?=y)/, /(?<=a )b/]), true);
  for (const r of [/^kill/, /kill$/, /kill(?! time)/, /(?<!i )kill/, /kill/m]) assert.equal(pieceMatchesWhole([r]), false, String(r));
});
