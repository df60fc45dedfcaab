/**
 * The same Poisson writes under cache-aside (database write, then delete the
 * key), write-through (cache and database before the ack) and write-behind
 * (ack from the cache, flush every flushIntervalMs). The cache node fails at
 * cacheFailsAtSecond: whatever write-behind had not flushed is gone, and reads
 * of those keys fall through to the database's older values.
 */
import { RandomStream } from '../sim/engine/rng';
import { LogHistogram } from '../sim/metrics';
import { num } from './controls';
import { fmtInt, fmtMs, fmtPct, round } from './format';
import { quantileMs } from './latency';
import { CACHE, DATABASE } from './scenarioComponents';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const KEYS = 10_000;
const READS_PER_SEC = 2000;
const AFTER_FAILURE_SEC = 10;
/** Writes one run simulates; above it each simulated write stands for several. */
const MAX_WRITES = 40_000;

const spec: ExperimentSpec = {
  widget: 'write-strategies',
  title: `Cache-aside, write-through and write-behind when the cache fails (${fmtInt(KEYS)} keys, ${fmtInt(READS_PER_SEC)} reads/s)`,
  controls: [
    { id: 'writesPerSecond', label: 'Writes', kind: 'number', unit: 'writes/s', min: 1, max: 100_000, step: 1, default: 500, scale: 'log' },
    { id: 'flushIntervalMs', label: 'Write-behind flush interval', kind: 'number', unit: 'ms', min: 10, max: 60_000, step: 10, default: 2000, scale: 'log' },
    { id: 'cacheFailsAtSecond', label: 'Cache fails at', kind: 'number', unit: 's', min: 1, max: 300, step: 0.1, default: 31 },
  ],
  metrics: [
    { id: 'writeP95MsCacheAside', label: 'Write p95, cache-aside', unit: 'ms' },
    { id: 'writeP95MsWriteThrough', label: 'Write p95, write-through', unit: 'ms' },
    { id: 'writeP95MsWriteBehind', label: 'Write p95, write-behind', unit: 'ms' },
    { id: 'writesLostWriteBehind', label: 'Writes lost, write-behind', unit: 'count' },
    { id: 'writesLostWriteThrough', label: 'Writes lost, write-through', unit: 'count' },
    { id: 'staleReadRatio', label: 'Stale reads after the failure, write-behind', unit: '%', ratio: true },
    { id: 'dbWritesPerSecondWriteBehind', label: 'Database writes, write-behind', unit: '/s' },
  ],
};

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const rate = num(controls, 'writesPerSecond');
  const flushSec = num(controls, 'flushIntervalMs') / 1000;
  const failAt = num(controls, 'cacheFailsAtSecond');
  const duration = Math.ceil(failAt) + AFTER_FAILURE_SEC;
  const weight = Math.max(1, (rate * duration) / MAX_WRITES);
  const simRate = rate / weight;

  const arrivals = new RandomStream(seed, 'write-strategies/arrivals');
  const keyDraws = new RandomStream(seed, 'write-strategies/keys');
  const latency = new RandomStream(seed, 'write-strategies/latency');
  const readRng = new RandomStream(seed, 'write-strategies/reads');
  const p95 = { cacheAside: new LogHistogram(), writeThrough: new LogHistogram(), writeBehind: new LogHistogram() };

  // Write-behind state: the version each key has in the cache and in the database.
  const cacheVersion = new Float64Array(KEYS);
  const dbVersion = new Float64Array(KEYS);
  const dirty: number[] = [];
  const isDirty = new Uint8Array(KEYS);
  let version = 0;
  /** Acknowledged writes since the last flush (several may hit one dirty key). */
  let unflushed = 0;
  let lost = 0;
  let dbBatchWrites = 0;
  let nextFlush = flushSec;
  let failed = false;
  let staleReads = 0;
  let readsAfter = 0;
  const timeSec: number[] = [];
  const pending: number[] = [];
  const staleSeries: number[] = [];

  const flush = () => {
    for (const key of dirty) {
      dbVersion[key] = cacheVersion[key]!;
      isDirty[key] = 0;
    }
    dbBatchWrites += dirty.length;
    dirty.length = 0;
    unflushed = 0;
  };

  let t = arrivals.exponential(1 / simRate);
  for (let second = 0; second < duration; second++) {
    if (hooks?.shouldStop?.()) break;
    for (; t < second + 1; t += arrivals.exponential(1 / simRate)) {
      while (!failed && nextFlush <= t && nextFlush <= failAt) {
        flush();
        nextFlush += flushSec;
      }
      if (!failed && t >= failAt) {
        failed = true;
        lost = unflushed;
      }
      const key = keyDraws.below(KEYS);
      version++;
      if (failed) {
        // Cache gone: every strategy writes straight to the database.
        dbVersion[key] = version;
        continue;
      }
      const cacheMs = CACHE.readMs(latency);
      const dbMs = DATABASE.queryMs(latency);
      // Every simulated write stands for the same number of writes, so the quantiles need no weights.
      p95.cacheAside.add(dbMs + cacheMs);
      p95.writeThrough.add(cacheMs + dbMs);
      p95.writeBehind.add(cacheMs);
      cacheVersion[key] = version;
      unflushed++;
      if (!isDirty[key]) {
        isDirty[key] = 1;
        dirty.push(key);
      }
    }
    if (!failed && second + 1 > failAt) {
      failed = true;
      lost = unflushed;
    }
    // Reads after the failure come from the database: stale where a lost write was newer.
    let stale = 0;
    if (failed) {
      for (let r = 0; r < READS_PER_SEC / 10; r++) {
        const key = readRng.below(KEYS);
        if (isDirty[key] && dbVersion[key]! < cacheVersion[key]!) stale++;
      }
      staleReads += stale;
      readsAfter += READS_PER_SEC / 10;
    }
    timeSec.push(second + 1);
    pending.push(failed ? 0 : round(unflushed * weight, 1));
    staleSeries.push(failed ? round(stale / (READS_PER_SEC / 10), 4) : 0);
  }

  const lostWrites = lost * weight;
  const sinceFlush = failAt - Math.floor(failAt / flushSec) * flushSec;
  const lossTheory = rate * sinceFlush;
  const staleRatio = readsAfter ? staleReads / readsAfter : 0;
  const figures = {
    writeP95MsCacheAside: round(quantileMs(p95.cacheAside, 0.95), 2),
    writeP95MsWriteThrough: round(quantileMs(p95.writeThrough, 0.95), 2),
    writeP95MsWriteBehind: round(quantileMs(p95.writeBehind, 0.95), 2),
  };

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      ...figures,
      writesLostWriteBehind: Math.round(lostWrites),
      writesLostWriteThrough: 0,
      staleReadRatio: round(staleRatio, 4),
      dbWritesPerSecondWriteBehind: round((dbBatchWrites * weight) / Math.max(1, Math.min(failAt, duration)), 1),
    },
    theory: {
      writesLostWriteBehind: { value: Math.round(lossTheory), method: 'writes/s × time since the last flush (flushes at multiples of the interval)' },
    },
    series: [
      { id: 'unflushedWrites', label: 'Unflushed write-behind writes', unit: 'writes', ratio: false, timeSec, values: pending },
      { id: 'staleReadRatio', label: 'Stale reads after the failure', unit: '%', ratio: true, timeSec, values: staleSeries },
    ],
    bars: [
      {
        id: 'writeP95',
        label: 'Write p95 while the cache is up',
        unit: 'ms',
        bars: [
          { label: 'cache-aside', value: figures.writeP95MsCacheAside, tone: 'muted' },
          { label: 'write-through', value: figures.writeP95MsWriteThrough, tone: 'accent' },
          { label: 'write-behind', value: figures.writeP95MsWriteBehind, tone: 'pass' },
        ],
      },
      {
        id: 'writesLost',
        label: 'Acknowledged writes lost when the cache fails',
        unit: 'writes',
        bars: [
          { label: 'cache-aside', value: 0, tone: 'pass' },
          { label: 'write-through', value: 0, tone: 'pass' },
          { label: 'write-behind', value: Math.round(lostWrites), tone: lostWrites > 0 ? 'fail' : 'pass' },
        ],
      },
    ],
    thresholds: [{ axis: 'time', seriesId: null, value: failAt, label: 'cache fails' }],
    summary:
      `Write-behind acknowledged writes in ${fmtMs(figures.writeP95MsWriteBehind)} at p95 against ${fmtMs(figures.writeP95MsWriteThrough)} for write-through, ` +
      `then lost ${fmtInt(lostWrites)} writes when the cache failed, and ${fmtPct(staleRatio)} of reads afterwards returned old values.` +
      (weight > 1 ? ` Each simulated write stood for ${weight.toFixed(1)} writes to keep the run small.` : ''),
  };
}

export const experiment: Experiment = { spec, run };
