// The obscenity pre-check in `offensive` must never change what the matcher finds: its transformation equals the
// matcher's own, and a text it rules out has no matches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { obscenityPrecheck as P } from '../../src/detectors/offensive.ts';

interface Internals {
  applyTransformers(input: string, transformers: unknown): [number[], string];
  blacklistMatcherTransformers: unknown;
}
const internals = P.matcher as unknown as Internals;

const SAMPLES = [
  'Dr. Chen was wonderful and the front desk was kind.',
  'what the fuuuuck is wrong with this place',
  'F U C K this office',
  'sh1t service, a$$hole receptionist',
  'biiiitch', 'b!tch', 'ａｓｓｈｏｌｅ', 'ⓕⓤⓒⓚ', '𝐟𝐮𝐜𝐤 you', 'fück', 'Dick Smith is my dentist', 'dick',
  'classic assessment of the glass', 'Scunthorpe', 'abbo', 'nigggger', 'a\ud800b', '\udc00x', '😀😀 ok',
  '', ' ', 'aaaa bbbb ssss', 'pen is mightier',
];

function randomStrings(n: number): string[] {
  const chars = [...'aAbBcCdDfFgGhHiIkKlLnNoOsStTuU !@$01345789._*-éаѕ𝐟😀ｆⓕßİ\u200b'];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const len = 1 + Math.floor(rnd() * 16);
    for (let j = 0; j < len; j++) s += chars[Math.floor(rnd() * chars.length)];
    out.push(s);
  }
  return out;
}

test('the pre-check is active with the installed obscenity', () => {
  assert.equal(P.active(), true);
});

test('the pre-check transformation equals the matcher transformation', () => {
  for (const s of [...SAMPLES, ...randomStrings(5000)]) {
    assert.equal(P.transform(s), internals.applyTransformers(s, internals.blacklistMatcherTransformers)[1], JSON.stringify(s));
  }
});

test('the inline collapse fast path is in use, and the general path agrees with the matcher too', () => {
  assert.equal(P.fastTransform(), true);
  for (const s of [...SAMPLES, ...randomStrings(2000)]) {
    assert.equal(P.transformGeneric(s), internals.applyTransformers(s, internals.blacklistMatcherTransformers)[1], JSON.stringify(s));
  }
  // Long input goes through the chunked string build.
  const long = 'fuuuck this '.repeat(2000) + 'ⓕⓤⓒⓚ 😀';
  assert.equal(P.transform(long), internals.applyTransformers(long, internals.blacklistMatcherTransformers)[1]);
});

test('a text the pre-check rules out has no matcher matches; profane texts pass it', () => {
  let ruledOut = 0;
  for (const s of [...SAMPLES, ...randomStrings(5000)]) {
    if (P.mayMatch(s)) continue;
    ruledOut++;
    assert.deepEqual(P.matcher.getAllMatches(s), [], JSON.stringify(s));
  }
  assert.ok(ruledOut > 0);
  for (const s of ['what the fuuuuck', 'sh1t', 'ⓕⓤⓒⓚ', 'biiiitch']) assert.equal(P.mayMatch(s), true, s);
  assert.equal(P.mayMatch('Dr. Chen was wonderful and the front desk was kind.'), false);
});

test('the masked-slur pre-check passes every text the slur pattern matches', () => {
  const { pattern, precheck } = P.maskedSlur();
  const forms = ['n*gga', 'n1gger', 'niigga', 'n**as', 'f*ggot', 'f@g', 'r*tard', 'ret@rd', 'tr*nny', 'sp*c', 'k*ke', 'ch*nk', 'd*ke', 'c**ons'];
  for (const f of forms) {
    assert.equal(pattern.test(`you ${f} here`), true, f);
    assert.equal(precheck.test(`you ${f} here`), true, f);
  }
  const chars = [...'nigfrtaekdcospuhzy *#@$!1'];
  let seed = 3;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 20000; i++) {
    let s = '';
    const len = 2 + Math.floor(rnd() * 10);
    for (let j = 0; j < len; j++) s += chars[Math.floor(rnd() * chars.length)];
    if (pattern.test(s)) assert.equal(precheck.test(s), true, s);
  }
});
