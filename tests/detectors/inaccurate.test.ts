import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PRACTICE as practice } from '../../src/demo/practice.ts';
import { detectInaccurate, normalizeAddress, normalizePhone, parseOpeningHours } from '../../src/detectors/inaccurate.ts';
import type { DetectorInput } from '../../src/core/types.ts';

const codes = (input: DetectorInput) => detectInaccurate(input, practice).map((f) => f.code).sort();

const textCases: [string, string[]][] = [
  ['Call them at (555) 010-9999 to book.', ['inaccurate.phone']],
  ['To book you have to call (555) 010-9999.', ['inaccurate.phone']],
  ['Call me at (555) 010-9999 if you have questions.', []],
  ['Their number is 555-010-4477, very responsive.', []],
  ['call the office at 1-555-010-4478', []],
  ['My cell is 555-010-9999 if anyone wants to talk.', []],
  ["They're closed on Thursdays, so plan ahead.", ['inaccurate.hours']],
  ['Nice that they are open Saturdays!', ['inaccurate.hours']],
  ['They are closed on weekends.', []],
  ['Are they open Saturdays?', []],
  ['Heads up, they close at 3 on Fridays now.', ['inaccurate.hours']],
  ['They close at 5 most days.', []],
  ['Dr. Finnegan is the best, book with him!', ['inaccurate.provider']],
  ['I miss Dr. Finnegan, he retired last year.', []],
  ['Dr. Okafor is wonderful.', []],
  ["They don't take Medicare anymore, beware.", ['inaccurate.insurance']],
  ['Good news, they take Humana now.', ['inaccurate.insurance']],
  ['They take Aetna and Cigna.', []],
  ['Do they take Humana?', []],
  ['The office moved to 45 Oak Street, Springfield.', ['inaccurate.address']],
  ['The office is at 1200 Maple Grove Avenue, suite 300.', []],
  ['Book on their website www.maplegrove-clinic.example today', ['inaccurate.website']],
  ['Book on their website https://www.maplegrovefamilymed.example/book', []],
  ['Great staff, short wait.', []],
];
for (const [text, want] of textCases) test(`inaccurate: ${text}`, () => assert.deepEqual(codes({ text }), want));

test('listing facts are normalised before comparing', () => {
  assert.deepEqual(
    codes({
      text: '', kind: 'listing',
      facts: {
        telephone: ['+1 555-010-4477'], address: ['1200 Maple Grove Ave., Ste 300, Springfield, IL 62704'],
        openingHours: ['Mo-We 08:00-17:00', 'Th 08:00-19:00', 'Fr 08:00-16:00'], url: 'http://maplegrovefamilymed.example/',
      },
    }),
    [],
  );
  const flags = detectInaccurate({ text: '', kind: 'listing', facts: { telephone: ['555-010-1111'], address: ['99 Elm St, Springfield'], openingHours: ['Mo-Sa 09:00-17:00'], url: 'https://other.example' } }, practice);
  assert.deepEqual(flags.map((f) => f.code).sort(), ['inaccurate.listing_address', 'inaccurate.listing_hours', 'inaccurate.listing_phone', 'inaccurate.listing_website']);
  assert.equal(flags.find((f) => f.code === 'inaccurate.listing_phone')?.severity, 'high');
  assert.equal(flags.find((f) => f.code === 'inaccurate.listing_hours')?.severity, 'medium');
});

test('normalisers', () => {
  assert.equal(normalizePhone('+1 (555) 010-4477'), '5550104477');
  assert.equal(normalizeAddress('1200 Maple Grove Ave., Ste. 300'), normalizeAddress('1200 maple grove avenue suite 300'));
  assert.deepEqual(parseOpeningHours(['Mo,We 9:00-17:00', 'Sa closed']), { mon: '09:00-17:00', wed: '09:00-17:00', sat: 'closed' });
});
