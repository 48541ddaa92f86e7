// What the pipeline puts in the outbox and the notifiers render. Everything here is already PHI-masked;
// notifiers still escape every string for their destination (Slack mrkdwn, HTML).
import type { Category, Severity } from './types.ts';

export interface AlertReason {
  category: Category;
  severity: Severity;
  code: string;
  reason: string;
}

export interface AlertPayload {
  type: 'alert';
  itemId: number;
  versionId: number;
  sourceId: string;
  sourceName: string;
  url: string | null;
  postedAt: string | null;
  rating: number | null;
  severity: Severity;
  categories: Category[];
  reasons: AlertReason[];
  /** Recommended action: a stable code and the words for the responder. */
  action: { code: string; text: string };
  /** A safe public reply, or null when the advice is not to reply publicly. */
  draftReply: string | null;
  /** Masked excerpt of the post (identifiers and health details replaced by [name], [condition]…). Not escaped. */
  excerpt: string;
  /** This is a new version of an item already alerted. */
  edited: boolean;
}

export interface SourceHealthPayload {
  type: 'source_broken' | 'source_recovered';
  sourceId: string;
  sourceName: string;
  /** Plain words, PHI-free: "page layout changed: the review selector matched nothing". */
  error: string | null;
  consecutiveFailures: number;
  since: number | null;
}

export type OutboxChannel = 'slack' | 'email' | 'console';
export type OutboxKind = 'alert' | 'alert_update' | 'reminder' | 'source_broken' | 'source_recovered' | 'digest';

export interface OutboxRow {
  id: number;
  idempotency_key: string;
  channel: OutboxChannel;
  kind: OutboxKind;
  item_id: number | null;
  version_id: number | null;
  payload_json: string;
  status: 'pending' | 'sending' | 'sent' | 'dead';
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  external_ref: string | null;
  created_at: number;
}

/** A delivery channel. Delivers ONE message; no retry loop inside: throw NotifierError and the outbox decides. */
export interface Notifier {
  readonly channel: OutboxChannel;
  deliver(row: OutboxRow, signal: AbortSignal): Promise<{ externalRef?: string }>;
}
