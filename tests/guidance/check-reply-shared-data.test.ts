// Measures the reply checker's own identifier patterns (entity finder switched off) on presidio-research's
// synthetic PII sentences, read from ../shared/data when it exists. Skips cleanly in a user's clone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkReply } from '../../src/guidance/check-reply.ts';
import { DEMO_PRACTICE } from '../../src/demo/practice.ts';

const FILE = fileURLToPath(new URL('../../../shared/data/presidio_synth_pii/synth_dataset_v2.json', import.meta.url));

interface Row {
  full_text: string;
  spans: { entity_type: string; start_position: number; end_position: number }[];
}

/** Minimum recall per entity type for identifiers the checker must catch without help. */
const TARGETS: Record<string, number> = {
  PHONE_NUMBER: 0.95,
  EMAIL_ADDRESS: 0.99,
  US_SSN: 0.99,
  CREDIT_CARD: 0.95,
  IBAN_CODE: 0.95,
  DATE_TIME: 0.8,
};

test('identifier patterns on presidio synthetic PII (shared data)', (t) => {
  if (!existsSync(FILE)) {
    t.skip('../shared/data/presidio_synth_pii not present: skipping the shared-data measurement');
    return;
  }
  const rows = JSON.parse(readFileSync(FILE, 'utf8')) as Row[];
  const stats = new Map<string, { hit: number; n: number }>();
  for (const r of rows) {
    const res = checkReply(r.full_text, { practice: DEMO_PRACTICE, findEntities: () => [] });
    for (const s of r.spans) {
      const st = stats.get(s.entity_type) ?? { hit: 0, n: 0 };
      st.n++;
      if (res.problems.some((p) => p.code === 'identifier' && p.start < s.end_position && p.end > s.start_position)) st.hit++;
      stats.set(s.entity_type, st);
    }
  }
  const line = [...stats].map(([k, v]) => `${k} ${((100 * v.hit) / v.n).toFixed(1)}% of ${v.n}`).join(', ');
  console.log(`reply checker identifier recall without the entity finder (${rows.length} sentences): ${line}`);
  for (const [type, min] of Object.entries(TARGETS)) {
    const st = stats.get(type);
    assert.ok(st && st.n > 0, `${type} present in the data`);
    assert.ok(st.hit / st.n >= min, `${type}: ${st.hit}/${st.n} below ${min}`);
  }
});
