import type { Migration } from './migration';

/**
 * The activity record is read newest first by time, not by id: events merged in from an exported
 * file get new ids, and must still sit among the learner's own by when they happened.
 */
export const eventsByTime: Migration = {
  version: 5,
  name: 'events read by time',
  sql: `CREATE INDEX events_by_time ON events (at, id);`,
};
