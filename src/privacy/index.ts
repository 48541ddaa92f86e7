// The privacy module: masking of PHI spans and escaping for Slack and HTML.
export { maskText, excerpt, placeholderFor, normalizeSpans, PLACEHOLDERS, FALLBACK_PLACEHOLDER } from './mask.ts';
export { escapeSlackMrkdwn, escapeHtml, stripControl, slackLink, safeHref, type SlackEscapeOptions } from './escape.ts';
