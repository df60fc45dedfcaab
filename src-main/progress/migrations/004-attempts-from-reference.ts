import type { Migration } from './migration';

/**
 * Whether an attempt ran the scenario's reference design rather than the learner's own, so a
 * reference run never counts as the learner passing. Attempts made before this was recorded
 * count as the learner's own: that is what they were shown as.
 */
export const attemptsFromReference: Migration = {
  version: 4,
  name: 'attempts made with the reference design',
  sql: `ALTER TABLE attempts ADD COLUMN from_reference INTEGER NOT NULL DEFAULT 0 CHECK (from_reference IN (0, 1));`,
};
