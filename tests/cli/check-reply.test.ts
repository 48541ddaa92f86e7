// Spawns the real binary: the check-reply interface is what scripts depend on.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'pw-check-reply-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], stdin: string) => runCli(['check-reply', ...args], stdin);

const CONFIG = join(dir, 'practicewatch.yaml');
writeFileSync(
  CONFIG,
  `practice:
  name: Birchwood Dental
  phones: ["(555) 010-2200"]
  addresses: ["45 Birch Rd, Fairview, OR 97024"]
  providers: [Dr. Ana Ruiz]
responder:
  name: Office Manager
  email: manager@birchwood.example
sources: []
`,
);

test('a safe reply: exit 0 and {"ok":true,"problems":[]}', async () => {
  const r = await cli([], 'Thank you for sharing your feedback. We take every concern seriously. Please call our office manager at (555) 010-4477 so we can learn more.\n');
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  assert.deepEqual(JSON.parse(r.stdout), { ok: true, problems: [] });
  assert.equal(r.stdout.trim().split('\n').length, 1);
});

test('an unsafe reply: exit 1, problems with exactly code/message/start/end', async () => {
  const reply = 'Ms. Jarvis, we reviewed your chart: actually you were seen on March 3.';
  const r = await cli([], reply);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { ok: boolean; problems: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(out), ['ok', 'problems']);
  assert.equal(out.ok, false);
  for (const p of out.problems) {
    assert.deepEqual(Object.keys(p), ['code', 'message', 'start', 'end']);
    assert.equal(typeof p.message, 'string');
  }
  const found = out.problems.map((p) => [p.code, reply.slice(p.start as number, p.end as number)]);
  assert.deepEqual(found, [
    ['identifier', 'Ms. Jarvis'],
    ['confirms_relationship', 'reviewed your chart'],
    ['argumentative', 'actually'],
    ['confirms_relationship', 'you were seen'],
    ['identifier', 'March 3'],
  ]);
});

test('--post-file enables the echo check', async () => {
  const post = join(dir, 'post.txt');
  writeFileSync(post, 'The receptionist with purple hair laughed at my stutter.');
  const reply = 'We have spoken with the receptionist about the purple hair comment. Please call (555) 010-4477.';
  const without = await cli([], reply);
  assert.equal(without.code, 0);
  const withPost = await cli(['--post-file', post], reply);
  assert.equal(withPost.code, 1);
  const out = JSON.parse(withPost.stdout) as { problems: { code: string; start: number; end: number }[] };
  assert.deepEqual(out.problems.map((p) => [p.code, reply.slice(p.start, p.end)]), [
    ['echoes_post', 'receptionist'],
    ['echoes_post', 'purple hair'],
  ]);
  const eq = await cli([`--post-file=${post}`], reply);
  assert.equal(eq.code, 1);
});

test('--config uses that practice\'s facts', async () => {
  const own = 'Please call Birchwood Dental at (555) 010-2200 or ask for Dr. Ruiz.';
  assert.equal((await cli(['--config', CONFIG], own)).code, 0);
  const demoPhone = await cli(['--config', CONFIG], 'Please call (555) 010-4477.');
  assert.equal(demoPhone.code, 1);
  assert.equal((JSON.parse(demoPhone.stdout) as { problems: { code: string }[] }).problems[0]!.code, 'identifier');
  // Without --config the demo practice applies, so the Birchwood number is someone else's.
  assert.equal((await cli([], own)).code, 1);
});

test('usage and config errors: exit 2, one line on stderr, nothing on stdout', async () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'practice: [\n');
  const invalid = join(dir, 'invalid.yaml');
  writeFileSync(invalid, 'practice:\n  name: X\nbogus: 1\nsources: []\n');
  const cases: [string[], string][] = [
    [['--bogus'], 'hi'],
    [['--config'], 'hi'],
    [['--config', join(dir, 'missing.yaml')], 'hi'],
    [['--config', bad], 'hi'],
    [['--config', invalid], 'hi'],
    [['--post-file', join(dir, 'missing.txt')], 'hi'],
    [[], ''],
    [[], '  \n'],
  ];
  for (const [args, stdin] of cases) {
    const r = await cli(args, stdin);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^practicewatch check-reply: /);
  }
});

test('--help prints usage and exits 0', async () => {
  const r = await cli(['--help'], '');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /usage: practicewatch check-reply/);
});
