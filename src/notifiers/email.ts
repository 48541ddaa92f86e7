// The e-mail notifier (nodemailer over SMTP). Delivers ONE outbox row per call and never retries: SMTP failures are
// mapped to NotifierError and the outbox decides (auth → configuration problem; refused/timeouts/4xx → retry;
// 5xx → permanent). Kinds:
//   digest   — the payload carries the already-rendered, already-masked digest (subject, html, text) and its
//              recipients; rendered at enqueue time so the outbox row is the record of exactly what was sent.
//   reminder — an AlertPayload with `reminder: true` (a critical alert not acknowledged in time): a short masked
//              e-mail to the responder.
//   source_broken / source_recovered — a short notice to the responder.
// The Message-ID is derived from the idempotency key, so a re-send after an interrupted delivery (SMTP cannot be
// asked "did you get this?") carries the same id and mail clients that de-duplicate show it once.
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { AlertPayload, Notifier, OutboxRow, SourceHealthPayload } from '../core/alert.ts';
import { NotifierError } from '../core/errors.ts';
import { escapeHtml, excerpt as clip, safeHref, stripControl } from '../privacy/index.ts';

export interface SmtpOptions {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  user?: string | undefined;
  password?: string | undefined;
  /** Connection / greeting / socket timeouts in ms. Defaults 10 s / 10 s / 30 s. */
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** Extra TLS options (tests; a private CA). */
  tls?: Record<string, unknown>;
}

export interface EmailNotifierOptions {
  smtp: SmtpOptions;
  /** "PracticeWatch <practicewatch@example.org>" */
  from: string;
  log: Logger;
  /** Who gets reminders and source notices: the responder's address. */
  responderEmail?: string | undefined;
  /** The practice name, shown in reminder e-mails. */
  practiceName?: string | undefined;
}

export interface DigestPayload {
  type: 'digest';
  /** "2026-W47" */
  week: string;
  recipients: string[];
  subject: string;
  html: string;
  text: string;
}

type ReminderPayload = AlertPayload & { reminder?: boolean };

const AUTH_CODES = new Set([530, 534, 535, 538]);
const RETRY_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EPROTOCOL', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * SMTP failure → NotifierError. The message carries only the error code and SMTP status code, never the server's
 * response text (third-party text can echo addresses or message content).
 */
export function mapSmtpError(err: unknown): NotifierError {
  if (err instanceof NotifierError) return err;
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; name?: unknown };
  const code = typeof e.code === 'string' ? e.code.replace(/[^A-Z0-9_]/gi, '').slice(0, 24) : '';
  const status = typeof e.responseCode === 'number' ? e.responseCode : null;
  const label = `SMTP ${code || (typeof e.name === 'string' ? e.name.replace(/[^A-Za-z0-9_]/g, '') : 'error')}${status !== null ? ` ${status}` : ''}`;
  if (code === 'EAUTH' || code === 'ENOAUTH' || (status !== null && AUTH_CODES.has(status))) {
    return new NotifierError(`${label}: the SMTP server rejected the login (check email.user and the password variable)`, false, undefined, true, { cause: err });
  }
  if (code === 'ETLS') {
    return new NotifierError(`${label}: TLS could not be set up with the SMTP server (check email.secure / email.require_tls)`, false, undefined, true, { cause: err });
  }
  if (status !== null && status >= 400 && status < 500) return new NotifierError(`${label}: temporary SMTP failure`, true, undefined, false, { cause: err });
  if (status !== null && status >= 500) return new NotifierError(`${label}: the SMTP server refused the message permanently`, false, undefined, false, { cause: err });
  if (RETRY_CODES.has(code)) return new NotifierError(`${label}: could not reach the SMTP server`, true, undefined, false, { cause: err });
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return new NotifierError(`${label}: the message or its recipients are invalid`, false, undefined, false, { cause: err });
  return new NotifierError(`${label}: unexpected SMTP failure`, true, undefined, false, { cause: err });
}

const line = (s: unknown) => stripControl(String(s ?? '')).replace(/\s+/g, ' ').trim();
const h = (s: unknown) => escapeHtml(line(s));

function domainOf(from: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return m?.[1] ?? 'practicewatch.invalid';
}

function messageId(row: OutboxRow, from: string): string {
  const local = row.idempotency_key.replace(/[^A-Za-z0-9._-]/g, '.').slice(0, 120);
  return `<${local}.pw@${domainOf(from)}>`;
}

function parse<T>(row: OutboxRow): T {
  try {
    return JSON.parse(row.payload_json) as T;
  } catch {
    throw new NotifierError(`outbox row ${row.id}: payload is not valid JSON`, false);
  }
}

const WRAP_OPEN = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:16px 8px;background:#f3f4f6;"><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-collapse:collapse;"><tr><td style="padding:20px 24px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">`;
const WRAP_CLOSE = `</td></tr></table></body></html>\n`;

/** The reminder e-mail: masked excerpt, reasons, the recommended action, and how to acknowledge. */
export function renderReminder(p: ReminderPayload, practiceName?: string): { subject: string; html: string; text: string } {
  const source = line(p.sourceName) || line(p.sourceId);
  const subject = `Reminder: critical alert #${p.itemId} not acknowledged (${source})`.slice(0, 200);
  const reasons = (Array.isArray(p.reasons) ? p.reasons : []).map((r) => line(r.reason)).filter(Boolean);
  const text = clip(line(p.excerpt), 400);
  const url = (() => {
    try {
      const u = new URL(String(p.url ?? ''));
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  })();
  const ack = `Acknowledge it in Slack, or run: practicewatch items ack ${p.itemId}`;
  const textPart = [
    practiceName ? line(practiceName) : null,
    `A CRITICAL alert has not been acknowledged yet.`,
    '',
    `Item #${p.itemId} on ${source}`,
    reasons.length ? `Why: ${reasons.join('; ')}` : null,
    text ? `Excerpt (masked): "${text}"` : null,
    p.action?.text ? `What to do: ${line(p.action.text)}` : null,
    url ? `Link: ${url}` : null,
    '',
    ack,
    '',
    '--',
    'Names, contact details and health details are replaced by placeholders such as [name] and [condition].',
  ]
    .filter((x): x is string => x !== null)
    .join('\n');
  const html = `${WRAP_OPEN}
${practiceName ? `<p style="margin:0 0 4px 0;font-size:13px;color:#4b5563;">${h(practiceName)}</p>` : ''}
<h1 style="margin:0 0 12px 0;font-size:20px;line-height:26px;color:#b91c1c;">Critical alert not acknowledged</h1>
<p style="margin:0 0 8px 0;">Item <strong>#${Number(p.itemId)}</strong> on <strong>${h(source)}</strong></p>
${reasons.length ? `<p style="margin:0 0 8px 0;">Why: ${reasons.map(h).join('; ')}</p>` : ''}
${text ? `<p style="margin:0 0 8px 0;border-left:3px solid #d1d5db;padding-left:8px;">${h(text)}</p>` : ''}
${p.action?.text ? `<p style="margin:0 0 8px 0;"><strong>What to do:</strong> ${h(p.action.text)}</p>` : ''}
${url ? `<p style="margin:0 0 8px 0;"><a href="${safeHref(url)}" style="color:#1d4ed8;" target="_blank" rel="noopener noreferrer">View at ${h(source)}</a></p>` : ''}
<p style="margin:12px 0 0 0;font-size:14px;">${h(ack)}</p>
<p style="margin:16px 0 0 0;font-size:12px;color:#6b7280;">Names, contact details and health details are replaced by placeholders such as [name] and [condition].</p>
${WRAP_CLOSE}`;
  return { subject, html, text: textPart + '\n' };
}

export function renderSourceHealth(p: SourceHealthPayload): { subject: string; html: string; text: string } {
  const source = line(p.sourceName) || line(p.sourceId);
  const broken = p.type === 'source_broken';
  const subject = broken ? `Source not working: ${source}` : `Source working again: ${source}`;
  const body = broken
    ? `${source} could not be checked ${p.consecutiveFailures} times in a row.${p.error ? ` Last problem: ${line(p.error)}.` : ''} New posts there are not being watched until it is fixed. Run \`practicewatch status\` for details.`
    : `${source} is being checked successfully again.`;
  return {
    subject: subject.slice(0, 200),
    text: body + '\n',
    html: `${WRAP_OPEN}<h1 style="margin:0 0 12px 0;font-size:20px;line-height:26px;">${h(subject)}</h1><p style="margin:0;">${h(body)}</p>${WRAP_CLOSE}`,
  };
}

function isDigestPayload(p: unknown): p is DigestPayload {
  const d = p as DigestPayload;
  return (
    !!d && d.type === 'digest' && typeof d.week === 'string' && typeof d.subject === 'string' && typeof d.html === 'string' &&
    typeof d.text === 'string' && Array.isArray(d.recipients) && d.recipients.every((r) => typeof r === 'string')
  );
}

export interface EmailNotifier extends Notifier {
  /** Closes the transport (idle pooled connections; nothing for the default one-connection-per-message). */
  close(): void;
}

export function createEmailNotifier(opts: EmailNotifierOptions): EmailNotifier {
  const { smtp, log } = opts;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: smtp.connectionTimeoutMs ?? 10_000,
    greetingTimeout: smtp.greetingTimeoutMs ?? 10_000,
    socketTimeout: smtp.socketTimeoutMs ?? 30_000,
    // One attempt per delivery: no pool, no nodemailer-side retries; the outbox owns retrying.
    pool: false,
    logger: false,
    debug: false,
    ...(smtp.tls ? { tls: smtp.tls } : {}),
  });

  async function send(row: OutboxRow, to: string[], m: { subject: string; html: string; text: string }, signal: AbortSignal) {
    if (smtp.user && !smtp.password) throw new NotifierError('email.user is set but the SMTP password variable is empty', false, undefined, true);
    if (to.length === 0) throw new NotifierError(`outbox row ${row.id}: no recipients`, false);
    if (signal.aborted) throw new NotifierError('delivery aborted', true);
    try {
      const info = await transport.sendMail({
        from: opts.from,
        to,
        subject: line(m.subject),
        text: m.text,
        html: m.html,
        messageId: messageId(row, opts.from),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-PracticeWatch-Key': row.idempotency_key },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      const rejected = Array.isArray(info.rejected) ? info.rejected.length : 0;
      if (rejected) log.warn({ outboxId: row.id, rejected, accepted: to.length - rejected }, 'email: some recipients were rejected');
      return { externalRef: typeof info.messageId === 'string' ? info.messageId : messageId(row, opts.from) };
    } catch (err) {
      throw mapSmtpError(err);
    }
  }

  return {
    channel: 'email',
    async deliver(row, signal) {
      switch (row.kind) {
        case 'digest': {
          const p = parse<unknown>(row);
          if (!isDigestPayload(p)) throw new NotifierError(`outbox row ${row.id}: not a digest payload`, false);
          return send(row, p.recipients, p, signal);
        }
        case 'reminder': {
          if (!opts.responderEmail) throw new NotifierError('no responder e-mail address for reminders', false, undefined, true);
          const p = parse<ReminderPayload>(row);
          return send(row, [opts.responderEmail], renderReminder(p, opts.practiceName), signal);
        }
        case 'source_broken':
        case 'source_recovered': {
          if (!opts.responderEmail) throw new NotifierError('no responder e-mail address for source notices', false, undefined, true);
          return send(row, [opts.responderEmail], renderSourceHealth(parse<SourceHealthPayload>(row)), signal);
        }
        default:
          throw new NotifierError(`the email channel does not send "${line(row.kind).slice(0, 30)}" rows`, false);
      }
    },
    close() {
      transport.close();
    },
  };
}
