// Renders the weekly digest: an HTML part that survives common mail clients (tables, inline CSS, no images, no
// scripts, one ~600px column that shrinks on a phone) and a plain-text part with the same content.
// Every string that came from a source or a third party (source names, masked excerpts, errors, URLs) is escaped
// here, at the last moment; the data never contains raw post text (see query.ts).
import { escapeHtml, excerpt as clip, safeHref, stripControl } from '../privacy/index.ts';
import type { Severity } from '../core/types.ts';
import type { DigestData, Median, RatingWeek } from './query.ts';

export interface RenderOptions {
  practiceName: string;
  /** Shown in the footer: where the numbers come from. */
  productName?: string;
  /** Longest excerpt shown per open item, in characters. Default 240. */
  excerptChars?: number;
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

const CATEGORY_LABEL: Record<string, string> = {
  negative: 'Negative',
  inaccurate: 'Inaccurate information',
  offensive: 'Offensive',
  phi: 'Reveals health information',
  advice: 'Asks for medical advice',
  urgent: 'Urgent / crisis',
};
const SEVERITY_COLOR: Record<Severity, string> = { critical: '#b91c1c', high: '#c2410c', medium: '#a16207', low: '#4b5563' };
const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];
const STATUS_LABEL: Record<string, string> = { new: 'not acknowledged', acknowledged: 'acknowledged, no response yet' };
const KIND_LABEL: Record<string, string> = {
  alert: 'alert',
  alert_update: 'alert update',
  reminder: 'reminder',
  source_broken: 'source-broken notice',
  source_recovered: 'source-recovered notice',
  digest: 'weekly digest',
};

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const oneLine = (s: string) => stripControl(s).replace(/\s+/g, ' ').trim();
const h = (s: string) => escapeHtml(oneLine(s));
export const categoryLabel = (c: string) => CATEGORY_LABEL[c] ?? c;

export function formatDuration(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  const hours = ms / 3_600_000;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1).replace(/\.0$/, '') : Math.round(hours)} h`;
  const days = ms / 86_400_000;
  return `${days < 10 ? days.toFixed(1).replace(/\.0$/, '') : Math.round(days)} days`;
}

function dateFmt(timeZone: string, opts: Intl.DateTimeFormatOptions): (ms: number) => string {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, ...opts });
  return (ms) => f.format(new Date(ms));
}

/** "Nov 16 – 22, 2026" from the civil dates of the week. */
function weekSpan(firstDay: string, lastDay: string): string {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
  const a = new Date(`${firstDay}T12:00:00Z`);
  const b = new Date(`${lastDay}T12:00:00Z`);
  const year = b.getUTCFullYear();
  const sameMonth = a.getUTCMonth() === b.getUTCMonth();
  return `${f.format(a)} – ${sameMonth ? b.getUTCDate() : f.format(b)}, ${year}`;
}

const shortDay = (firstDay: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(new Date(`${firstDay}T12:00:00Z`));

const stars = (avg: number | null) => (avg === null ? '—' : avg.toFixed(2));
const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const medianText = (m: Median) => (m.medianMs === null ? 'no data' : `${formatDuration(m.medianMs)} (${plural(m.count, 'item')})`);

function ratingDelta(d: DigestData): string | null {
  const a = d.ratings.thisWeek.avg;
  const b = d.ratings.previous.avg;
  if (a === null || b === null) return null;
  const diff = a - b;
  if (Math.abs(diff) < 0.05) return `about the same as the previous ${d.ratings.previous.weeks} weeks (${b.toFixed(2)})`;
  return `${diff > 0 ? 'up' : 'down'} ${Math.abs(diff).toFixed(2)} from ${b.toFixed(2)} over the previous ${d.ratings.previous.weeks} weeks`;
}

export function digestSubject(d: DigestData, practiceName: string): string {
  const parts = [`${d.flagged.total} flagged`, `${d.open.total} open`];
  if (d.deadLetters.thisWeek.length || d.brokenSources.length) parts.push('delivery/source problems');
  return oneLine(`Weekly digest ${d.week.label} (${weekSpan(d.week.firstDay, d.week.lastDay)}) — ${practiceName}: ${parts.join(', ')}`);
}

// ------------------------------------------------------------------------------------------------ HTML

const P = `style="margin:0 0 12px 0;${FONT};font-size:15px;line-height:22px;color:#111827;"`;
const SMALL = `${FONT};font-size:13px;line-height:18px;color:#4b5563;`;
const TD = `${FONT};font-size:14px;line-height:20px;color:#111827;padding:6px 8px;border-bottom:1px solid #e5e7eb;`;
const TH = `${FONT};font-size:12px;line-height:16px;color:#4b5563;padding:6px 8px;border-bottom:2px solid #d1d5db;text-align:left;font-weight:600;`;

function section(title: string, body: string): string {
  return `<tr><td style="padding:20px 24px 4px 24px;">
<h2 style="margin:0 0 10px 0;${FONT};font-size:18px;line-height:24px;color:#111827;font-weight:700;">${title}</h2>
${body}
</td></tr>`;
}

function table(head: string[] | null, rows: string[][], align: ('left' | 'right')[] = []): string {
  const th = head ? `<tr>${head.map((c, i) => `<th style="${TH}${align[i] === 'right' ? 'text-align:right;' : ''}">${c}</th>`).join('')}</tr>\n` : '';
  const tr = rows
    .map((r) => `<tr>${r.map((c, i) => `<td style="${TD}${align[i] === 'right' ? 'text-align:right;' : ''}">${c}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;">
${th}${tr}
</table>`;
}

function badge(sev: Severity): string {
  return `<span style="display:inline-block;padding:1px 6px;border-radius:3px;background:${SEVERITY_COLOR[sev]};color:#ffffff;${FONT};font-size:11px;line-height:16px;font-weight:700;text-transform:uppercase;">${sev}</span>`;
}

/** One horizontal bar per week: a two-cell table whose first cell's width is the average as a share of 5 stars. */
function ratingChart(trend: RatingWeek[]): string {
  const rows = trend.map((w, i) => {
    const current = i === trend.length - 1;
    const color = current ? '#1d4ed8' : '#93c5fd';
    const label = `${current ? '<strong>' : ''}${h(shortDay(w.firstDay))}${current ? '</strong>' : ''}`;
    let bar: string;
    if (w.avg === null) {
      bar = `<span style="${SMALL}">no ratings</span>`;
    } else {
      const pct = Math.max(2, Math.min(100, Math.round((w.avg / 5) * 100)));
      const rest = 100 - pct;
      bar = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;"><tr>
<td width="${pct}%" bgcolor="${color}" style="width:${pct}%;background:${color};height:14px;line-height:14px;font-size:1px;">&nbsp;</td>${
        rest > 0 ? `<td width="${rest}%" style="width:${rest}%;height:14px;line-height:14px;font-size:1px;">&nbsp;</td>` : ''
      }
</tr></table>`;
    }
    const value = w.avg === null ? '—' : `${w.avg.toFixed(1)} <span style="color:#6b7280;">(${w.count})</span>`;
    return `<tr>
<td width="64" style="width:64px;${FONT};font-size:13px;line-height:18px;color:#374151;padding:3px 8px 3px 0;white-space:nowrap;">${label}</td>
<td style="padding:3px 0;">${bar}</td>
<td width="64" style="width:64px;${FONT};font-size:13px;line-height:18px;color:#111827;padding:3px 0 3px 8px;text-align:right;white-space:nowrap;">${value}</td>
</tr>`;
  });
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;" data-chart="ratings">
${rows.join('\n')}
</table>
<p style="margin:6px 0 0 0;${SMALL}">Average star rating per week (week starting), number of rated reviews in brackets. Bars are out of 5 stars.</p>`;
}

export function renderDigestHtml(d: DigestData, opts: RenderOptions): string {
  const when = dateFmt(d.timeZone, { month: 'short', day: 'numeric', year: 'numeric' });
  const whenTime = dateFmt(d.timeZone, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const excerptChars = opts.excerptChars ?? 240;
  const sections: string[] = [];

  // At a glance.
  const glance: string[][] = [
    ['New items', String(d.newItems.total)],
    ['Flagged this week', String(d.flagged.total)],
    ['Still open', String(d.open.total)],
    ['Average rating', d.ratings.thisWeek.avg === null ? 'no ratings this week' : `${stars(d.ratings.thisWeek.avg)} from ${plural(d.ratings.thisWeek.count, 'review')}`],
  ];
  if (d.deadLetters.thisWeek.length || d.deadLetters.olderCount) glance.push(['Undelivered alerts', String(d.deadLetters.thisWeek.length + d.deadLetters.olderCount)]);
  if (d.brokenSources.length) glance.push(['Sources not working', String(d.brokenSources.length)]);
  sections.push(section('At a glance', table(null, glance.map(([a, b]) => [a!, `<strong>${b}</strong>`]), ['left', 'right'])));

  // Still open.
  let open: string;
  if (d.open.total === 0) {
    open = `<p ${P}>Nothing is waiting: every flagged item has been responded to or dismissed.</p>`;
  } else {
    const items = d.open.items.map((it) => {
      const link = it.url
        ? `<a href="${safeHref(it.url)}" style="color:#1d4ed8;text-decoration:underline;" target="_blank" rel="noopener noreferrer">View at ${h(it.sourceName)}</a>`
        : `<span style="${SMALL}">no link</span>`;
      const cats = it.categories.map((c) => h(categoryLabel(c))).join(', ');
      const rating = it.rating !== null ? ` · ${h(String(it.rating))}★` : '';
      const removed = it.removed ? ` · <em>no longer listed at the source</em>` : '';
      const text = clip(oneLine(it.excerpt), excerptChars);
      return `<tr><td style="padding:10px 0;border-bottom:1px solid #e5e7eb;" data-open-item="${it.itemId}">
<p style="margin:0 0 4px 0;${FONT};font-size:13px;line-height:18px;color:#374151;">${badge(it.severity)} <strong>#${it.itemId}</strong> · ${h(it.sourceName)} · open ${h(formatDuration(it.ageMs))} · ${h(STATUS_LABEL[it.status] ?? it.status)}${rating}${removed}</p>
<p style="margin:0 0 4px 0;${FONT};font-size:13px;line-height:18px;color:#4b5563;">${cats}</p>
${text ? `<p style="margin:0 0 6px 0;${FONT};font-size:14px;line-height:20px;color:#111827;border-left:3px solid #d1d5db;padding-left:8px;">${h(text)}</p>` : ''}
<p style="margin:0;${FONT};font-size:13px;line-height:18px;">${link}</p>
</td></tr>`;
    });
    const more = d.open.total > d.open.items.length ? `<p style="margin:8px 0 0 0;${SMALL}">…and ${d.open.total - d.open.items.length} more. Run <code>practicewatch items list</code> for all.</p>` : '';
    open = `<p ${P}>Flagged items nobody has responded to or dismissed yet, oldest first.</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;">
${items.join('\n')}
</table>${more}`;
  }
  sections.push(section(`Still open (${d.open.total})`, open));

  // Delivery and source problems, in plain words.
  const problems: string[] = [];
  for (const dl of d.deadLetters.thisWeek) {
    const what = `${KIND_LABEL[dl.kind] ?? h(dl.kind)}${dl.itemId !== null ? ` for item #${dl.itemId}` : ''}${dl.sourceName ? ` (${h(dl.sourceName)})` : ''}`;
    problems.push(
      `<li style="margin:0 0 8px 0;">An ${what} could not be delivered by ${h(dl.channel)} after ${plural(dl.attempts, 'attempt')} (queued ${h(whenTime(dl.createdAt))}). Reason: ${dl.error ? h(dl.error) : 'unknown'}. Check it with <code>practicewatch status</code>.</li>`,
    );
  }
  if (d.deadLetters.olderCount) {
    problems.push(`<li style="margin:0 0 8px 0;">${plural(d.deadLetters.olderCount, 'older message')} from earlier weeks ${d.deadLetters.olderCount === 1 ? 'is' : 'are'} still undelivered.</li>`);
  }
  for (const b of d.brokenSources) {
    const since = b.since !== null ? ` since ${h(when(b.since))}` : '';
    problems.push(
      `<li style="margin:0 0 8px 0;"><strong>${h(b.sourceName)}</strong> has not been checked successfully${since} (${plural(b.consecutiveFailures, 'failed attempt')} in a row). ${b.error ? `Last problem: ${h(b.error)}.` : ''} New posts there are not being watched until it is fixed.</li>`,
    );
  }
  if (problems.length) {
    sections.push(section('Delivery and source problems', `<ul style="margin:0;padding:0 0 0 20px;${FONT};font-size:14px;line-height:20px;color:#111827;">\n${problems.join('\n')}\n</ul>`));
  }

  // Flagged by category and severity.
  if (d.flagged.total === 0) {
    sections.push(section('Flagged this week', `<p ${P}>Nothing was flagged this week.</p>`));
  } else {
    const rows = d.flagged.byCategory.map((c) => [
      h(categoryLabel(c.category)),
      ...SEVERITY_ORDER.map((s) => (c.bySeverity[s] ? `<strong style="color:${SEVERITY_COLOR[s]};">${c.bySeverity[s]}</strong>` : '<span style="color:#9ca3af;">0</span>')),
    ]);
    sections.push(
      section(
        `Flagged this week (${d.flagged.total})`,
        `${table(['Category', 'Critical', 'High', 'Med.', 'Low'], rows, ['left', 'right', 'right', 'right', 'right'])}
<p style="margin:6px 0 0 0;${SMALL}">Items, counted once per category at their highest severity; one item can appear in several categories.</p>`,
      ),
    );
  }

  // New items by source.
  sections.push(
    section(
      `New items (${d.newItems.total})`,
      d.newItems.total === 0
        ? `<p ${P}>No new reviews, posts or comments were found this week.</p>`
        : table(['Source', 'New'], d.newItems.bySource.map((s) => [h(s.sourceName), String(s.count)]), ['left', 'right']),
    ),
  );

  // Ratings.
  const delta = ratingDelta(d);
  const ratingLine =
    d.ratings.thisWeek.avg === null
      ? `No rated reviews this week.${d.ratings.previous.avg !== null ? ` The previous ${d.ratings.previous.weeks} weeks averaged ${stars(d.ratings.previous.avg)}.` : ''}`
      : `This week: <strong>${stars(d.ratings.thisWeek.avg)}</strong> from ${plural(d.ratings.thisWeek.count, 'review')}${delta ? `, ${delta}` : ''}.`;
  sections.push(section('Star rating', `<p ${P}>${ratingLine}</p>\n${ratingChart(d.ratings.trend)}`));

  // Response times.
  const rt = d.responseTimes;
  sections.push(
    section(
      'Response times',
      table(
        ['Median time from detection to…', 'This week', `Previous ${rt.previous.weeks} weeks`],
        [
          ['acknowledged', h(medianText(rt.thisWeek.ack)), h(medianText(rt.previous.ack))],
          ['responded', h(medianText(rt.thisWeek.responded)), h(medianText(rt.previous.responded))],
        ],
      ),
    ),
  );

  const title = `Weekly digest ${h(d.week.label)}`;
  const footer = `<tr><td style="padding:20px 24px 24px 24px;">
<p style="margin:0 0 8px 0;${SMALL}">Names, contact details and health details in excerpts are replaced by placeholders such as [name] and [condition], so this e-mail is safe to forward inside the practice. When replying publicly, never confirm that someone is a patient.</p>
<p style="margin:0;${SMALL}">${h(opts.productName ?? 'PracticeWatch')} · generated ${h(whenTime(d.generatedAt))} (${h(d.timeZone)}) · week ${h(d.week.label)}</p>
</td></tr>`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;background:#f3f4f6;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;max-width:600px;background:#ffffff;border:1px solid #e5e7eb;">
<tr><td style="padding:20px 24px;background:#1e3a8a;">
<p style="margin:0;${FONT};font-size:13px;line-height:18px;color:#bfdbfe;">${h(opts.practiceName)}</p>
<h1 style="margin:4px 0 0 0;${FONT};font-size:22px;line-height:28px;color:#ffffff;font-weight:700;">${title}</h1>
<p style="margin:4px 0 0 0;${FONT};font-size:14px;line-height:20px;color:#dbeafe;">${h(weekSpan(d.week.firstDay, d.week.lastDay))}</p>
</td></tr>
${sections.join('\n')}
${footer}
</table>
</td></tr>
</table>
</body>
</html>
`;
}

// ------------------------------------------------------------------------------------------------ text

export function renderDigestText(d: DigestData, opts: RenderOptions): string {
  const when = dateFmt(d.timeZone, { month: 'short', day: 'numeric', year: 'numeric' });
  const whenTime = dateFmt(d.timeZone, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const excerptChars = opts.excerptChars ?? 240;
  const t = (s: string) => oneLine(s);
  const out: string[] = [];
  const heading = (s: string) => out.push('', s.toUpperCase(), '-'.repeat(Math.min(60, s.length)));

  out.push(`${t(opts.practiceName)}`, `Weekly digest ${d.week.label} (${weekSpan(d.week.firstDay, d.week.lastDay)})`);

  heading('At a glance');
  out.push(`New items:          ${d.newItems.total}`);
  out.push(`Flagged this week:  ${d.flagged.total}`);
  out.push(`Still open:         ${d.open.total}`);
  out.push(`Average rating:     ${d.ratings.thisWeek.avg === null ? 'no ratings this week' : `${stars(d.ratings.thisWeek.avg)} from ${plural(d.ratings.thisWeek.count, 'review')}`}`);
  if (d.deadLetters.thisWeek.length || d.deadLetters.olderCount) out.push(`Undelivered alerts: ${d.deadLetters.thisWeek.length + d.deadLetters.olderCount}`);
  if (d.brokenSources.length) out.push(`Sources not working: ${d.brokenSources.length}`);

  heading(`Still open (${d.open.total})`);
  if (d.open.total === 0) out.push('Nothing is waiting: every flagged item has been responded to or dismissed.');
  for (const it of d.open.items) {
    out.push('');
    out.push(`* [${it.severity.toUpperCase()}] #${it.itemId} · ${t(it.sourceName)} · open ${formatDuration(it.ageMs)} · ${STATUS_LABEL[it.status] ?? t(it.status)}${it.rating !== null ? ` · ${plural(it.rating, 'star')}` : ''}${it.removed ? ' · no longer listed at the source' : ''}`);
    out.push(`  ${it.categories.map((c) => t(categoryLabel(c))).join(', ')}`);
    const text = clip(t(it.excerpt), excerptChars);
    if (text) out.push(`  "${text}"`);
    if (it.url) out.push(`  ${it.url}`);
  }
  if (d.open.total > d.open.items.length) out.push('', `…and ${d.open.total - d.open.items.length} more. Run \`practicewatch items list\` for all.`);

  if (d.deadLetters.thisWeek.length || d.deadLetters.olderCount || d.brokenSources.length) {
    heading('Delivery and source problems');
    for (const dl of d.deadLetters.thisWeek) {
      out.push(
        `* An ${KIND_LABEL[dl.kind] ?? t(dl.kind)}${dl.itemId !== null ? ` for item #${dl.itemId}` : ''}${dl.sourceName ? ` (${t(dl.sourceName)})` : ''} could not be delivered by ${t(dl.channel)} after ${plural(dl.attempts, 'attempt')} (queued ${whenTime(dl.createdAt)}). Reason: ${dl.error ? t(dl.error) : 'unknown'}.`,
      );
    }
    if (d.deadLetters.olderCount) out.push(`* ${plural(d.deadLetters.olderCount, 'older message')} from earlier weeks still undelivered.`);
    for (const b of d.brokenSources) {
      out.push(
        `* ${t(b.sourceName)} has not been checked successfully${b.since !== null ? ` since ${when(b.since)}` : ''} (${plural(b.consecutiveFailures, 'failed attempt')} in a row).${b.error ? ` Last problem: ${t(b.error)}.` : ''}`,
      );
    }
    out.push('Run `practicewatch status` for details.');
  }

  heading(`Flagged this week (${d.flagged.total})`);
  if (d.flagged.total === 0) out.push('Nothing was flagged this week.');
  else {
    out.push(`${'Category'.padEnd(28)} crit  high  med   low`);
    for (const c of d.flagged.byCategory) {
      out.push(`${t(categoryLabel(c.category)).slice(0, 27).padEnd(28)} ${SEVERITY_ORDER.map((s) => String(c.bySeverity[s]).padEnd(5)).join(' ').trimEnd()}`);
    }
  }

  heading(`New items (${d.newItems.total})`);
  if (d.newItems.total === 0) out.push('No new reviews, posts or comments were found this week.');
  for (const s of d.newItems.bySource) out.push(`${t(s.sourceName)}: ${s.count}`);

  heading('Star rating');
  const delta = ratingDelta(d);
  out.push(
    d.ratings.thisWeek.avg === null
      ? `No rated reviews this week.${d.ratings.previous.avg !== null ? ` The previous ${d.ratings.previous.weeks} weeks averaged ${stars(d.ratings.previous.avg)}.` : ''}`
      : `This week: ${stars(d.ratings.thisWeek.avg)} from ${plural(d.ratings.thisWeek.count, 'review')}${delta ? `, ${delta}` : ''}.`,
  );
  out.push('');
  for (const w of d.ratings.trend) {
    const bar = w.avg === null ? '' : '#'.repeat(Math.round(w.avg * 4));
    out.push(`${shortDay(w.firstDay).padEnd(7)} ${bar.padEnd(20)} ${w.avg === null ? '—' : `${w.avg.toFixed(1)} (${w.count})`}`);
  }

  heading('Response times (median from detection)');
  const rt = d.responseTimes;
  out.push(`To acknowledged: ${medianText(rt.thisWeek.ack)} this week; ${medianText(rt.previous.ack)} over the previous ${rt.previous.weeks} weeks`);
  out.push(`To responded:    ${medianText(rt.thisWeek.responded)} this week; ${medianText(rt.previous.responded)} over the previous ${rt.previous.weeks} weeks`);

  out.push(
    '',
    '--',
    'Names, contact details and health details in excerpts are replaced by placeholders such as [name] and [condition], so this e-mail is safe to forward inside the practice. When replying publicly, never confirm that someone is a patient.',
    `${t(opts.productName ?? 'PracticeWatch')} · generated ${whenTime(d.generatedAt)} (${d.timeZone}) · week ${d.week.label}`,
  );
  return out.join('\n') + '\n';
}

export function renderDigest(d: DigestData, opts: RenderOptions): RenderedDigest {
  return { subject: digestSubject(d, opts.practiceName), html: renderDigestHtml(d, opts), text: renderDigestText(d, opts) };
}
