#!/usr/bin/env node
// Lists tests/**/*.test.ts and runs them with node's own test runner through tsx.
// (Node 20's --test neither expands globs nor finds .ts files by itself.)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const filter = process.argv.slice(2);
const files = readdirSync('tests', { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
  .map((f) => join('tests', f))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, PRACTICEWATCH_TEST: '1' },
});
process.exit(r.status ?? 1);
