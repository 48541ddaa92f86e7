import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { README_PATH, renderConnectorDocs } from '../../scripts/gen-docs.ts';
import { connectors } from '../../connectors/index.ts';

test('connectors/README.md is up to date (run `npm run docs` if this fails)', () => {
  const expected = renderConnectorDocs();
  assert.equal(readFileSync(README_PATH, 'utf8'), expected);
  for (const c of connectors) {
    assert.ok(expected.includes(`## ${c.type}\n`), `section for ${c.type}`);
    assert.ok(expected.includes(`type: ${c.type}\n`), `YAML example for ${c.type}`);
  }
});
