// `practicewatch classify`: the JSON Lines interface others depend on. Spawns the real binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.ts';
import { PassThrough, Writable } from 'node:stream';
import { classifyStream, parseLine } from '../../src/cli/commands/classify.ts';
import { DEMO_PRACTICE } from '../../src/demo/practice.ts';


const runClassify = (stdin: string, args: string[] = []) => runCli(['classify', ...args], stdin);

test('classify answers each line in order with flags and entities', async () => {
  const lines = [
    { id: 'r1', text: 'Waited over two hours and the receptionist was rude. Nobody ever calls back.', rating: 1 },
    { id: 'r2', text: 'Dr. Okafor is kind, thorough and never rushed. Highly recommend!', rating: 5 },
    { id: 'r3', text: 'Should I stop taking my blood pressure pills if I feel dizzy?' },
    { id: 'r4', text: 'I want to kill myself tonight.', owned: true, author: 'Anon' },
  ];
  const r = await runClassify(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.id), ['r1', 'r2', 'r3', 'r4']);
  for (const o of out) {
    assert.ok(Array.isArray(o.flags) && Array.isArray(o.entities));
    for (const f of o.flags) assert.deepEqual(Object.keys(f).sort(), ['category', 'code', 'reason', 'severity']);
    for (const e of o.entities) {
      assert.deepEqual(Object.keys(e).sort(), ['end', 'start', 'type']);
      assert.ok(e.start >= 0 && e.end > e.start);
    }
  }
  assert.ok(out[0].flags.some((f: { code: string }) => f.code === 'negative.wait_time'));
  assert.ok(out[0].flags.some((f: { code: string }) => f.code === 'negative.no_callback'));
  assert.equal(out[1].flags.filter((f: { category: string }) => f.category === 'negative').length, 0);
  assert.ok(out[2].flags.some((f: { category: string }) => f.category === 'advice'));
  assert.ok(out[3].flags.some((f: { code: string; severity: string }) => f.code === 'urgent.self_harm' && f.severity === 'critical'));
});

test('classify rejects malformed lines by number, answers the rest, exits 1', async () => {
  const input = [
    JSON.stringify({ id: 'a', text: 'Great visit.' }),
    '{not json',
    '',
    JSON.stringify({ id: 'b', text: 42 }),
    JSON.stringify({ id: 'c', text: 'Fine.', rating: 9 }),
    JSON.stringify({ text: 'no id' }),
    JSON.stringify({ id: 'd', text: 'The front desk was rude.' }),
  ].join('\n');
  const r = await runClassify(input);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^line 2: not valid JSON$/m);
  assert.match(r.stderr, /^line 4: "text" must be a string$/m);
  assert.match(r.stderr, /^line 5: "rating" must be a number from 1 to 5$/m);
  assert.match(r.stderr, /^line 6: "id" must be a string$/m);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 6, 'one output per non-blank input line');
  assert.deepEqual(out.map((o) => o.id), ['a', null, 'b', 'c', null, 'd']);
  assert.deepEqual(out.filter((o) => 'error' in o).map((o) => o.line), [2, 4, 5, 6]);
  assert.ok(out[5].flags.some((f: { category: string }) => f.category === 'negative'));
  assert.ok(!r.stderr.includes('rude'), 'stderr never echoes item text');
});

test('classify: unknown option is a usage error', async () => {
  const r = await runClassify('', ['--bogus']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown option/);
});

test('classify streams: waits for a slow consumer and keeps order over many lines', async () => {
  const input = new PassThrough();
  const got: string[] = [];
  let pending = 0;
  const out = new Writable({
    highWaterMark: 64,
    write(chunk, _enc, cb) {
      got.push(String(chunk));
      pending++;
      setImmediate(() => {
        pending--;
        cb();
      });
    },
  });
  const err = new PassThrough();
  const done = classifyStream(input, out, err, DEMO_PRACTICE);
  const n = 2000;
  for (let i = 0; i < n; i++) input.write(JSON.stringify({ id: `i${i}`, text: i % 2 ? 'Rude staff, long wait.' : 'Lovely doctor.' }) + '\n');
  input.end();
  assert.equal(await done, 0);
  assert.equal(got.length, n);
  assert.ok(got.every((l, i) => JSON.parse(l).id === `i${i}`));
  assert.equal(pending, 0);
});

test('parseLine accepts optional fields and rejects wrong types', () => {
  const ok = parseLine(JSON.stringify({ id: 'x', text: 't', rating: null, owned: true }));
  assert.ok(ok.ok && ok.input.owned === true && ok.input.rating === null);
  const bad = parseLine(JSON.stringify({ id: 'x', text: 't', owned: 'yes' }));
  assert.ok(!bad.ok && bad.error === '"owned" must be true or false');
  assert.deepEqual(parseLine('[1]'), { ok: false, id: null, error: 'not a JSON object' });
});
