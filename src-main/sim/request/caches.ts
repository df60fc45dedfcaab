/**
 * Caches at the request level: each lookup draws a key (Zipf); a hit skips
 * the hops behind the cache, a miss goes on and fills the key once the job
 * has passed the skipped hops (or ends). A cache that is down (a fault) is
 * a miss that fills nothing: cache-aside clients read the source.
 */
import { CacheStore } from '../engine/cacheStore';
import { ZipfKeys } from '../engine/zipf';
import type { Plan } from '../plan';
import type { RunControl } from '../runControl';
import * as eventCodes from './events';
import * as jobFields from './jobs';
import { Measures } from './measures';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { NONE } = eventCodes;
const { J_FILL_HOP, J_FILL_KEY, J_FILL_STATION, J_HOP, JOB_INT_SHIFT } = jobFields;

export abstract class Caches extends Measures {
  declare readonly caches: (CacheStore | null)[];
  declare readonly zipf: (ZipfKeys | null)[];

  constructor(plan: Plan, seed: number, control: RunControl) {
    super(plan, seed, control);
    this.caches = plan.stations.map((s) => (s.cache ? new CacheStore(s.cache.capacityKeys, s.cache.keyCount, s.cache.eviction, s.cache.ttlSec) : null));
    this.zipf = plan.stations.map((s) => (s.cache ? new ZipfKeys(s.cache.keyCount, s.cache.zipfExponent) : null));
  }

  /** Moves the job on to its hop `hop` (paths.ts). */
  protected abstract advance(job: number, hop: number): void;

  protected afterCache(job: number, s: number, gh: number): void {
    const hop = this.ji[(job << JOB_INT_SHIFT) + J_HOP]!;
    const key = this.zipf[s]!.draw(this.rngKey[s]!);
    const bi = s * this.B + this.curBucket;
    this.bLookups[bi]!++;
    if (this.measuring) this.stLookups[s]!++;
    if (this.caches[s]!.lookup(key, this.now)) {
      this.bHits[bi]!++;
      if (this.measuring) this.stHits[s]!++;
      this.advance(job, hop + 1 + this.hopSkip[gh]!);
    } else {
      this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] = s;
      this.ji[(job << JOB_INT_SHIFT) + J_FILL_KEY] = key;
      this.ji[(job << JOB_INT_SHIFT) + J_FILL_HOP] = hop + 1 + this.hopSkip[gh]!;
      this.advance(job, hop + 1);
    }
  }

  /** Cache-aside clients read the source when the cache does not answer: a miss that fills nothing. */
  protected cacheDown(job: number, s: number): void {
    this.bLookups[s * this.B + this.curBucket]!++;
    if (this.measuring) this.stLookups[s]!++;
    this.advance(job, this.ji[(job << JOB_INT_SHIFT) + J_HOP]! + 1);
  }

  protected fillCache(job: number): void {
    this.caches[this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION]!]!.fill(this.ji[(job << JOB_INT_SHIFT) + J_FILL_KEY]!, this.now);
    this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] = NONE;
  }
}
