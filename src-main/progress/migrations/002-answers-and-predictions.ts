import type { Migration } from './migration';

export const answersAndPredictions: Migration = {
  version: 2,
  name: 'check answers, widget predictions, end of lesson reached',
  sql: `
    -- A lesson is read when its end was reached AND every check is answered; both are kept.
    ALTER TABLE lesson_progress ADD COLUMN end_reached INTEGER NOT NULL DEFAULT 0 CHECK (end_reached IN (0, 1));
    UPDATE lesson_progress SET end_reached = 1 WHERE status = 'read';

    -- The latest answer per check; every answer also goes to the event log.
    CREATE TABLE check_answers (
      lesson_id    TEXT NOT NULL,
      check_id     TEXT NOT NULL,
      option_index INTEGER NOT NULL CHECK (option_index >= 0),
      correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),
      answered_at  TEXT NOT NULL,
      PRIMARY KEY (lesson_id, check_id)
    ) STRICT;

    -- The latest prediction per widget and whether the simulation agreed with it.
    CREATE TABLE widget_predictions (
      lesson_id    TEXT NOT NULL,
      widget_id    TEXT NOT NULL,
      widget       TEXT NOT NULL,
      metric       TEXT NOT NULL,
      choice_index INTEGER NOT NULL CHECK (choice_index >= 0),
      choice_label TEXT NOT NULL,
      measured     REAL,
      correct      INTEGER CHECK (correct IN (0, 1)),
      predicted_at TEXT NOT NULL,
      PRIMARY KEY (lesson_id, widget_id)
    ) STRICT;
  `,
};
