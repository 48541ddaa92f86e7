import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, parseConfig } from '../../src/config/load.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { connectors } from '../../connectors/index.ts';
import { configText, tempDir } from '../helpers/backbone.ts';

const F = 'config/practicewatch.yaml';

function errorOf(text: string, env: Record<string, string> = {}): ConfigError {
  try {
    parseConfig(text, F, { env });
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a ConfigError');
}

const rssOk = `  - id: blog
    type: rss
    url: http://127.0.0.1:8080/feed
`;

// Golden cases: [name, sources yaml / whole text, expected lines (exact)]
const golden: { name: string; text: string; lines: string[] }[] = [
  {
    name: 'unknown key with a suggestion',
    text: configText(`  - id: blog
    type: rss
    url: http://127.0.0.1:8080/feed
    schedul: "*/5 * * * *"
`),
    lines: [`${F}:16: sources[0].schedul: unknown key (did you mean "schedule"?)`],
  },
  {
    name: 'wrong type',
    text: configText(rssOk, 'http:\n  concurrency: "four"\n'),
    lines: [`${F}:13: http.concurrency: expected number, got the string "four"`],
  },
  {
    name: 'unknown source type lists the known types',
    text: configText(`  - id: blog
    type: rsss
    url: http://127.0.0.1:8080/feed
`),
    lines: [`${F}:14: sources[0].type: unknown source type "rsss" (did you mean "rss"?); known types: ${connectors.map((c) => c.type).join(', ')}`],
  },
  {
    name: 'duplicate id',
    text: configText(rssOk + rssOk),
    lines: [`${F}:16: sources[1].id: duplicate source id "blog" (also sources[0])`],
  },
  {
    name: 'bad cron',
    text: configText(`  - id: blog
    type: rss
    url: http://127.0.0.1:8080/feed
    schedule: "every five minutes"
`),
    lines: [`${F}:16: sources[0].schedule: expected a cron expression such as "*/30 * * * *"`],
  },
  {
    name: 'YAML syntax error',
    text: configText(`  - id: blog
    type: rss
   url: [http://127.0.0.1:8080/feed
`),
    lines: [],
  },
  {
    name: 'unknown top-level key',
    text: configText(rssOk, 'slak:\n  enabled: true\n'),
    lines: [`${F}:12: slak: unknown key (did you mean "slack"?)`],
  },
  {
    name: 'missing required key',
    text: configText(`  - id: blog
    type: rss
`),
    lines: [`${F}:13: sources[0].url: missing: expected string`],
  },
];

for (const g of golden) {
  test(`config error: ${g.name}`, () => {
    const e = errorOf(g.text);
    const lines = e.message.split('\n');
    if (g.lines.length) assert.deepEqual(lines, g.lines);
    for (const l of lines) assert.match(l, /^config\/practicewatch\.yaml:\d+: /);
    assert.equal(e.file, F);
    assert.equal(typeof e.line, 'number');
  });
}

test('YAML syntax error names a line near the mistake', () => {
  const e = errorOf(configText(`  - id: blog\n    type: rss\n   url: [oops\n`));
  assert.match(e.message, /^config\/practicewatch\.yaml:1[4-6]: YAML syntax error: /);
});

test('all problems are reported, one per line, in file order', () => {
  const text = configText(
    `  - id: Blog_1
    type: rss
    url: http://127.0.0.1/feed
    colour: red
  - id: two
    type: nope
`,
    'http:\n  retries: 99\n',
  );
  const lines = errorOf(text).message.split('\n');
  assert.equal(lines.length, 4, lines.join('\n'));
  const nums = lines.map((l) => Number(/:(\d+):/.exec(l)![1]));
  assert.deepEqual(nums, [...nums].sort((a, b) => a - b));
  assert.ok(lines.some((l) => l.includes('sources[0].id:')));
  assert.ok(lines.some((l) => l.includes('sources[0].colour: unknown key')));
  assert.ok(lines.some((l) => l.includes('sources[1].type: unknown source type "nope"')));
  assert.ok(lines.some((l) => l.includes('http.retries:')));
});

test('a secret is named by env var: slack enabled without the token is an error naming it', () => {
  const text = configText(rssOk, 'slack:\n  enabled: true\n  socket_mode: false\n').replace(
    'responder:\n  name: Office Manager\n',
    'responder:\n  name: Office Manager\n  slack_channel: C012ABCDEF\n',
  );
  const e = errorOf(text);
  assert.match(e.message, /slack\.token_env: .*SLACK_BOT_TOKEN is not set/);
  const ok = parseConfig(text, F, { env: { SLACK_BOT_TOKEN: 'xoxb-test' } });
  assert.equal(ok.config.slack.enabled, true);
});

test('smtp password env var is required when email has a user', () => {
  const text = configText(rssOk, 'email:\n  enabled: true\n  user: mailer\n  password_env: PW_SMTP_TEST_PASS\n');
  assert.match(errorOf(text).message, /email\.password_env: .*PW_SMTP_TEST_PASS is not set/);
});

test('a missing file says so plainly', () => {
  assert.throws(() => loadConfig('/nonexistent/pw.yaml'), (e: unknown) => e instanceof ConfigError && e.message === '/nonexistent/pw.yaml: config file not found');
});

test('a valid config: defaults, flat source options, practice facts', () => {
  const t = tempDir();
  try {
    const file = join(t.dir, 'pw.yaml');
    writeFileSync(file, configText(rssOk));
    const { config, practice, file: f } = loadConfig(file);
    assert.equal(f, file);
    assert.equal(config.sources.length, 1);
    const s = config.sources[0]!;
    assert.equal(s.id, 'blog');
    assert.equal(s.url, 'http://127.0.0.1:8080/feed');
    assert.equal(s.enabled, true);
    assert.equal(s.owned, false);
    assert.equal(config.http.timeout, 20_000);
    assert.equal(config.storage.raw_text_retention, 90 * 86_400_000);
    assert.equal(config.slack.enabled, false);
    assert.equal(practice.contact_phone, '(555) 010-4477');
    assert.deepEqual(practice.providers, [{ name: 'Dr. Helena Okafor', current: true }]);
  } finally {
    t.cleanup();
  }
});

test('the shipped starting config loads', () => {
  const { config } = loadConfig('config/practicewatch.yaml', { env: {} });
  assert.ok(config.sources.length >= 1);
  assert.equal(config.slack.enabled, false);
  assert.equal(config.email.enabled, false);
});

test('the example config parses and mentions every registered connector type', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync('config/practicewatch.example.yaml', 'utf8');
  const { config } = parseConfig(text, 'config/practicewatch.example.yaml', {
    env: new Proxy({}, { get: () => 'set-for-test' }) as Record<string, string>,
  });
  const types = new Set(config.sources.map((s) => s.type));
  for (const c of connectors) assert.ok(types.has(c.type), `example config lacks a "${c.type}" source`);
});
