// Shared, dependency-free types. Everything downstream of a connector speaks these.

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

export type Category = 'negative' | 'inaccurate' | 'offensive' | 'phi' | 'advice' | 'urgent';
export const CATEGORIES: readonly Category[] = ['negative', 'inaccurate', 'offensive', 'phi', 'advice', 'urgent'];

export type EntityType = 'person' | 'date' | 'phone' | 'email' | 'address' | 'id' | 'age' | 'url' | 'health';

/** A span of an identifier or health mention in a text. Offsets are JS string indices, end exclusive. */
export interface Entity {
  type: EntityType;
  start: number;
  end: number;
}

/** One reason an item was flagged. `reason` is human and PHI-free; `code` is stable (e.g. `phi.third_party`). */
export interface Flag {
  category: Category;
  severity: Severity;
  code: string;
  reason: string;
}

export type ItemKind = 'review' | 'post' | 'comment' | 'listing';

/** Facts a directory listing publishes about the practice (schema.org LocalBusiness etc.). */
export interface ListingFacts {
  name?: string;
  telephone?: string[];
  address?: string[];
  openingHours?: string[];
  url?: string;
}

/** What a connector returns: plain text, absolute URLs, ISO dates, 1–5 ratings, a stable externalId. */
export interface RawItem {
  externalId: string;
  kind: ItemKind;
  url: string | null;
  author: string | null;
  title: string | null;
  text: string;
  /** 1–5 or null. */
  rating: number | null;
  /** ISO 8601 or null. */
  publishedAt: string | null;
  /** Only on `listing` items. */
  facts?: ListingFacts;
}

/** The practice's facts from config, in the shape detectors and guidance use. */
export interface PracticeFacts {
  name: string;
  phones: string[];
  addresses: string[];
  website: string | null;
  /** e.g. { mon: "08:00-17:00", sat: "closed" } */
  hours: Record<string, string>;
  timezone: string;
  providers: { name: string; current: boolean }[];
  staff: string[];
  insurance_accepted: string[];
  insurance_not_accepted: string[];
  /** Public contact for replies ("call our office manager at …"). */
  contact_phone: string;
  contact_email: string | null;
}

/** What the detectors see of an item. */
export interface DetectorInput {
  text: string;
  title?: string | null;
  rating?: number | null;
  author?: string | null;
  /** The item was posted on a source the practice owns (its own page/feed). */
  owned?: boolean;
  /** The author is the practice itself or a listed staff member. Computed by the pipeline from config. */
  byPractice?: boolean;
  kind?: ItemKind;
  facts?: ListingFacts;
}

export interface Analysis {
  flags: Flag[];
  entities: Entity[];
}

export function maxSeverity(flags: readonly Flag[]): Severity | null {
  let best = -1;
  for (const f of flags) best = Math.max(best, SEVERITIES.indexOf(f.severity));
  return best < 0 ? null : SEVERITIES[best]!;
}
