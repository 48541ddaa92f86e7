// The console notifier: prints one readable, masked block per alert / source-health row to stdout.
// Payloads are already masked; control characters are stripped so a post cannot drive the terminal.
import type { AlertPayload, Notifier, OutboxRow, SourceHealthPayload } from '../core/alert.ts';
import { NotifierError } from '../core/errors.ts';
import { stripControl } from '../privacy/escape.ts';

export interface ConsoleNotifierOptions {
  /** Where to write; default process.stdout. */
  write?: (s: string) => void;
  /** Colour the header line (default: when stdout is a TTY). */
  color?: boolean;
}

const SEVERITY_MARK: Record<string, string> = { critical: '!!!', high: '!!', medium: '!', low: '.' };

export function createConsoleNotifier(opts: ConsoleNotifierOptions = {}): Notifier {
  const write = opts.write ?? ((s: string) => void process.stdout.write(s));
  const color = opts.color ?? Boolean(process.stdout.isTTY);
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  return {
    channel: 'console',
    async deliver(row: OutboxRow) {
      let payload: unknown;
      try {
        payload = JSON.parse(row.payload_json);
      } catch {
        throw new NotifierError(`outbox row ${row.id}: payload is not JSON`, false);
      }
      write(renderConsole(row, payload, bold) + '\n');
      return { externalRef: `console:${row.id}` };
    },
  };
}

export function renderConsole(row: Pick<OutboxRow, 'kind' | 'id'>, payload: unknown, bold: (s: string) => string = (s) => s): string {
  const c = (s: unknown) => stripControl(String(s ?? ''));
  const p = payload as { type?: string } & Partial<Omit<SourceHealthPayload, 'type'>>;
  const lines: string[] = [];
  if (p.type === 'alert') {
    const a = payload as AlertPayload;
    const head = `${SEVERITY_MARK[a.severity] ?? ''} ${a.severity.toUpperCase()} ${(a as { cleared?: boolean }).cleared ? '(edited: no longer flagged) ' : (a as { deleted?: boolean }).deleted ? '(removed by the source) ' : row.kind === 'alert_update' || a.edited ? '(edited) ' : ''}${a.categories.join(', ')} — ${c(a.sourceName)}`;
    lines.push('─'.repeat(72), bold(head.trim()));
    if (a.url) lines.push(`  link:    ${c(a.url)}`);
    const meta = [a.rating !== null && a.rating !== undefined ? `rating ${a.rating}/5` : null, a.postedAt ? `posted ${c(a.postedAt)}` : null, `item #${a.itemId}`]
      .filter(Boolean)
      .join(' · ');
    lines.push(`  ${meta}`);
    lines.push(`  excerpt: "${c(a.excerpt)}"`);
    for (const r of a.reasons) lines.push(`  why:     [${r.severity}] ${c(r.reason)} (${c(r.code)})`);
    lines.push(`  action:  ${c(a.action.text)}`);
    lines.push(a.draftReply ? `  reply:   ${c(a.draftReply)}` : '  reply:   (do not reply publicly)');
  } else if (p.type === 'source_broken') {
    lines.push('─'.repeat(72), bold(`SOURCE BROKEN — ${c(p.sourceName)} (${c(p.sourceId)})`));
    lines.push(`  ${p.consecutiveFailures} failed polls in a row: ${c(p.error)}`);
  } else if (p.type === 'source_recovered') {
    lines.push('─'.repeat(72), bold(`SOURCE RECOVERED — ${c(p.sourceName)} (${c(p.sourceId)})`));
    lines.push('  polling works again');
  } else {
    lines.push('─'.repeat(72), bold(`${c(row.kind)} #${row.id}`));
  }
  return lines.join('\n');
}
