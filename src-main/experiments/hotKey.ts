/**
 * One key takes hotKeyShare of the reads on a sharded cache. Its copies sit
 * on `copies` distinct nodes; the other reads spread over BACKGROUND_KEYS keys
 * hashed to nodes. Each node is a queue served at nodeCapacityOpsPerSecond
 * (by default a scenario redisCache shard): time runs in 10 ms slices with
 * Poisson arrivals per node, a backlog that grows whenever arrivals outrun
 * capacity, and M/M/1 waiting below it. Latency is measured on a random
 * sample of the reads, each read kept with the same chance.
 */
import { RandomStream } from '../sim/engine/rng';
import { num } from './controls';
import { fmtInt, fmtMs, fmtPct, round } from './format';
import { hash32 } from './hashing';
import { LatencyTimeline, quantileMs } from './latency';
import { CACHE } from './scenarioComponents';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const BACKGROUND_KEYS = 20_000;
const RUN_SEC = 10;
const SLICE_SEC = 0.01;
/** Reads whose latency one run samples, whatever the read rate. */
const LATENCY_SAMPLES = 50_000;

const spec: ExperimentSpec = {
  widget: 'hot-key',
  title: 'One hot key on a sharded cache',
  controls: [
    { id: 'hotKeyShare', label: 'Hot key share of reads', kind: 'number', unit: '', min: 0, max: 1, step: 0.01, default: 0.3 },
    { id: 'readsPerSecond', label: 'Reads', kind: 'number', unit: 'reads/s', min: 1000, max: 10_000_000, step: 1000, default: 400_000, scale: 'log' },
    { id: 'nodes', label: 'Cache nodes', kind: 'number', unit: 'nodes', min: 1, max: 100, step: 1, default: 10 },
    { id: 'nodeCapacityOpsPerSecond', label: 'Node capacity', kind: 'number', unit: 'ops/s', min: 1000, max: 1_000_000, step: 1000, default: CACHE.opsPerSecPerShard, scale: 'log' },
    { id: 'copies', label: 'Copies of the hot key', kind: 'number', unit: 'copies', min: 1, max: 100, step: 1, default: 1 },
  ],
  metrics: [
    { id: 'hottestNodeUtilisation', label: 'Hottest node (offered / capacity)', unit: '%', ratio: true },
    { id: 'meanNodeUtilisation', label: 'Cluster average', unit: '%', ratio: true },
    { id: 'p95Ms', label: 'p95 read latency', unit: 'ms' },
    { id: 'p99Ms', label: 'p99 read latency', unit: 'ms' },
  ],
};

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const share = num(controls, 'hotKeyShare');
  const rate = num(controls, 'readsPerSecond');
  const n = Math.round(num(controls, 'nodes'));
  const capacity = num(controls, 'nodeCapacityOpsPerSecond');
  const copies = Math.min(Math.round(num(controls, 'copies')), n);

  // Where things live: background keys by hash, the hot key's copies on distinct nodes.
  const placement = new RandomStream(seed, 'hot-key/placement');
  const salt = placement.nextUint32() | 0;
  const keysOnNode = new Float64Array(n);
  for (let k = 0; k < BACKGROUND_KEYS; k++) keysOnNode[hash32(k, salt) % n]!++;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = placement.below(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const offered = Array.from(keysOnNode, (keysHere) => ((1 - share) * rate * keysHere) / BACKGROUND_KEYS);
  for (let c = 0; c < copies; c++) offered[order[c]!]! += (share * rate) / copies;

  const arrivals = new RandomStream(seed, 'hot-key/arrivals');
  const sampling = new RandomStream(seed, 'hot-key/latency');
  const keep = Math.min(1, LATENCY_SAMPLES / (rate * RUN_SEC));
  const timeline = new LatencyTimeline();
  const backlog = new Float64Array(n);
  const arrived = new Float64Array(n);
  const slicesPerSec = Math.round(1 / SLICE_SEC);
  const served = capacity * SLICE_SEC;
  for (let second = 0; second < RUN_SEC; second++) {
    if (hooks?.shouldStop?.()) break;
    for (let s = 0; s < slicesPerSec; s++) {
      for (let i = 0; i < n; i++) {
        const mean = offered[i]! * SLICE_SEC;
        // Poisson count by its normal approximation: means here are tens to thousands.
        const count = Math.max(0, Math.round(mean + Math.sqrt(mean) * arrivals.normal()));
        if (count === 0) continue;
        arrived[i] = arrived[i]! + count;
        const queuedMs = ((backlog[i]! + count / 2) / capacity) * 1000;
        backlog[i] = Math.max(0, backlog[i]! + count - served);
        const rho = Math.min(offered[i]! / capacity, 0.999);
        // Below capacity the fluid backlog stays empty, so M/M/1 supplies the wait.
        const sojournMeanMs = 1000 / (capacity * (1 - rho));
        const samples = Math.floor(count * keep + sampling.next());
        for (let k = 0; k < samples; k++) {
          timeline.add(CACHE.networkMs + (backlog[i]! > 0 ? queuedMs : 0) + sampling.exponential(sojournMeanMs));
        }
      }
    }
    timeline.closeSecond(second + 1);
  }

  const elapsed = timeline.timeSec.length || 1;
  const utilisation = Array.from(arrived, (a) => a / (elapsed * capacity));
  const hottest = Math.max(...utilisation);
  const hottestNode = utilisation.indexOf(hottest);
  const meanUtil = rate / (n * capacity);
  const theory = (share * rate) / (capacity * copies) + ((1 - share) * rate) / (n * capacity);
  const overall = timeline.overall;
  const p95 = quantileMs(overall, 0.95);

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      hottestNodeUtilisation: round(hottest, 4),
      meanNodeUtilisation: round(meanUtil, 4),
      p95Ms: round(p95, 2),
      p99Ms: round(quantileMs(overall, 0.99), 2),
    },
    theory: {
      hottestNodeUtilisation: {
        value: round(theory, 4),
        method: 'offered / capacity: share × reads / (capacity × copies) + (1 − share) × reads / (capacity × nodes)',
      },
    },
    series: [timeline.series('latencyMs', 'Read latency p95')],
    bars: [
      {
        id: 'nodeUtilisation',
        label: 'Offered load per node',
        unit: '%',
        bars: utilisation.map((u, i) => ({
          label: `node ${i + 1}`,
          value: round(u, 4),
          tone: u > 1 ? 'fail' : u > 0.8 ? 'warn' : i === hottestNode ? 'accent' : 'muted',
        })),
      },
    ],
    thresholds: [{ axis: 'value', seriesId: 'nodeUtilisation', value: 1, label: `node capacity ${fmtInt(capacity)} ops/s` }],
    topology: {
      nodes: [{ id: 'clients', label: 'clients', utilisation: 0 }, ...utilisation.map((u, i) => ({ id: `node-${i + 1}`, label: `node ${i + 1}`, utilisation: round(u, 4) }))],
      edges: offered.map((o, i) => ({ from: 'clients', to: `node-${i + 1}`, perSec: round(o, 1) })),
    },
    summary:
      `The hottest node was offered ${fmtPct(hottest)} of its capacity while the cluster averaged ${fmtPct(meanUtil)}, ` +
      `and p95 read latency was ${fmtMs(p95)}${hottest > 1 ? ' and growing, because that node falls further behind every second' : ''}.`,
  };
}

export const experiment: Experiment = { spec, run };
