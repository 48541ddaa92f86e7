// schema.org structured data (JSON-LD and microdata) on directory and review pages: the practice's listing facts
// (phone, address, hours, website) and the reviews the page publishes about it.
import { z } from 'zod';
import { defineConnector } from '../src/core/connector.ts';
import { SelectorMatchedNothingError } from '../src/core/errors.ts';
import type { ListingFacts, RawItem } from '../src/core/types.ts';
import { redactUrl } from '../src/http/url.ts';
import { asArray, firstString, readSchemaOrg, typesOf, type LdNode } from './_lib/schema-org.ts';
import { htmlToText, nonEmpty } from './_lib/text.ts';
import { absoluteUrl } from './_lib/url.ts';
import { toIso } from './_lib/date.ts';
import { stableHash } from './_lib/ids.ts';
import { normaliseRating } from './_lib/rating.ts';

const configSchema = z
  .object({
    url: z.url().describe("Address of the directory or review page (the practice's profile page)."),
    business_name: z
      .string()
      .min(2)
      .optional()
      .describe('Only the business whose name contains this (case and punctuation ignored), for pages that also list other practices.'),
  })
  .strict();

const BUSINESS = new Set([
  'LocalBusiness', 'MedicalBusiness', 'MedicalClinic', 'MedicalOrganization', 'Physician', 'IndividualPhysician',
  'PhysiciansOffice', 'Dentist', 'Hospital', 'Optician', 'Pharmacy', 'Physiotherapy', 'DiagnosticLab',
  'HealthAndBeautyBusiness', 'ProfessionalService', 'Organization', 'Psychiatric', 'Dermatology',
]);
const REVIEW = new Set(['Review', 'UserReview', 'CriticReview', 'EmployerReview']);
const DAYS: Record<string, string> = {
  monday: 'Mo', tuesday: 'Tu', wednesday: 'We', thursday: 'Th', friday: 'Fr', saturday: 'Sa', sunday: 'Su',
  publicholidays: 'PH',
};

export default defineConnector({
  type: 'structured-data',
  title: 'schema.org structured data (JSON-LD, microdata)',
  description:
    'Reads the schema.org data that directory and review sites embed for search engines (Healthgrades-, Vitals-, ' +
    'Zocdoc- or Yelp-style profile pages, and the practice\'s own site): `<script type="application/ld+json">` blocks ' +
    '(including `@graph`, arrays and nested reviews; one broken block does not spoil the others) and microdata ' +
    '(`itemscope`/`itemprop`). It returns one `listing` item with the facts the page publishes about the practice ' +
    '(name, phones, addresses, opening hours, website), which the inaccurate-listing detector compares with the ' +
    'practice config, and one `review` item per `Review` (rating normalised to 1–5 from `ratingValue`/`bestRating`). ' +
    'Use `business_name` when the page also lists other practices ("doctors nearby"). A page without any ' +
    'schema.org data fails the poll with "page layout changed".',
  configSchema,
  example: { url: 'https://directory.example.com/physician/dr-alex-rivera-maple-grove', business_name: 'Maple Grove Family Clinic' },
  defaultSchedule: '0 */6 * * *',
  create(config, ctx) {
    return {
      async poll({ signal }) {
        const res = await ctx.http.get(config.url, { signal, scraped: true, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
        if (res.notModified) return { items: [], notModified: true };
        const { nodes, badBlocks } = readSchemaOrg(res.body, res.url);
        if (badBlocks > 0) ctx.log.warn({ source: ctx.sourceId, badBlocks }, 'structured-data: unreadable JSON-LD blocks skipped');
        const where = redactUrl(res.url);
        const wanted = (n: LdNode) => !config.business_name || nameMatches(firstString(n.name), config.business_name);
        const businesses = nodes.filter((x) => typesOf(x.node).some((t) => BUSINESS.has(t)));
        const reviews = nodes.filter((x) => typesOf(x.node).some((t) => REVIEW.has(t)));
        if (businesses.length === 0 && reviews.length === 0) {
          throw new SelectorMatchedNothingError(`page layout changed: no schema.org business or review data found on ${where}`);
        }
        const business = businesses.find((b) => wanted(b.node))?.node ?? null;
        if (config.business_name && !business) {
          throw new SelectorMatchedNothingError(`page layout changed: no business named like "${config.business_name}" on ${where}`);
        }
        const items: RawItem[] = [];
        if (business) items.push(listingItem(business, res.url, config.url));
        const seen = new Set<string>();
        for (const { node, parent } of reviews) {
          // A review belongs to the business it is nested in, or the one it names in itemReviewed.
          const about = parent && typesOf(parent).some((t) => BUSINESS.has(t)) ? parent : asObject(node.itemReviewed);
          if (config.business_name && about && !wanted(about)) continue;
          if (!config.business_name && business && about && about !== business && firstString(about.name) !== firstString(business.name)) continue;
          const item = reviewItem(node, res.url, config.url);
          if (!item) continue;
          if (seen.has(item.externalId)) item.externalId = stableHash(item.author, item.publishedAt, item.text);
          if (seen.has(item.externalId)) continue;
          seen.add(item.externalId);
          items.push(item);
        }
        ctx.log.debug({ source: ctx.sourceId, items: items.length, businesses: businesses.length }, 'structured-data: extracted');
        return { items };
      },
    };
  },
});

function listingItem(b: LdNode, pageUrl: string, configUrl: string): RawItem {
  const facts: ListingFacts = {};
  const name = nonEmpty(htmlToText(firstString(b.name)));
  if (name) facts.name = name;
  const phones = uniq(asArray(b.telephone).map((t) => nonEmpty(firstString(t))));
  if (phones.length) facts.telephone = phones;
  const addresses = uniq(asArray(b.address).map(formatAddress));
  if (addresses.length) facts.address = addresses;
  const hours = uniq([...asArray(b.openingHours).map((h) => nonEmpty(firstString(h))), ...asArray(b.openingHoursSpecification).map(formatHoursSpec)]);
  if (hours.length) facts.openingHours = hours;
  const site = absoluteUrl(firstString(b.url) ?? firstString(b.sameAs), pageUrl);
  if (site) facts.url = site;
  const lines = [
    facts.name && `Name: ${facts.name}`,
    facts.telephone && `Phone: ${facts.telephone.join('; ')}`,
    facts.address && `Address: ${facts.address.join('; ')}`,
    facts.openingHours && `Hours: ${facts.openingHours.join('; ')}`,
    facts.url && `Website: ${facts.url}`,
  ].filter(Boolean);
  const id = firstString(b['@id']);
  return {
    externalId: `listing:${(id && absoluteUrl(id, configUrl)) || configUrl}`,
    kind: 'listing',
    url: pageUrl,
    author: null,
    title: facts.name ?? null,
    text: lines.length ? lines.join('. ') + '.' : 'Listing without contact details.',
    rating: null,
    publishedAt: null,
    facts,
  };
}

function reviewItem(r: LdNode, pageUrl: string, configUrl: string): RawItem | null {
  const body = htmlToText(firstString(r.reviewBody) ?? firstString(r.description) ?? firstString(r.text));
  const name = nonEmpty(htmlToText(firstString(r.name) ?? firstString(r.headline)));
  const text = body || name || '';
  const rating = readRating(asObject(r.reviewRating));
  if (!text && rating === null) return null;
  const author = nonEmpty(htmlToText(firstString(r.author)));
  const publishedAt = toIso(firstString(r.datePublished)) ?? toIso(firstString(r.dateCreated));
  const url = absoluteUrl(firstString(r.url), pageUrl);
  const ownId = firstString(r['@id']);
  // A review's url is often just the page it sits on: then it identifies nothing.
  const idFromUrl = url && url !== pageUrl && url !== configUrl ? url : null;
  const externalId = (ownId && absoluteUrl(ownId, configUrl)) || idFromUrl || stableHash(author, publishedAt, text);
  return { externalId, kind: 'review', url: url ?? pageUrl, author, title: name && name !== text ? name : null, text, rating, publishedAt };
}

function readRating(r: LdNode | null): number | null {
  if (!r) return null;
  const value = Number(String(firstString(r.ratingValue) ?? '').replace(',', '.'));
  const best = Number(firstString(r.bestRating) ?? 5);
  if (!Number.isFinite(value) || firstString(r.ratingValue) === null) return null;
  return normaliseRating(value, Number.isFinite(best) && best > 0 ? best : 5);
}

function formatAddress(a: unknown): string | null {
  if (typeof a === 'string') return nonEmpty(htmlToText(a));
  const o = asObject(a);
  if (!o) return null;
  const part = (k: string) => nonEmpty(htmlToText(firstString(o[k])));
  const region = [part('addressRegion'), part('postalCode')].filter(Boolean).join(' ');
  const s = [part('streetAddress'), part('addressLocality'), region, part('addressCountry')].filter(Boolean).join(', ');
  return s || part('name');
}

/** {dayOfWeek: ["Monday","Tuesday"], opens: "08:00:00", closes: "17:00"} → "Mo,Tu 08:00-17:00". */
function formatHoursSpec(s: unknown): string | null {
  const o = asObject(s);
  if (!o) return null;
  const days = asArray(o.dayOfWeek)
    .map((d) => firstString(d)?.replace(/^https?:\/\/(www\.)?schema\.org\//i, '').toLowerCase() ?? '')
    .map((d) => DAYS[d] ?? d)
    .filter(Boolean);
  const hhmm = (t: unknown) => firstString(t)?.match(/^(\d{1,2}:\d{2})/)?.[1]?.padStart(5, '0') ?? null;
  const opens = hhmm(o.opens);
  const closes = hhmm(o.closes);
  if (!days.length && !opens) return null;
  const time = opens && closes ? (opens === '00:00' && closes === '00:00' ? 'closed' : `${opens}-${closes}`) : 'closed';
  return `${days.join(',')} ${time}`.trim();
}

function nameMatches(name: string | null, wanted: string): boolean {
  const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '');
  if (!name) return false;
  const a = norm(htmlToText(name));
  const b = norm(wanted);
  return a.includes(b) || (a.length > 3 && b.includes(a));
}

function asObject(v: unknown): LdNode | null {
  const x = Array.isArray(v) ? v[0] : v;
  return x && typeof x === 'object' ? (x as LdNode) : null;
}

function uniq(xs: (string | null)[]): string[] {
  return [...new Set(xs.filter((x): x is string => !!x))];
}
