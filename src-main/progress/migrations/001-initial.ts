import type { Migration } from './migration';

export const initial: Migration = {
  version: 1,
  name: 'lesson progress and the event log',
  sql: `
    CREATE TABLE lesson_progress (
      lesson_id        TEXT PRIMARY KEY,
      status           TEXT NOT NULL CHECK (status IN ('opened', 'read')),
      first_opened_at  TEXT NOT NULL,
      last_opened_at   TEXT NOT NULL,
      seconds_spent    REAL NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0),
      reading_position REAL NOT NULL DEFAULT 0 CHECK (reading_position BETWEEN 0 AND 1)
    ) STRICT;

    -- Append-only: what the learner did, in order. Triggers refuse edits.
    CREATE TABLE events (
      id      INTEGER PRIMARY KEY AUTOINCREMENT,
      at      TEXT NOT NULL,
      kind    TEXT NOT NULL,
      subject TEXT,
      data    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
    ) STRICT;
    CREATE INDEX events_by_kind ON events (kind, id);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `,
};
