import type { Migration } from './migration';

export const scenarioAttempts: Migration = {
  version: 3,
  name: 'scenario drafts and attempts',
  sql: `
    -- The design the learner is working on, saved as it changes (one per scenario).
    CREATE TABLE scenario_drafts (
      scenario_id TEXT PRIMARY KEY,
      design      TEXT NOT NULL,
      saved_at    TEXT NOT NULL
    ) STRICT;

    -- Every run is an attempt: the design as run, the seed, the drill, the verdict and the results.
    CREATE TABLE attempts (
      id             INTEGER PRIMARY KEY AUTOINCREMENT,
      scenario_id    TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      seed           INTEGER NOT NULL,
      drill          TEXT,
      pass           INTEGER NOT NULL CHECK (pass IN (0, 1)),
      terms_passed   INTEGER NOT NULL,
      terms_total    INTEGER NOT NULL,
      uptime_pct     REAL NOT NULL,
      p95_ms         REAL NOT NULL,
      cost_per_month REAL NOT NULL,
      silent_failures INTEGER NOT NULL DEFAULT 0,
      design         TEXT NOT NULL,
      run            TEXT NOT NULL
    ) STRICT;
    CREATE INDEX attempts_by_scenario ON attempts (scenario_id, id);
  `,
};
