/**
 * LRU, LFU and FIFO caches of the same size see the same stream of Zipf
 * reads; at shiftAtSecond the popular set moves to keys that were cold, as
 * when a news cycle turns. LFU here counts uses while a key is cached and
 * never decays them, so old favourites keep their places after the shift.
 */
import { RandomStream } from '../sim/engine/rng';
import { CacheStore } from '../sim/engine/cacheStore';
import { ZipfKeys } from '../sim/engine/zipf';
import { groupedCheHitRatio, groupedLfuHitRatio, zipfGroups } from '../sim/theory/cheZipf';
import { cacheSizeControl, keysControl, num } from './controls';
import { fmtInt, fmtPct, round } from './format';
import { thinSeries } from './series';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

type Eviction = ConstructorParameters<typeof CacheStore>[2];

const READS_PER_SEC = 250;
/** Long runs read more slowly so one run stays within budget; only the order of reads matters here. */
const MAX_REQUESTS = 30_000;
const POLICIES: { id: Eviction; name: string; suffix: string }[] = [
  { id: 'lru', name: 'LRU', suffix: 'Lru' },
  { id: 'lfu', name: 'LFU', suffix: 'Lfu' },
  { id: 'fifo', name: 'FIFO', suffix: 'Fifo' },
];

const spec: ExperimentSpec = {
  widget: 'eviction-race',
  title: `LRU, LFU and FIFO on the same ${fmtInt(READS_PER_SEC)} reads/s when popularity shifts`,
  controls: [
    keysControl(10_000),
    cacheSizeControl(1000),
    { id: 'zipf', label: 'Popularity skew (Zipf)', kind: 'number', unit: '', min: 0, max: 1.5, step: 0.05, default: 0.8 },
    { id: 'shiftAtSecond', label: 'Popularity shifts at', kind: 'number', unit: 's', min: 1, max: 600, step: 1, default: 60 },
    { id: 'durationSeconds', label: 'Run length', kind: 'number', unit: 's', min: 10, max: 600, step: 10, default: 120 },
  ],
  metrics: [
    ...POLICIES.map((p) => ({ id: `hitRatio${p.suffix}`, label: `${p.name} hit ratio`, unit: '%' as const, ratio: true })),
    ...POLICIES.map((p) => ({ id: `hitRatioBeforeShift${p.suffix}`, label: `${p.name} hit ratio before the shift`, unit: '%' as const, ratio: true })),
    ...POLICIES.map((p) => ({ id: `hitRatioAfterShift${p.suffix}`, label: `${p.name} hit ratio after the shift`, unit: '%' as const, ratio: true })),
  ],
};

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const keys = Math.round(num(controls, 'keys'));
  const cacheSize = Math.min(Math.round(num(controls, 'cacheSize')), keys);
  const zipf = num(controls, 'zipf');
  const duration = Math.round(num(controls, 'durationSeconds'));
  const shiftAt = num(controls, 'shiftAtSecond');
  const rate = Math.min(READS_PER_SEC, MAX_REQUESTS / duration);
  // Skip the cold fill: the race is about steady state and the shift.
  const warmup = Math.min(10, Math.floor(Math.min(shiftAt, duration) / 2));
  // After the shift, rank r is played by the key half the key space away: yesterday's cold keys.
  const offset = Math.floor(keys / 2);

  const sampler = new ZipfKeys(keys, zipf);
  const groups = zipfGroups(keys, zipf);
  const caches = POLICIES.map((p) => new CacheStore(cacheSize, keys, p.id, Infinity));
  const draws = new RandomStream(seed, 'eviction-race/keys');
  const hitsPerSecond = POLICIES.map(() => [] as number[]);
  const totals = POLICIES.map(() => ({ before: 0, after: 0 }));
  let readsBefore = 0;
  let readsAfter = 0;
  const timeSec: number[] = [];
  let carry = 0;

  for (let second = 0; second < duration; second++) {
    if (hooks?.shouldStop?.()) break;
    // Whole reads per second at a fractional rate, without randomness in the count.
    carry += rate;
    const reads = Math.floor(carry);
    carry -= reads;
    const shifted = second >= shiftAt;
    const secondHits = POLICIES.map(() => 0);
    for (let r = 0; r < reads; r++) {
      const rank = sampler.draw(draws);
      const key = shifted ? (rank + offset) % keys : rank;
      for (let c = 0; c < caches.length; c++) {
        const cache = caches[c]!;
        if (cache.lookup(key, second)) secondHits[c]!++;
        else cache.fill(key, second);
      }
    }
    timeSec.push(second + 1);
    POLICIES.forEach((_, c) => hitsPerSecond[c]!.push(reads ? round(secondHits[c]! / reads, 4) : 0));
    if (second < warmup) continue;
    if (shifted) readsAfter += reads;
    else readsBefore += reads;
    POLICIES.forEach((_, c) => {
      if (shifted) totals[c]!.after += secondHits[c]!;
      else totals[c]!.before += secondHits[c]!;
    });
  }

  const metrics: Record<string, number> = {};
  POLICIES.forEach((p, c) => {
    const t = totals[c]!;
    metrics[`hitRatio${p.suffix}`] = round((t.before + t.after) / Math.max(1, readsBefore + readsAfter), 4);
    metrics[`hitRatioBeforeShift${p.suffix}`] = round(t.before / Math.max(1, readsBefore), 4);
    metrics[`hitRatioAfterShift${p.suffix}`] = readsAfter ? round(t.after / readsAfter, 4) : 0;
  });

  const cheLru = groupedCheHitRatio(groups, cacheSize, 'lru');
  const cheFifo = groupedCheHitRatio(groups, cacheSize, 'fifo');
  const idealLfu = groupedLfuHitRatio(groups, cacheSize);
  const tone = (suffix: string) => (suffix === 'Lru' ? 'accent' : suffix === 'Lfu' ? 'pass' : 'muted') as 'accent' | 'pass' | 'muted';
  const lru = metrics.hitRatioLru!;
  const hasShift = shiftAt < duration;

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics,
    theory: {
      hitRatioLru: { value: round(cheLru, 4), method: "Che's approximation (LRU), stable popularity" },
      hitRatioFifo: { value: round(cheFifo, 4), method: "Che's approximation (FIFO), stable popularity" },
      hitRatioBeforeShiftLfu: { value: round(idealLfu, 4), method: 'ideal LFU: the cache holds the most popular keys' },
    },
    series: POLICIES.map((p, c) =>
      thinSeries({ id: `hitRatio${p.suffix}`, label: `${p.name} hit ratio`, unit: '%', ratio: true, timeSec, values: hitsPerSecond[c]! }),
    ),
    bars: [
      {
        id: 'beforeShift',
        label: 'Hit ratio before the shift',
        unit: '%',
        bars: POLICIES.map((p) => ({ label: p.name, value: metrics[`hitRatioBeforeShift${p.suffix}`]!, tone: tone(p.suffix) })),
      },
      {
        id: 'afterShift',
        label: 'Hit ratio after the shift',
        unit: '%',
        bars: POLICIES.map((p) => ({ label: p.name, value: metrics[`hitRatioAfterShift${p.suffix}`]!, tone: tone(p.suffix) })),
      },
    ],
    // The shift is a moment, so its line sits on the time axis.
    thresholds: [
      ...(hasShift ? [{ axis: 'time' as const, seriesId: null, value: shiftAt, label: 'popularity shifts' }] : []),
      { axis: 'value', seriesId: 'hitRatioLru', value: round(cheLru, 4), label: `Che LRU ${fmtPct(cheLru)}` },
    ],
    summary:
      `Over the run LRU hit ${fmtPct(lru)} (Che ${fmtPct(cheLru)}), LFU ${fmtPct(metrics.hitRatioLfu!)} and FIFO ${fmtPct(metrics.hitRatioFifo!)}` +
      (hasShift
        ? `; after the shift LRU hit ${fmtPct(metrics.hitRatioAfterShiftLru!)} against LFU's ${fmtPct(metrics.hitRatioAfterShiftLfu!)}.`
        : '; popularity did not shift within the run.') +
      (rate < READS_PER_SEC ? ` Reads were slowed to ${fmtInt(rate)}/s to keep this long run small.` : ''),
  };
}

export const experiment: Experiment = { spec, run };
