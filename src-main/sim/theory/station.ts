/**
 * The analytical figure to show beside a simulated station: which formula
 * applies to it, with the caveats that make it approximate.
 */
import type { Plan, StationPlan } from '../plan';
import { ROLE_ASYNC, ROLE_CACHE, DIST_EXPONENTIAL } from '../plan';
import type { TheoryFigure } from '../types';
import { zipfCacheHitRatio } from './cheZipf';
import { erlangB } from './erlangB';
import { erlangC, mmcSojournQuantile } from './erlangC';
import { pollaczekKhinchineWait } from './pollaczekKhinchine';

const empty: TheoryFigure = {
  model: '',
  utilisation: null,
  meanWaitMs: null,
  meanSojournMs: null,
  p95SojournMs: null,
  probabilityOfWaiting: null,
  blockingProbability: null,
  cacheHitRatio: null,
  caveat: null,
};

const ms = (sec: number | null): number | null => (sec === null ? null : sec * 1000);

/** Hit ratio predicted for a cache under independent Zipf requests (Che for LRU/FIFO, ideal LFU; memoised). */
export function predictedHitRatio(station: StationPlan): number | null {
  const c = station.cache;
  return c ? zipfCacheHitRatio(c.keyCount, c.zipfExponent, c.capacityKeys, c.eviction) : null;
}

/** `arrivalRatePerSec` is the measured visit rate, so downstream stations get their real load. */
export function stationTheory(plan: Plan, station: StationPlan, arrivalRatePerSec: number, servers: number): TheoryFigure | null {
  if (station.role === ROLE_ASYNC || station.kind === 'source') return null;
  const caveats: string[] = [];
  const s = station.service;
  if (!(s.meanSec > 0) || !(arrivalRatePerSec > 0)) return null;
  const uses = plan.workloads.flatMap((w) => w.hops.filter((h) => h.station === station.index));
  if (uses.some((h) => h.service !== station.service)) caveats.push('some workloads override the service time here; the figures use the component default');
  if (uses.some((h) => h.locksRow)) caveats.push('row-lock waits are not in the formula');
  if (station.faults.length > 0) caveats.push('faults are not in the formula');
  if (station.autoscale) caveats.push('autoscaling changes the server count; the formula uses the configured count');
  const firstHopOnly = plan.workloads.every((w) => w.hops.every((h, i) => h.station !== station.index || i === 0));
  // At the entry the offered rate is known exactly; further in, use what actually arrived.
  if (firstHopOnly) arrivalRatePerSec = plan.workloads.reduce((sum, w) => sum + (w.hops[0]!.station === station.index ? w.share : 0), 0) * plan.traffic.meanRatePerSec;
  if (!firstHopOnly) caveats.push('arrivals come from upstream components, so they are Poisson only in a chain of exponential stations (Burke)');
  const queues = station.sharedQueue ? 1 : station.instances;
  const c = Math.max(1, Math.round(servers / queues));
  if (queues > 1) caveats.push(`each of the ${queues} instances is treated as its own queue with 1/${queues} of the arrivals (exact for random routing)`);
  const lambda = arrivalRatePerSec / queues;
  const mu = 1 / s.meanSec;
  const figure: TheoryFigure = { ...empty };
  if (station.role === ROLE_CACHE) figure.cacheHitRatio = predictedHitRatio(station);
  if (station.role === ROLE_CACHE && station.cache && Number.isFinite(station.cache.ttlSec)) caveats.push('the hit-ratio formula ignores the TTL');

  if (station.maxQueuePerInstance === 0) {
    const blocking = erlangB(c, lambda / mu);
    return {
      ...figure,
      model: 'Erlang B (loss system)',
      blockingProbability: blocking,
      utilisation: (lambda * (1 - blocking)) / (c * mu),
      meanSojournMs: ms(s.meanSec),
      meanWaitMs: 0,
      caveat: caveats.join('; ') || null,
    };
  }
  if (Number.isFinite(station.maxQueuePerInstance)) caveats.push('the waiting room is bounded; the formula assumes it is not');
  const rho = lambda / (c * mu);
  if (rho >= 1) {
    return {
      ...figure,
      model: 'overloaded (ρ >= 1)',
      utilisation: 1,
      caveat: [`arrivals exceed capacity: the queue grows by about ${(lambda - c * mu).toPrecision(3)} requests per second per queue`, ...caveats].join('; '),
    };
  }
  if (s.kind === DIST_EXPONENTIAL) {
    const f = erlangC(c, lambda, mu)!;
    return {
      ...figure,
      model: c === 1 ? 'M/M/1' : 'M/M/c (Erlang C)',
      utilisation: rho,
      probabilityOfWaiting: f.probabilityOfWaiting,
      meanWaitMs: ms(f.meanWait),
      meanSojournMs: ms(f.meanSojourn),
      p95SojournMs: ms(mmcSojournQuantile(c, lambda, mu, 0.95)),
      caveat: caveats.join('; ') || null,
    };
  }
  if (c === 1) {
    const wait = pollaczekKhinchineWait(lambda, s.meanSec, s.scv)!;
    return {
      ...figure,
      model: s.scv === 0 ? 'M/D/1 (Pollaczek-Khinchine)' : 'M/G/1 (Pollaczek-Khinchine)',
      utilisation: rho,
      probabilityOfWaiting: rho,
      meanWaitMs: ms(wait),
      meanSojournMs: ms(wait + s.meanSec),
      caveat: caveats.join('; ') || null,
    };
  }
  // Allen-Cunneen: the M/M/c wait scaled by (1 + Cs²) / 2; an approximation.
  const f = erlangC(c, lambda, mu)!;
  const wait = (f.meanWait * (1 + s.scv)) / 2;
  caveats.unshift('service is not exponential: Allen-Cunneen approximation');
  return {
    ...figure,
    model: 'M/G/c (Allen-Cunneen)',
    utilisation: rho,
    probabilityOfWaiting: f.probabilityOfWaiting,
    meanWaitMs: ms(wait),
    meanSojournMs: ms(wait + s.meanSec),
    caveat: caveats.join('; '),
  };
}
