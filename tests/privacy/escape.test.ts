import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeSlackMrkdwn, escapeHtml, stripControl, slackLink, safeHref } from '../../src/privacy/escape.ts';

/** What Slack would parse as a control sequence: anything in raw angle brackets. */
const SLACK_CONTROL = /<[^>]*>/;

test('slack: mentions, broadcasts and links cannot be injected', () => {
  const hostile = [
    '<!channel> urgent',
    '<!here|here>',
    '<!everyone>',
    '<@U123ABC> look',
    '<#C0123|general>',
    '<http://evil.example|click here for your records>',
    '<mailto:x@evil.example|mail>',
    '<!subteam^S123>',
    '<<!channel>>',
    '&lt;!channel&gt;',
  ];
  for (const h of hostile) {
    const out = escapeSlackMrkdwn(h);
    assert.doesNotMatch(out, SLACK_CONTROL, h);
    assert.doesNotMatch(out, /[<>]/, h);
  }
  assert.equal(escapeSlackMrkdwn('<!channel> & co'), '&lt;!channel&gt; &amp; co');
  // Already-escaped text is escaped again, so it shows literally instead of turning back into a mention.
  assert.equal(escapeSlackMrkdwn('&lt;!here&gt;'), '&amp;lt;!here&amp;gt;');
});

test('slack: plain @channel / @here / @everyone are broken up', () => {
  for (const w of ['@channel', '@here', '@Everyone']) {
    const out = escapeSlackMrkdwn(`hey ${w} now`);
    assert.ok(!out.includes(w), out);
    assert.ok(out.includes('\u200b'));
  }
  assert.equal(escapeSlackMrkdwn('mail @herefordclinic'), 'mail @herefordclinic');
});

test('slack: formatting characters are neutralised', () => {
  const out = escapeSlackMrkdwn('*URGENT* _call_ ~now~ `code` ```block```');
  assert.doesNotMatch(out, /[*_~`]/);
  assert.match(out, /URGENT/);
  const quote = escapeSlackMrkdwn('> fake quote\n  > second\nnot > quote');
  assert.doesNotMatch(quote, /^\s*&gt;/m);
  assert.ok(quote.endsWith('not &gt; quote'));
  // Opt out for strings the app wrote itself.
  assert.equal(escapeSlackMrkdwn('*Severity:* <x>', { formatting: false }), '*Severity:* &lt;x&gt;');
});

test('slack: control, bidi and zero-width characters are stripped; newlines kept', () => {
  const out = escapeSlackMrkdwn('a\u0000b\u0007c\u001bd\u202eevil\u2066e\u200bf\r\ng\rh\u0085i');
  assert.equal(out, 'abcdevilef\ng\nhi');
});

test('slackLink: only http(s), cannot close early', () => {
  assert.equal(slackLink('https://x.example/a?b=1&c=2', 'Review'), '<https://x.example/a?b=1&amp;c=2|Review>');
  const l = slackLink('https://x.example/|<!channel>', '<!here> *x*');
  assert.doesNotMatch(l.slice(1, -1), /[<>]/);
  assert.equal((l.match(/\|/g) ?? []).length, 1);
  assert.equal(slackLink('javascript:alert(1)', 'Review'), 'Review');
  assert.equal(slackLink(null, 'a<b'), 'a&lt;b');
  assert.equal(slackLink('not a url', 'x'), 'x');
});

test('html: the five characters, in content and attributes', () => {
  assert.equal(escapeHtml(`<script>alert("x")</script> & 'y'`), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  assert.equal(escapeHtml('" onmouseover="alert(1)'), '&quot; onmouseover=&quot;alert(1)');
  assert.equal(escapeHtml('&amp;'), '&amp;amp;');
  const out = escapeHtml('<img src=x onerror=alert(1)><a href="javascript:x">');
  assert.doesNotMatch(out, /[<>"]/);
});

test('html: control characters and lone surrogates are removed or repaired', () => {
  assert.equal(escapeHtml('a\u0000\u0008b\u202ec'), 'abc');
  assert.equal(escapeHtml('x\ud800y'), 'x\ufffdy');
  assert.equal(escapeHtml('ok 😀'), 'ok 😀');
  assert.equal(stripControl('a\tb\nc'), 'a\tb\nc');
});

test('safeHref: only http(s) and mailto', () => {
  assert.equal(safeHref('https://x.example/?a=1&b="2"'), 'https://x.example/?a=1&amp;b=%222%22');
  assert.equal(safeHref('javascript:alert(1)'), '#');
  assert.equal(safeHref('data:text/html,<b>'), '#');
  assert.equal(safeHref(undefined), '#');
  assert.equal(safeHref('mailto:office@example.org'), 'mailto:office@example.org');
});
