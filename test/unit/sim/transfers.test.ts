import { describe, expect, it } from 'vitest';
import { runTransfers, type TransfersConfig } from '../../../src-main/sim/contention/transfers';
import { DATABASE } from '../../../src-main/experiments/scenarioComponents';

const transfers = (over: Partial<TransfersConfig>, seed: number) =>
  runTransfers(
    { transfersPerSec: 50, accounts: 50, durationSec: 300, order: 'random', connections: 20, deadlockTimeoutMs: 1000, maxAttempts: 3, statementMs: DATABASE.queryMs, ...over },
    seed,
  );

describe('transfers locking two account rows (deadlocks)', () => {
  it('never deadlocks with one global lock order, even on few busy accounts, across seeds', () => {
    for (let seed = 1; seed <= 10; seed++) {
      for (const accounts of [2, 5, 50]) {
        const r = transfers({ order: 'ordered', accounts, durationSec: 60 }, seed);
        expect(r.deadlocks, `seed ${seed}, ${accounts} accounts`).toBe(0);
        expect(r.committed).toBe(r.transfers);
        expect(r.wastedSec).toBe(0);
      }
    }
  });

  it('deadlocks in the order named at about 60 × rate² × statement / (accounts × (accounts − 1)) a minute', () => {
    const theory = (60 * 50 * 50 * (DATABASE.meanQueryMs / 1000)) / (50 * 49);
    const perMinute = [1, 2, 3, 4, 5, 6].map((seed) => (transfers({}, seed).deadlocks * 60) / 300);
    const mean = perMinute.reduce((a, b) => a + b, 0) / perMinute.length;
    expect(mean).toBeGreaterThan(theory * 0.7);
    expect(mean).toBeLessThan(theory * 1.3);
  });

  it('aborts one victim per deadlock, after the deadlock timeout, and retries it', () => {
    const r = transfers({ accounts: 10, transfersPerSec: 10, durationSec: 120 }, 4);
    expect(r.deadlocks).toBeGreaterThan(0);
    // Each victim waited at least the timeout before it was aborted, and its retry still commits.
    expect(r.wastedSec).toBeGreaterThanOrEqual(r.deadlocks * 1);
    expect(r.committed + r.failed).toBe(r.transfers);
    expect(r.deadlockTimesSec).toHaveLength(r.deadlocks);
  });

  it('gives up on a transfer that is a victim maxAttempts times', () => {
    const r = transfers({ accounts: 3, transfersPerSec: 30, durationSec: 20, maxAttempts: 1 }, 1);
    expect(r.failed).toBe(r.deadlocks);
    expect(r.committed + r.failed).toBe(r.transfers);
  });

  it('is deterministic for a seed', () => {
    expect(transfers({ durationSec: 60 }, 3)).toEqual(transfers({ durationSec: 60 }, 3));
  });
});
