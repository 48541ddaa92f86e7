import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from '../../src/detectors/entities.ts';
import type { PracticeFacts } from '../../src/core/types.ts';

const practice: PracticeFacts = {
  name: 'Lakeside Family Medicine', phones: ['(555) 201-3344'], addresses: ['12 Harbor Rd, Springfield, IL 62704'],
  website: null, hours: {}, timezone: 'UTC', providers: [{ name: 'Dr. Anita Patel', current: true }], staff: ['Maria Chen'],
  insurance_accepted: [], insurance_not_accepted: [], contact_phone: '(555) 201-3344', contact_email: null,
};

const spans = (text: string) => findEntities(text, practice).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);

const cases: [string, string[], string[]][] = [
  ['My neighbor Tom Becker has HIV.', ['person:Tom Becker', 'health:HIV'], []],
  ['Dr. Patel was great but Mrs. Ortiz was rude.', ['person:Mrs. Ortiz'], ['person:Dr. Patel']],
  ['saw maria lopez at the oncology clinic', ['person:maria lopez', 'health:oncology'], []],
  ['Call me at 555-123-4567 or jen@example.com', ['phone:555-123-4567', 'email:jen@example.com'], []],
  ['DOB 3/14/1962, MRN 00482913, 45 Elm Street Apt 3, Springfield, IL 62704', ['date:3/14/1962', 'id:00482913', 'address:45 Elm Street Apt 3, Springfield, IL 62704'], []],
  ['I was diagnosed with type 2 diabetes on March 3rd, 2024 and take metformin.', ['health:type 2 diabetes', 'date:March 3rd, 2024', 'health:metformin'], []],
  ['He is 92 and on Xanax, SSN 123-45-6789', ['health:Xanax', 'id:123-45-6789'], []],
  ['My name is Rubija', ['person:Rubija'], []],
  ['Thanks Maria and Dr. Anita Patel!', [], ['person:Maria', 'person:Dr. Anita Patel']],
  ['family history of Alzheimer\'s disease', ["health:Alzheimer's disease"], []],
  ['see https://example.org/x and 192.168.1.20', ['url:https://example.org/x', 'id:192.168.1.20'], []],
];

for (const [text, want, notWant] of cases) {
  test(`entities: ${text}`, () => {
    const got = spans(text);
    for (const w of want) assert.ok(got.includes(w), `${w} missing from ${JSON.stringify(got)}`);
    for (const w of notWant) assert.ok(!got.includes(w), `${w} unexpected in ${JSON.stringify(got)}`);
  });
}

test('entities are sorted, non-overlapping, inside the text', () => {
  const text = 'Mrs. Ortiz (DOB 1/2/1950, 555-201-9999) has lupus; email ortiz@example.com, 9 Oak Ave, Springfield, IL 62704.';
  const es = findEntities(text, practice);
  assert.ok(es.length >= 5);
  for (let i = 0; i < es.length; i++) {
    assert.ok(es[i]!.start >= 0 && es[i]!.end <= text.length && es[i]!.start < es[i]!.end);
    if (i > 0) assert.ok(es[i - 1]!.end <= es[i]!.start);
  }
});

test('health talk without people has health spans and no person', () => {
  const got = spans('Diabetes runs in families. The flu shot clinic was quick.');
  assert.ok(got.includes('health:Diabetes') && got.includes('health:flu shot'));
  assert.ok(!got.some((g) => g.startsWith('person:')));
});

test('addresses without any digit are still found (the digit pre-check skips only patterns that need one)', () => {
  assert.ok(spans('She lives on Elm Street near the park.').includes('address:Elm Street'));
  assert.ok(spans('Her flat is on Via Roma, by the station.').some((s) => s.startsWith('address:Via Roma')));
  assert.ok(spans('Visit me at http://url_removed soon').some((s) => s.startsWith('url:')));
});

test('a name on the first line of an address block stays a person; lower-case names with a middle initial are found', async () => {
  const { findEntities } = await import('../../src/detectors/entities.ts');
  const { DEMO_PRACTICE } = await import('../../src/demo/practice.ts');
  const text = 'Billing address: Sara Quintero\n  4412 Larkspur Ave Apt. 5\n  Dayton, OH 45402';
  const ents = findEntities(text, DEMO_PRACTICE);
  const person = ents.find((e) => e.type === 'person');
  assert.equal(person && text.slice(person.start, person.end), 'Sara Quintero');
  assert.ok(ents.some((e) => e.type === 'address' && text.slice(e.start, e.end).startsWith('4412')));
  const lower = 'please follow up with benjamin a quillfeather next week';
  const p2 = findEntities(lower, DEMO_PRACTICE).find((e) => e.type === 'person');
  assert.equal(p2 && lower.slice(p2.start, p2.end), 'benjamin a quillfeather');
});

test('continental street forms need a house number or a capitalised name; the English "via" is not a street', async () => {
  const { findEntities } = await import('../../src/detectors/entities.ts');
  const { DEMO_PRACTICE } = await import('../../src/demo/practice.ts');
  const addr = (text: string) => findEntities(text, DEMO_PRACTICE).filter((e) => e.type === 'address').map((e) => text.slice(e.start, e.end));
  assert.deepEqual(addr('She lives on Via dei Fiorentini 17 now.'), ['Via dei Fiorentini 17']);
  assert.deepEqual(addr('Mail it to 36 rue de pologne please'), ['36 rue de pologne']);
  assert.deepEqual(addr('They only answer via email.'), []);
  assert.deepEqual(addr('We went in via the back door and then 3 blocks down.'), []);
});
