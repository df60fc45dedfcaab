/**
 * The contention widgets' one way to run buyers against a stock row: the
 * simulator's seat race on the scenarios' postgres (its pool and its query
 * time for every statement), so a lesson quotes the database a scenario grades.
 */
import { runSeatRace, type SeatRaceResult, type SeatStrategy } from '../sim/contention/seatRace';
import { DATABASE } from './scenarioComponents';

export const STRATEGY_LABELS: Record<SeatStrategy, string> = {
  readThenWrite: 'read, then write',
  conditionalUpdate: 'conditional UPDATE',
  selectForUpdate: 'SELECT ... FOR UPDATE',
  optimistic: 'version check',
};

/** Backoff before an optimistic retry doubles from this (full jitter). */
export const RETRY_BASE_MS = 10;

export interface RaceShape {
  buyers: number;
  stock: number;
  arrivalWindowSec: number;
  thinkMs: number;
  lockTimeoutMs: number;
  maxAttempts: number;
}

export function raceOn(shape: RaceShape, strategy: SeatStrategy, seed: number): SeatRaceResult {
  return runSeatRace({ ...shape, strategy, connections: DATABASE.connections, retryBaseMs: RETRY_BASE_MS, statementMs: DATABASE.queryMs }, seed);
}

