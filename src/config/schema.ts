// The top-level config schema (zod). Keys are snake_case, identical to the YAML, so there is no mapping layer.
// Unknown keys are errors everywhere (.strict()).
import { z } from 'zod';
import cron from 'node-cron';
import { parseDuration } from './duration.ts';

export const duration = (def: string) =>
  z
    .string()
    .default(def)
    .refine((s) => parseDuration(s) !== null, { message: 'expected a duration such as "90s", "30m", "6h" or "7d"' })
    .transform((s) => parseDuration(s)!);

export const cronExpr = z
  .string()
  .refine((s) => cron.validate(s), { message: 'expected a cron expression such as "*/30 * * * *"' });

const hhmm = /^(closed|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d(,\s*([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d)*)$/;
const day = z.string().regex(hhmm, 'expected "HH:MM-HH:MM" (24-hour, several separated by commas) or "closed"');

export const practiceSchema = z
  .object({
    name: z.string().min(1).describe('The practice name as patients know it.'),
    phones: z.array(z.string().min(7)).min(1).describe('Every phone number the practice publishes.'),
    addresses: z.array(z.string().min(5)).min(1).describe('Every street address of the practice.'),
    website: z.url().nullable().default(null),
    hours: z
      .object({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
      .partial()
      .strict()
      .default({})
      .describe('Opening hours per weekday; a missing day means unknown.'),
    timezone: z.string().default('America/New_York'),
    providers: z
      .array(
        z.union([
          z.string().min(2),
          z.object({ name: z.string().min(2), current: z.boolean().default(true) }).strict(),
        ]),
      )
      .default([])
      .describe('Clinicians; `current: false` for those who have left.'),
    staff: z.array(z.string().min(2)).default([]).describe('Staff names (not patient identifiers; their posts are the practice speaking).'),
    insurance_accepted: z.array(z.string()).default([]),
    insurance_not_accepted: z.array(z.string()).default([]),
    contact_phone: z.string().optional().describe('Number given in public replies; defaults to the first of `phones`.'),
    contact_email: z.email().nullable().default(null),
  })
  .strict();

export const responderSchema = z
  .object({
    name: z.string().min(1),
    slack_user_id: z.string().regex(/^[UW][A-Z0-9]+$/, 'expected a Slack user id such as U012ABCDEF').optional(),
    slack_channel: z.string().regex(/^[CG][A-Z0-9]+$/, 'expected a Slack channel id such as C012ABCDEF').optional(),
    email: z.email(),
  })
  .strict();

export const slackSchema = z
  .object({
    enabled: z.boolean().default(false),
    token_env: z.string().default('SLACK_BOT_TOKEN').describe('Environment variable holding the bot token (xoxb-…).'),
    app_token_env: z.string().default('SLACK_APP_TOKEN').describe('Environment variable holding the app-level token (xapp-…) for Socket Mode buttons.'),
    socket_mode: z.boolean().default(true),
    api_url: z.url().default('https://slack.com/api/'),
    timeout: duration('15s'),
  })
  .strict();

export const emailSchema = z
  .object({
    enabled: z.boolean().default(false),
    host: z.string().default('localhost'),
    port: z.number().int().min(1).max(65535).default(587),
    secure: z.boolean().default(false).describe('true for implicit TLS (port 465); false uses STARTTLS when offered.'),
    require_tls: z.boolean().default(true),
    user: z.string().optional(),
    password_env: z.string().default('SMTP_PASSWORD'),
    from: z.string().default('PracticeWatch <practicewatch@localhost>'),
    digest_recipients: z.array(z.email()).default([]).describe('Besides the responder.'),
    digest_schedule: cronExpr.default('0 8 * * 1').describe('When the weekly digest goes out, in practice time.'),
  })
  .strict();

export const alertsSchema = z
  .object({
    critical_reminder_after: duration('30m'),
    source_broken_after_failures: z.number().int().min(1).default(3),
    max_attempts: z.number().int().min(1).default(12).describe('Delivery attempts before an alert is dead-lettered.'),
    console: z.boolean().default(false).describe('Also print flagged items (masked) to stdout.'),
  })
  .strict();

export const storageSchema = z
  .object({
    path: z.string().default('data/practicewatch.db'),
    raw_text_retention: duration('90d').describe('Raw post text is erased after this; masked excerpts and findings stay.'),
  })
  .strict();

export const httpSchema = z
  .object({
    user_agent: z.string().default('PracticeWatch/0.1 (+https://github.com/practicewatch/practicewatch)'),
    timeout: duration('20s'),
    max_body_bytes: z.number().int().min(1024).default(5 * 1024 * 1024),
    max_redirects: z.number().int().min(0).default(5),
    retries: z.number().int().min(0).max(5).default(2),
    concurrency: z.number().int().min(1).default(4).describe('Polls running at once, all sources together.'),
    per_host_interval: duration('2s').describe('Minimum gap between two requests to the same host.'),
  })
  .strict();

/** Keys every source has, whatever its type. Connector options sit beside them, flat. */
export const commonSourceShape = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a slug such as "yelp-main-office" (lowercase letters, digits, dashes)')
    .describe('Stable forever: it keys stored state.'),
  type: z.string(),
  name: z.string().optional().describe('Shown in alerts; defaults to the id.'),
  enabled: z.boolean().default(true),
  schedule: cronExpr.optional().describe('Cron; defaults to the connector default.'),
  owned: z.boolean().default(false).describe("The practice's own page or feed: staff posts there are the practice speaking."),
  respect_robots: z.boolean().default(true).describe('Honour robots.txt for scraped pages.'),
};

export const guidanceSchema = z
  .object({
    templates: z.record(z.string(), z.string()).default({}).describe('Draft reply templates by action; see the example.'),
  })
  .strict();
