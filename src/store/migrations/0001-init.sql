-- Forward-only. Applied in order by src/store/db.ts, tracked with PRAGMA user_version.

-- One row per (source, external id): the item's identity.
CREATE TABLE items (
  id            INTEGER PRIMARY KEY,
  source_id     TEXT    NOT NULL,
  external_id   TEXT    NOT NULL,
  kind          TEXT    NOT NULL,
  url           TEXT,
  first_seen_at INTEGER NOT NULL,            -- ms since epoch
  last_seen_at  INTEGER NOT NULL,
  deleted_at    INTEGER,                     -- no longer listed by the source
  current_version_id INTEGER,
  status        TEXT    NOT NULL DEFAULT 'new',   -- new | acknowledged | responded | dismissed
  UNIQUE (source_id, external_id)
);

-- Every distinct content of an item. An edit = same item, new content hash, new version, analysed again.
CREATE TABLE item_versions (
  id           INTEGER PRIMARY KEY,
  item_id      INTEGER NOT NULL REFERENCES items(id),
  content_hash TEXT    NOT NULL,              -- sha256 of normalised title+text+rating+facts
  author       TEXT,                          -- raw; erased with text after the retention period
  title        TEXT,
  text         TEXT,                          -- raw; NULL after retention
  rating       REAL,
  published_at TEXT,
  facts_json   TEXT,
  excerpt_masked TEXT   NOT NULL DEFAULT '',  -- PHI-masked excerpt, kept after raw text is erased
  entities_json  TEXT   NOT NULL DEFAULT '[]',
  created_at   INTEGER NOT NULL,
  text_erased_at INTEGER,
  UNIQUE (item_id, content_hash)
);

-- What the detectors said about one version.
CREATE TABLE findings (
  id          INTEGER PRIMARY KEY,
  version_id  INTEGER NOT NULL REFERENCES item_versions(id),
  category    TEXT    NOT NULL,
  severity    TEXT    NOT NULL,
  code        TEXT    NOT NULL,
  reason      TEXT    NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX findings_version ON findings(version_id);

-- Transactional outbox: written in the same transaction as the findings. Payloads are already masked.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  idempotency_key TEXT    NOT NULL UNIQUE,   -- e.g. 'alert:v42:slack'
  channel         TEXT    NOT NULL,          -- slack | email | console
  kind            TEXT    NOT NULL,          -- alert | alert_update | reminder | source_broken | source_recovered | digest
  item_id         INTEGER REFERENCES items(id),
  version_id      INTEGER REFERENCES item_versions(id),
  payload_json    TEXT    NOT NULL,          -- masked, escaped at render time by the notifier
  status          TEXT    NOT NULL DEFAULT 'pending',  -- pending | sending | sent | dead
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,          -- ms since epoch
  claimed_at      INTEGER,
  last_error      TEXT,                      -- PHI-free
  external_ref    TEXT,                      -- e.g. Slack channel + ts, to update/thread later
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

-- Per-source poll health: drives the one "source broken" / one "recovered" alert.
CREATE TABLE source_health (
  source_id            TEXT PRIMARY KEY,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error           TEXT,
  last_error_code      TEXT,
  last_success_at      INTEGER,
  last_failure_at      INTEGER,
  broken               INTEGER NOT NULL DEFAULT 0,   -- 1 once the broken alert was enqueued
  broken_since         INTEGER
);

-- Conditional GET validators per URL.
CREATE TABLE http_validators (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  updated_at    INTEGER NOT NULL
);

-- Who did what to an alerted item, when (Slack buttons or CLI). Drives response times in the digest.
CREATE TABLE item_actions (
  id       INTEGER PRIMARY KEY,
  item_id  INTEGER NOT NULL REFERENCES items(id),
  action   TEXT    NOT NULL,      -- ack | done | dismiss | reopen
  actor    TEXT    NOT NULL,      -- Slack user id or 'cli:<os user>'
  via      TEXT    NOT NULL,      -- slack | cli
  at       INTEGER NOT NULL
);
CREATE INDEX item_actions_item ON item_actions(item_id);

-- "Not an issue" feedback: the same normalised text will not alert again.
CREATE TABLE dismissed_texts (
  text_hash TEXT PRIMARY KEY,
  item_id   INTEGER,
  at        INTEGER NOT NULL
);
