/**
 * Keys placed on nodes by hash mod N and by a consistent-hash ring with
 * virtual nodes; then one node leaves (the last) or joins, and we count the
 * keys whose node changed and how evenly the ring spreads them.
 */
import { RandomStream } from '../sim/engine/rng';
import { num, str } from './controls';
import { fmtInt, fmtPct, round } from './format';
import { hash32 } from './hashing';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec } from './types';

/** Keys one run places; more are measured on a sample of this many. */
const MAX_SAMPLED_KEYS = 50_000;

const spec: ExperimentSpec = {
  widget: 'consistent-hashing',
  title: 'Hash mod N against a consistent-hash ring when a node leaves or joins',
  controls: [
    { id: 'nodes', label: 'Nodes', kind: 'number', unit: 'nodes', min: 2, max: 100, step: 1, default: 10 },
    { id: 'keys', label: 'Keys', kind: 'number', unit: 'keys', min: 1000, max: 10_000_000, step: 1000, default: 100_000, scale: 'log' },
    { id: 'virtualNodes', label: 'Virtual nodes per node', kind: 'number', unit: 'per node', min: 1, max: 500, step: 1, default: 1, scale: 'log' },
    {
      id: 'change',
      label: 'Change',
      kind: 'choice',
      options: [
        { value: 'remove', label: 'remove a node' },
        { value: 'add', label: 'add a node' },
      ],
      default: 'remove',
    },
  ],
  metrics: [
    { id: 'remappedShareModN', label: 'Keys moved, hash mod N', unit: '%', ratio: true },
    { id: 'remappedShareRing', label: 'Keys moved, ring', unit: '%', ratio: true },
    { id: 'loadSpreadRing', label: 'Busiest node on the ring (max / mean)', unit: 'x' },
    { id: 'loadSpreadModN', label: 'Busiest node with mod N (max / mean)', unit: 'x' },
  ],
};

interface Ring {
  points: Uint32Array;
  owners: Int32Array;
}

function buildRing(nodes: number[], virtualNodes: number, salt: number): Ring {
  const entries: [number, number][] = [];
  for (const node of nodes) for (let v = 0; v < virtualNodes; v++) entries.push([hash32(node * 1_000_003 + v, salt), node]);
  entries.sort((a, b) => a[0] - b[0]);
  return { points: Uint32Array.from(entries, (e) => e[0]), owners: Int32Array.from(entries, (e) => e[1]) };
}

/** The first point clockwise from h (wrapping past the top). */
function owner(ring: Ring, h: number): number {
  const { points } = ring;
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return ring.owners[lo === points.length ? 0 : lo]!;
}

/** Harmonic number: N random points cut a circle into arcs whose largest is H_N times the mean. */
function harmonic(n: number): number {
  let h = 0;
  for (let k = 1; k <= n; k++) h += 1 / k;
  return h;
}

function run(controls: ControlValues, seed: number): ExperimentResult {
  const n = Math.round(num(controls, 'nodes'));
  const keys = Math.round(num(controls, 'keys'));
  const vnodes = Math.round(num(controls, 'virtualNodes'));
  const change = str(controls, 'change');
  const sampled = Math.min(keys, MAX_SAMPLED_KEYS);
  const salts = new RandomStream(seed, 'consistent-hashing/salts');
  const keySalt = salts.nextUint32() | 0;
  const ringSalt = salts.nextUint32() | 0;

  const before = Array.from({ length: n }, (_, i) => i);
  const after = change === 'remove' ? before.slice(0, n - 1) : [...before, n];
  const ringBefore = buildRing(before, vnodes, ringSalt);
  const ringAfter = buildRing(after, vnodes, ringSalt);
  const loadRing = new Float64Array(n);
  const loadModN = new Float64Array(n);
  let movedModN = 0;
  let movedRing = 0;
  for (let k = 0; k < sampled; k++) {
    const h = hash32(k, keySalt);
    const a = h % n;
    if (a !== h % after.length) movedModN++;
    const r = owner(ringBefore, h);
    if (r !== owner(ringAfter, h)) movedRing++;
    loadRing[r]!++;
    loadModN[a]!++;
  }

  const mean = sampled / n;
  const spreadRing = Math.max(...loadRing) / mean;
  const spreadModN = Math.max(...loadModN) / mean;
  const shareModN = movedModN / sampled;
  const shareRing = movedRing / sampled;
  const bigger = Math.max(n, after.length);
  const scale = keys / sampled;
  const perNode = (load: Float64Array) =>
    Array.from(load, (v, i) => ({ label: `node ${i + 1}`, value: Math.round(v * scale), tone: (v / mean > 1.5 ? 'warn' : 'accent') as 'warn' | 'accent' }));

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      remappedShareModN: round(shareModN, 4),
      remappedShareRing: round(shareRing, 4),
      loadSpreadRing: round(spreadRing, 3),
      loadSpreadModN: round(spreadModN, 3),
    },
    theory: {
      remappedShareModN: { value: round(1 - 1 / bigger, 4), method: `a key stays only when hash mod ${n} equals hash mod ${after.length}: 1 − 1/${bigger}` },
      remappedShareRing: {
        value: round(1 / bigger, 4),
        method:
          `on average only the leaving (or joining) node's arcs move: 1/${bigger}` +
          // Why one run can be far from 10 %: the moving node's share is itself a random draw.
          (vnodes < 50 ? `; with ${fmtInt(vnodes)} virtual node${vnodes === 1 ? '' : 's'} that node owns random arcs, so one run moves more or less than the average (more virtual nodes even the arcs out)` : ''),
      },
      ...(vnodes === 1 ? { loadSpreadRing: { value: round(harmonic(n), 3), method: `expected largest of ${n} random arcs: H_${n} × the mean` } } : {}),
    },
    series: [],
    bars: [
      { id: 'keysPerNodeRing', label: 'Keys per node on the ring, before the change', unit: 'keys', bars: perNode(loadRing) },
      {
        id: 'keysMoved',
        label: 'Keys moved by the change',
        unit: '%',
        bars: [
          { label: 'hash mod N', value: round(shareModN, 4), tone: 'fail' },
          { label: 'ring', value: round(shareRing, 4), tone: 'pass' },
        ],
      },
    ],
    thresholds: [{ axis: 'value', seriesId: 'keysPerNodeRing', value: Math.round(mean * scale), label: `mean ${fmtInt(mean * scale)} keys per node` }],
    summary:
      `${change === 'remove' ? 'Removing' : 'Adding'} a node moved ${fmtPct(shareModN)} of keys with hash mod N and ${fmtPct(shareRing)} on the ring, ` +
      `where the busiest node held ${spreadRing.toFixed(2)} times the mean with ${fmtInt(vnodes)} virtual node${vnodes === 1 ? '' : 's'} each.` +
      (sampled < keys ? ` Measured on a sample of ${fmtInt(sampled)} keys.` : ''),
  };
}

export const experiment: Experiment = { spec, run };
