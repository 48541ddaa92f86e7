import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertHeadline, renderAlert, renderEditedNotice, type AlertLike } from '../../src/notifiers/slack-blocks.ts';

const base: AlertLike = {
  type: 'alert', itemId: 3, versionId: 9, sourceId: 'yelp-main', sourceName: 'Yelp main office', url: 'https://www.yelp.example/r/3',
  postedAt: null, rating: 2, severity: 'high', categories: ['phi'], reasons: [{ category: 'phi', severity: 'high', code: 'phi.third_party', reason: 'names another person with health information' }],
  action: { code: 'request_removal_phi', text: 'Ask the platform to remove it.' }, draftReply: null, excerpt: 'My neighbor [name] has [condition].', edited: false,
};

test('an edit that clears every flag says so in the headline, the message and the thread note', () => {
  const cleared: AlertLike = { ...base, edited: true, cleared: true, severity: 'low', categories: [], reasons: [], excerpt: 'Nice staff.' };
  assert.equal(alertHeadline(base), 'HIGH · phi');
  assert.equal(alertHeadline(cleared), 'Edited: no longer flagged');
  const msg = renderAlert(cleared);
  const all = JSON.stringify(msg.blocks);
  assert.ok(!all.includes('Why it was flagged'), 'no stale reasons');
  assert.match(msg.text, /^Edited: no longer flagged/);
  assert.match(renderEditedNotice(cleared).text, /no longer raises any concern/);
  assert.match(renderEditedNotice({ ...base, edited: true }).text, /edited\. The alert above now shows the new version/);
});
