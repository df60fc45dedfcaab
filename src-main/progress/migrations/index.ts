import { initial } from './001-initial';
import { answersAndPredictions } from './002-answers-and-predictions';
import { scenarioAttempts } from './003-scenario-attempts';
import { attemptsFromReference } from './004-attempts-from-reference';
import { eventsByTime } from './005-events-by-time';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every schema change, in order. Append; never edit a migration that has shipped. */
export const migrations: Migration[] = [initial, answersAndPredictions, scenarioAttempts, attemptsFromReference, eventsByTime];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
